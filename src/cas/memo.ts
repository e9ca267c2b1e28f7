/**
 * Memo tables of pure functions (normal forms, structural keys, compiled programs, expansions):
 * each holds immutable values computed from its key alone, so a hit returns what a fresh
 * computation would. Every table registers a way to empty itself here, so a benchmark can
 * measure a cold replay (in a warm JIT) and a test can check that a verdict does not depend on
 * what ran before.
 */
const clearers: (() => void)[] = [];

/** Register the function that empties one memo table (called once, at module load). */
export function registerMemo(clear: () => void): void {
  clearers.push(clear);
}

/** Empty every registered memo table: what follows computes from scratch. */
export function clearMemos(): void {
  for (const clear of clearers) clear();
}
