#!/usr/bin/env node
// Entry point of `npx fhn-derive`: runs the sources in a checkout of the repository, the build in
// dist/ in an installed package. Either way it registers tsx's loader first, so users' .ts files
// load on Node 20 (the library itself never needs a loader), and loads .ts files outside
// node_modules as ES modules even in a project without "type": "module" (a derivation file
// `import`s fhn-derive, an ES module). In a checkout, `fhn-derive` imported by a user's file
// resolves to the sources too (the export condition "fhn-derive-source").
import { existsSync } from 'node:fs';
import { registerLoaders } from './loaders.mjs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const checkout = existsSync(source);
registerLoaders(checkout ? ['fhn-derive-source'] : []);

const { cli } = await import(checkout ? source.href : '../dist/cli/main.js');
process.exitCode = await cli(process.argv.slice(2));
