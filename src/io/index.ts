/** Output folders written safely: one set per run, atomic, locked, never through a link, nothing of the user's overwritten. */
export { OutputSet, checkOutputDir } from './outputSet.ts';
export type { OpenOptions, Legacy } from './outputSet.ts';
export { OutputRefused } from './errors.ts';
export { MANIFEST_NAME, readManifest, readListedOutput, verifyOutputs, settleOutputs, sha256 } from './manifest.ts';
export type { Manifest, ManifestEntry } from './manifest.ts';
