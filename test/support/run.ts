/** Test helper: run a command as a child process, with this test run's npm and vitest variables removed. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The environment of child commands: this run's npm and vitest variables removed (they would steer the consumer's npm and vitest). */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|TEST$|NODE_ENV$)/i.test(k)));
}

/** Run a command in dir; resolves to its exit code, stdout and stderr (a non-zero exit is a result, not an error). */
export async function run(dir: string, cmd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(cmd, [...args], { cwd: dir, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string; message: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
