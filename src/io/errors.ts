/** The refusal of an output folder (exit 2: the command line or the folder is wrong, nothing was written). */
export class OutputRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputRefused';
  }
}
