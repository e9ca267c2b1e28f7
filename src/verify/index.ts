/** The verify layer: identities decided by independent methods, claims, derivations. */
export * from './equivalent.ts';
export * from './claims.ts';
export * from './derivation.ts';
export * from './inequality.ts';
