/** Progress of long runs: a bar on stderr when it is a terminal, one closing line otherwise. */

/** A progress callback: fraction done in [0, 1]. */
export type OnProgress = (fraction: number) => void;

/** Does nothing (the default for library calls). */
export const noProgress: OnProgress = () => {};

/** A progress bar `label [#####.....] 42%` on stderr, redrawn at most every 100 ms; a final line at 100%. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): OnProgress {
  const width = 30;
  let lastDraw = 0;
  let done = false;
  const start = Date.now();
  return (fraction) => {
    if (done) return;
    const f = Math.max(0, Math.min(1, fraction));
    const now = Date.now();
    if (f < 1 && now - lastDraw < 100) return;
    lastDraw = now;
    const bar = `${label} [${'#'.repeat(Math.round(f * width)).padEnd(width, '.')}] ${(f * 100).toFixed(0).padStart(3)}%`;
    if (f >= 1) {
      done = true;
      stream.write(`${stream.isTTY ? '\r' : ''}${bar} (${((now - start) / 1000).toFixed(1)} s)\n`);
    } else if (stream.isTTY) stream.write(`\r${bar}`);
  };
}
