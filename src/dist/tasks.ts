/**
 * A sweep: independent runs of one compiled network program that differ in one argument (the
 * replica, the seed, eps, ...). Its description (DIR/sweep.json) holds the fixed arguments, the
 * scanned values, one task per value, and how many tasks one Slurm array element runs (the chunk,
 * to amortise start-up). Task indices, array elements and ranks are checked here, by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NumericInputError } from '../numerics/validate.ts';

/** The scanned argument and its values (as the program reads them). */
export interface Scan {
  readonly name: string;
  readonly values: readonly string[];
}

/** The sweep's description. */
export interface Sweep {
  readonly version: 1;
  readonly title: string;
  /** The program's file name inside the sweep's directory. */
  readonly program: string;
  /** Fixed arguments, name=value. */
  readonly fixed: readonly string[];
  readonly scan: Scan;
  readonly chunk: number;
  /** The command prefix that runs `fhn-derive` (node and the CLI's entry point). */
  readonly cli: readonly string[];
}

/** Largest number of tasks of one sweep (its task files are numbered with 6 digits). */
export const MAX_TASKS = 100_000;

/**
 * A scan from NAME=A..B (integers A to B) or NAME=V1,V2,... (numbers); the name must be one of
 * the program's arguments.
 */
export function parseScan(text: string, names: readonly string[]): Scan {
  const m = /^([A-Za-z_]\w*)=(.+)$/.exec(text);
  if (!m) throw new NumericInputError(`--scan must be NAME=A..B or NAME=V1,V2,..., got '${text}'`);
  const [, name, list] = m;
  if (!names.includes(name)) throw new NumericInputError(`--scan: ${name} is not an argument of the program (it takes ${names.join(', ')})`);
  const range = /^(\d+)\.\.(\d+)$/.exec(list);
  let values: string[];
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (b < a) throw new NumericInputError(`--scan ${name}=${list}: the range is empty (${b} < ${a})`);
    if (b - a + 1 > MAX_TASKS) throw new NumericInputError(`--scan ${name}=${list}: ${b - a + 1} tasks, at most ${MAX_TASKS}`);
    values = Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
  } else values = list.split(',');
  values.forEach((v) => {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) throw new NumericInputError(`--scan ${name}: '${v}' is not a number`);
  });
  if (new Set(values).size !== values.length) throw new NumericInputError(`--scan ${name}: a value is repeated`);
  if (values.length > MAX_TASKS) throw new NumericInputError(`--scan ${name}: ${values.length} tasks, at most ${MAX_TASKS}`);
  return { name, values };
}

/** The number of tasks. */
export const taskCount = (s: Sweep): number => s.scan.values.length;

/** The number of Slurm array elements (chunks of s.chunk tasks). */
export const elementCount = (s: Sweep): number => Math.ceil(taskCount(s) / s.chunk);

/** A task index from its text, refused unless an integer in [0, tasks). */
export function taskIndex(s: Sweep, raw: string | number): number {
  const i = Number(raw);
  const n = taskCount(s);
  if (!(String(raw).trim() !== '' && Number.isInteger(i) && i >= 0 && i < n))
    throw new NumericInputError(`task index ${raw} is out of range: the sweep has ${n} tasks (0..${n - 1})`);
  return i;
}

/** The tasks of array element e (chunk e), refused unless e is an element of the array. */
export function chunkTasks(s: Sweep, raw: string | number): number[] {
  const e = Number(raw);
  const n = elementCount(s);
  if (!(String(raw).trim() !== '' && Number.isInteger(e) && e >= 0 && e < n))
    throw new NumericInputError(`array element ${raw} is out of range: the sweep has ${n} elements (0..${n - 1}) of ${s.chunk} tasks`);
  const lo = e * s.chunk;
  return Array.from({ length: Math.min(s.chunk, taskCount(s) - lo) }, (_, i) => lo + i);
}

/** The tasks rank r of p takes under mpirun (r, r + p, r + 2p, ...). */
export function rankTasks(s: Sweep, rank: number, size: number): number[] {
  if (!(Number.isInteger(size) && size >= 1 && Number.isInteger(rank) && rank >= 0 && rank < size))
    throw new NumericInputError(`rank ${rank} of ${size} is not a rank (0 <= rank < size)`);
  return Array.from({ length: taskCount(s) }, (_, i) => i).filter((i) => i % size === rank);
}

/** The arguments of task i: the fixed ones, then the scanned one. */
export const taskArguments = (s: Sweep, i: number): string[] => [...s.fixed, `${s.scan.name}=${s.scan.values[i]}`];

/** The output file of task i. */
export const taskFile = (dir: string, i: number): string => join(dir, 'tasks', `task-${String(i).padStart(6, '0')}.csv`);

/** The sweep's description file. */
export const sweepFile = (dir: string): string => join(dir, 'sweep.json');

/** Read and check DIR/sweep.json. */
export function readSweep(dir: string): Sweep {
  const file = sweepFile(dir);
  if (!existsSync(file)) throw new NumericInputError(`${dir} is not a sweep directory: ${file} is missing (write it with fhn-derive sweep plan)`);
  let s: Sweep;
  try {
    s = JSON.parse(readFileSync(file, 'utf8')) as Sweep;
  } catch (err) {
    throw new NumericInputError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const ok =
    s?.version === 1 &&
    typeof s.program === 'string' &&
    Array.isArray(s.fixed) &&
    Array.isArray(s.scan?.values) &&
    s.scan.values.length >= 1 &&
    Number.isInteger(s.chunk) &&
    s.chunk >= 1 &&
    Array.isArray(s.cli);
  if (!ok) throw new NumericInputError(`${file} is not a sweep description of this version (write it again with fhn-derive sweep plan)`);
  return s;
}
