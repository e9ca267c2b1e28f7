import { readdirSync } from 'node:fs';
const dir = '/work/wt-12/derivations';
const counts: Record<string, number> = {};
for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts') && x !== 'numerics.ts')) {
  const d = (await import(`${dir}/${f}`)).default.run();
  for (const c of d.claims) { counts[c.status] = (counts[c.status] ?? 0) + 1; if (c.status === 'failed' || c.status === 'disputed' || c.unexpected) console.log(f, c.id, c.status, (c.unexpected ?? '').slice(0, 200), '|', (c.message ?? '').slice(0, 600)); }
}
console.log(JSON.stringify(counts));
