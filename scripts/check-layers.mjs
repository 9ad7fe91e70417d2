// The layer rules of design.md §1, checked on every `npm run lint`: core runs under plain Node (never imports
// electron), shared/ is pure TypeScript, and the renderer reaches the main side only through the contract.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rules = [
  { dir: 'electron/core', forbid: /^(electron)$/, why: 'electron/core must run under plain Node: no electron import' },
  { dir: 'shared', forbid: /^(node:|electron|fs$|net$|path$|react|zod)/, why: 'shared/ is pure TypeScript: no Node, Electron, React or zod' },
  { dir: 'renderer', forbid: /^(node:|electron$)|\/electron\//, why: 'the renderer talks to the main side only through the ConsoleApi contract' },
  { dir: 'electron/preload', forbid: /^(?!electron$)[^.]/, why: 'a sandboxed preload may require only electron (and bundle relative imports)' },
];
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield path;
  }
}

const violations = [];
for (const rule of rules) {
  for (const file of files(join(root, rule.dir))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (spec && !/^import\s+type\b/.test(match[0].trim()) && rule.forbid.test(spec)) {
        violations.push(`${relative(root, file)}: imports '${spec}' — ${rule.why}`);
      }
    }
  }
}
if (violations.length > 0) {
  console.error(violations.join('\n'));
  process.exit(1);
}
console.log(`layers: ${rules.length} rules hold`);
