// The module loaders every entry of fhn-derive registers before it imports a user's file (the CLI
// in bin/fhn-derive.mjs, the derivation runner's worker threads): tsx for TypeScript on Node 20,
// and a resolve hook that loads .ts files outside node_modules as ES modules even in a project
// without "type": "module" (a derivation file `import`s fhn-derive, an ES module), adding the
// given export conditions ("fhn-derive-source" in a checkout).
import { register as registerHooks } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

const hooks = `let conditions = [];
export function initialize(data) { conditions = data.conditions; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, conditions.length > 0 ? { ...context, conditions: [...context.conditions, ...conditions] } : context);
  return /^file:.*\\.tsx?$/.test(r.url) && !r.url.includes('/node_modules/') ? { ...r, format: 'module' } : r;
}`;

/** Register tsx and the hook that reads users' .ts files as ES modules, with extra export conditions. */
export function registerLoaders(conditions) {
  registerTsx();
  registerHooks(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { conditions } });
}
