/** The verify layer: identities decided by independent methods, claims, derivations. */
export * from './equivalent.ts';
export * from './claims.ts';
export * from './derivation.ts';
export * from './crossCheckCache.ts';
export * from './inequality.ts';
export * from './region.ts';
export * from './search.ts';
export * from './prover.ts';
export * from './independence.ts';
export * from './citations.ts';
export * from './order.ts';
export * from './premises.ts';
export * from './options.ts';
