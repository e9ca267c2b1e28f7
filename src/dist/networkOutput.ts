/**
 * Reading what a generated network program writes (src/codegen/cNetworkMain.ts): two comment
 * lines (title; arguments), the CSV header, one row per point per sample, `# checksum` and, with
 * dump=1, one line per neuron. Anything else — a truncated file, a non-number, a missing
 * checksum — is refused naming the file and the line, so a gather never takes a half-written output.
 */
import { NumericInputError } from '../numerics/validate.ts';

/** One sampled row: time, point, position and the named values (mean(v), var(v), ...). */
export interface NetworkRow {
  readonly t: number;
  readonly point: number;
  readonly x: number;
  readonly values: Readonly<Record<string, number>>;
}

/** A parsed output. */
export interface NetworkOutput {
  readonly title: string;
  readonly arguments: Readonly<Record<string, string>>;
  readonly columns: readonly string[];
  readonly rows: readonly NetworkRow[];
  readonly checksum: string;
  /** [point, neuron, state...] per neuron (dump=1 only). */
  readonly dump: readonly number[][];
}

/** Parse a program's stdout; `what` names it in errors (a file, a task). */
export function parseNetworkOutput(text: string, what: string): NetworkOutput {
  const lines = text.split('\n');
  const bad = (line: number, why: string): never => {
    throw new NumericInputError(`${what}: line ${line + 1}: ${why} (a truncated or corrupt output?)`);
  };
  if (!lines[0]?.startsWith('# ')) bad(0, 'the title line is missing');
  if (!lines[1]?.startsWith('# ')) bad(1, 'the arguments line is missing');
  const args = Object.fromEntries(
    lines[1]
      .slice(2)
      .split(' ')
      .map((kv) => kv.split('='))
      .map(([k, v]) => [k, v ?? '']),
  );
  const columns = (lines[2] ?? '').split(',');
  if (columns.slice(0, 3).join(',') !== 't,point,x' || columns.length < 4) bad(2, 'the column header t,point,x,... is missing');
  const number = (s: string, line: number): number => {
    const x = Number(s);
    if (s === '' || !Number.isFinite(x)) bad(line, `'${s}' is not a finite number`);
    return x;
  };
  const rows: NetworkRow[] = [];
  let i = 3;
  for (; i < lines.length && !lines[i].startsWith('#') && !(lines[i] === '' && i === lines.length - 1); i++) {
    const cells = lines[i].split(',');
    if (cells.length !== columns.length) bad(i, `${cells.length} fields, ${columns.length} expected`);
    const xs = cells.map((c) => number(c, i));
    rows.push({ t: xs[0], point: xs[1], x: xs[2], values: Object.fromEntries(columns.slice(3).map((c, j) => [c, xs[3 + j]])) });
  }
  const m = /^# checksum ([0-9a-f]{16})$/.exec(lines[i] ?? '');
  if (!m) bad(i, 'the closing checksum line is missing');
  const dump: number[][] = [];
  for (i++; i < lines.length; i++) {
    if (lines[i] === '' && i === lines.length - 1) break;
    dump.push(lines[i].split(',').map((c) => number(c, i)));
  }
  if (lines[lines.length - 1] !== '') bad(lines.length - 1, 'the output does not end with a line break');
  return { title: lines[0].slice(2), arguments: args, columns, rows, checksum: (m as RegExpExecArray)[1], dump };
}
