#!/usr/bin/env node
// Entry point of `npx fhn-derive`: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  console.error(`fhn-derive: ${err.message}`);
  process.exitCode = 2;
}
