/**
 * mathjs, loaded from the one-file bundle the package exports (`mathjs/lib/browser/math.js`, the same
 * build as its ES modules): about 50 ms of CPU to load instead of the 800 ms its thousand ES modules
 * take, a cost every process and every worker thread of the runner pays before its first claim.
 * The bundle holds one instance (no factories to create another); it is configured here, once, at
 * load, to read numerals as exact decimals, and no other module loads the bundle or changes it.
 */
import { createRequire } from 'node:module';
import type { MathJsInstance } from 'mathjs';

const bundle = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathJsInstance;
bundle.config({ number: 'BigNumber', precision: 64 });

/** mathjs reading numerals as exact decimals of 64 digits (`0.1` is 1/10, `1e-400` is not 0); plain numbers stay numbers in its functions (eigs). */
export const exactMath: MathJsInstance = bundle;
