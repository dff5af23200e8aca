#!/usr/bin/env node
// `npm test`: every tier in one Vitest run. Unit + integration on PGlite always; integration again
// on PostgreSQL when DATABASE_URL is set; the browser tier when Chromium is installed (under
// CI=true a missing Chromium is a failure, not a skip). Ends with one plain summary line.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';
const projects = ['unit', 'integration'];
if (process.env.DATABASE_URL) projects.push('integration-postgres');
if (existsSync(chromium)) {
  projects.push('e2e');
} else if (ci) {
  console.error(
    `chromium not found at ${chromium}: the browser tests cannot run (apt-get install chromium fonts-wqy-microhei)`,
  );
  process.exit(1);
} else {
  console.log(
    `chromium not found at ${chromium}: skipping the browser tests only (apt-get install chromium fonts-wqy-microhei to run them)`,
  );
}

mkdirSync('test-artifacts', { recursive: true });
const report = 'test-artifacts/vitest-report.json';
const args = [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const res = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let summary = 'no test report written';
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
  if (r.numTotalTests === 0) summary += ' (no tests ran)';
}
console.log(`\nprojects: ${projects.join(', ')}`);
console.log(`tests: ${summary}`);
process.exit(res.status ?? 1);
