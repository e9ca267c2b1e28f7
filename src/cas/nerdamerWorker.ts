/**
 * nerdamer in a worker thread, called synchronously with a hard time limit. nerdamer cannot be
 * interrupted inside its own loops (2^100000 keeps it busy for a minute), so each call is posted
 * to a worker and the caller waits on a shared flag with Atomics.wait; past the limit the worker
 * is terminated and the call fails with a TimeoutError, so the method abstains instead of hanging.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { TimeoutError, msLeft } from './polyCore.ts';

/** The worker's code: expand(text), optionally after substituting names by texts; the answer goes through shared memory. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const nerdamer = require(workerData.nerdamerPath);
const ctrl = new Int32Array(workerData.sab, 0, 2);
const bytes = new Uint8Array(workerData.sab, 8);
const encoder = new TextEncoder();
parentPort.on('message', (m) => {
  let out;
  try {
    const expr = m.subs ? nerdamer(m.text, m.subs).toString() : m.text;
    out = 'ok:' + nerdamer('expand(' + expr + ')').toString();
  } catch (e) {
    out = 'error:' + (e && e.message ? e.message : String(e));
  }
  nerdamer.flush(); // nerdamer keeps every parsed expression: no state carried from one call to the next
  const b = encoder.encode(out);
  if (b.length > bytes.length) Atomics.store(ctrl, 1, -1);
  else { bytes.set(b); Atomics.store(ctrl, 1, b.length); }
  Atomics.store(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
});`;

const ANSWER_BYTES = 8 << 20;

interface Channel {
  readonly worker: Worker;
  readonly sab: SharedArrayBuffer;
  readonly ctrl: Int32Array;
}

let channel: Channel | undefined;

function open(): Channel {
  if (channel) return channel;
  const sab = new SharedArrayBuffer(8 + ANSWER_BYTES);
  const nerdamerPath = createRequire(import.meta.url).resolve('nerdamer');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { nerdamerPath, sab } });
  worker.unref();
  channel = { worker, sab, ctrl: new Int32Array(sab, 0, 2) };
  return channel;
}

/** nerdamer's answer could not be had: an error inside nerdamer, or an answer too long to pass back. */
export class NerdamerFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NerdamerFailure';
  }
}

/** nerdamer's expand(text) (after substituting `subs`, name -> text), within ms milliseconds. */
export function nerdamerExpandSync(text: string, ms: number, subs?: Record<string, string>): string {
  const wait = Math.min(ms, msLeft()); // one deadline for the whole check, not one per nerdamer call
  if (wait <= 0) throw new TimeoutError(ms);
  const c = open();
  Atomics.store(c.ctrl, 0, 0);
  c.worker.postMessage({ text, subs });
  if (Atomics.wait(c.ctrl, 0, 0, Math.max(1, wait)) === 'timed-out') {
    void c.worker.terminate();
    channel = undefined;
    throw new TimeoutError(ms);
  }
  const n = Atomics.load(c.ctrl, 1);
  if (n < 0) throw new NerdamerFailure(`nerdamer's answer is longer than ${ANSWER_BYTES} bytes`);
  const out = new TextDecoder().decode(new Uint8Array(c.sab, 8, n).slice());
  if (out.startsWith('error:')) throw new NerdamerFailure(`nerdamer: ${out.slice(6)}`);
  return out.slice(3);
}
