/**
 * A cache of numeric cross-checks for the length of one replay: a command that knows what its
 * results depend on (the paper command hashes the sources, kernels and locked dependencies) sets
 * one around a derivation's run; `Derivation.crossCheck` then reuses a stored record instead of
 * running the simulation again. Without a cache (the default) every check runs. The scope is
 * explicit, not a shared object: nothing survives `withCrossCheckCache`.
 */
import type { CrossCheckRecord } from './derivation.ts';

/** Where cross-check records are kept between runs, by key. */
export interface CrossCheckCache {
  get(key: string): CrossCheckRecord | undefined;
  set(key: string, record: CrossCheckRecord): void;
}

let active: CrossCheckCache | undefined;

/** Run f with cache as the cross-check cache (restored afterwards, also on a throw). */
export function withCrossCheckCache<T>(cache: CrossCheckCache | undefined, f: () => T): T {
  const previous = active;
  active = cache;
  try {
    return f();
  } finally {
    active = previous;
  }
}

/** The cache of the replay that is running, if its command set one. */
export function activeCrossCheckCache(): CrossCheckCache | undefined {
  return active;
}
