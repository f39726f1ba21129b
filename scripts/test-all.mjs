#!/usr/bin/env node
// Runs every package's tests (turbo, continuing past failures), then prints the
// totals over all packages as the last line.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) rmSync(join(dir, name, 'test-results.json'), { force: true });
}
const pnpm = join(root, 'scripts/pnpm.mjs');
// Turbo's telemetry notice and update banner are noise; test output and errors print in full.
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', DO_NOT_TRACK: '1' };
const start = Date.now();
console.log('antorcha: running every package\'s tests (turbo, one package at a time)…');
const tests = spawnSync(process.execPath, [pnpm, 'exec', 'turbo', 'run', 'test', '--continue', '--concurrency=1', '--output-logs=full'], { stdio: 'inherit', cwd: root, env });
console.log(`antorcha: tests finished in ${((Date.now() - start) / 60000).toFixed(1)} min`);
const totals = spawnSync(process.execPath, [join(root, 'scripts/totals.mjs')], { stdio: 'inherit', cwd: root });
process.exit(tests.status || totals.status || 0);
