/** `fhn-derive generate`: regenerate src/generated/ from the derivations' kernels, or check it is current. */
import { derivationFiles } from '../load.ts';
import type { CommandSpec } from '../options.ts';
import { checkoutPath } from '../repository.ts';

export const generateCommand: CommandSpec = {
  name: 'generate',
  summary: 'Regenerate src/generated/ from the kernels of the derivations (a checkout of the repository).',
  options: [{ name: 'check', type: 'boolean', help: 'only compare; exit 1 when a generated file is stale' }],
  async run(args) {
    const check = args.flag('check');
    const { generatedFiles, writeOrCheck } = await import('../generate.ts');
    const files = await generatedFiles(derivationFiles(checkoutPath('generate', 'derivations')), checkoutPath('generate', 'src', 'generated'));
    const changed = writeOrCheck(files, check);
    for (const f of files) console.log(`${changed.includes(f.path) ? (check ? 'STALE' : 'wrote') : 'up to date'}  ${f.path}`);
    return check && changed.length > 0 ? 1 : 0;
  },
};
