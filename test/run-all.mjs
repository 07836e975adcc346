// `npm test`: every check in one command. Types, lint and format, the static build, the manifest,
// unit, contract, UI and end-to-end tests. The last line is the plain total CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const steps = [
  ['types (back end)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['types (static apps)', 'npx', ['tsc', '-p', 'static/tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['static build', 'node', ['static/build.mjs']],
];

let passed = 0;
let failed = 0;
const failures = [];
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

const out = join(mkdtempSync(join(tmpdir(), 'accord-jest-')), 'results.json');
process.stdout.write('\n== jest (unit, contract, ui, e2e)\n');
const jest = spawnSync('npx', ['jest', '--ci', '--json', `--outputFile=${out}`], { stdio: 'inherit' });
if (existsSync(out)) {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that fails to run (syntax error, failed import) has no failed test but must still fail.
  const brokenSuites = results.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'),
  );
  failed += brokenSuites.length;
  for (const s of brokenSuites) failures.push(`suite ${s.name}`);
  if (results.numTotalTests === 0) {
    failed++;
    failures.push('jest ran no test');
  }
} else {
  failed++;
  failures.push(`jest (exit ${jest.status})`);
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
