// `npm run test:security`: Electronegativity over the built app (out/: main, preload, renderer — what ships), with
// its findings parsed — it exits 0 whatever it finds. Fails when a HIGH or MEDIUM finding is not explained in
// findings-explained.json beside this file, or when an explanation no longer matches any finding (so the file
// stays true). It runs in its own install (this folder's package.json): it brings TypeScript 4.2 and eslint 7.
//
// Offline by design: DNS lookups are refused here, so it never reaches for GitHub or S3 (these machines cannot, and
// a test must not). Its translation download then fails, as on any offline machine; that one error — ours, marked
// "offline:" — is the only uncaught exception tolerated.
import dns from 'node:dns';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const here = import.meta.dirname;
const root = join(here, '../..');
const OFFLINE = 'offline: not looked up';
dns.lookup = (hostname, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(done, Object.assign(new Error(`${OFFLINE} ${hostname}`), { code: 'ENOTFOUND' }));
};
process.on('uncaughtException', (error) => {
  if (String(error?.message).startsWith(OFFLINE)) return;
  console.error(error);
  process.exit(1);
});

const config = JSON.parse(readFileSync(join(here, 'findings-explained.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
let run;
try {
  run = createRequire(join(here, 'package.json'))('@doyensec/electronegativity');
} catch (error) {
  console.error(`electronegativity is not installed in ${relative(root, here)} (npm install does it: ${error.message})`);
  process.exit(1);
}

const input = join(root, 'out');
const result = await run({
  input, output: null, isSarif: false, customScan: [], excludeFromScan: Object.keys(config.excludedChecks),
  severitySet: undefined, confidenceSet: undefined, isRelative: true, isVerbose: false, electronUpgrade: undefined,
  electronVersionOverride: electronVersion, parserPlugins: [],
});
if (result.errors.length > 0) {
  console.error(`electronegativity could not parse: ${result.errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
  process.exit(1);
}

const findings = result.issues.map((issue) => ({
  check: issue.id, severity: issue.severity.name, confidence: issue.confidence.name, file: issue.file,
  line: issue.location.line, sample: String(issue.sample ?? '').trim().slice(0, 100),
}));
const explanationOf = (f) => config.explained.find((e) => e.check === f.check && e.file === f.file);
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM' || f.severity === 'CRITICAL');
const unexplained = serious.filter((f) => !explanationOf(f));
const stale = config.explained.filter((e) => !findings.some((f) => f.check === e.check && f.file === e.file));

for (const f of findings) {
  const why = explanationOf(f)?.why;
  console.log(`${f.severity.padEnd(6)} ${f.check} out/${f.file}:${f.line} ${why ? `— explained: ${why}` : f.severity === 'LOW' || f.severity === 'INFORMATIONAL' ? '' : '— NOT EXPLAINED'}`);
}
console.log(`electronegativity ${electronVersion === undefined ? '' : `(Electron ${electronVersion}) `}: ${findings.length} findings, ${serious.length} HIGH/MEDIUM, ${unexplained.length} unexplained`);
if (unexplained.length > 0) {
  console.error(`Explain or fix these in ${relative(root, join(here, 'findings-explained.json'))}:\n${unexplained.map((f) => `  ${f.check} out/${f.file}:${f.line}  ${f.sample}`).join('\n')}`);
}
if (stale.length > 0) console.error(`Explanations that match no finding any more (remove them): ${stale.map((e) => `${e.check} ${e.file}`).join(', ')}`);
process.exit(unexplained.length > 0 || stale.length > 0 ? 1 : 0);
