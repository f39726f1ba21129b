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
const tests = spawnSync(process.execPath, [pnpm, 'exec', 'turbo', 'run', 'test', '--continue', '--concurrency=1', '--output-logs=full'], { stdio: 'inherit', cwd: root });
const totals = spawnSync(process.execPath, [join(root, 'scripts/totals.mjs')], { stdio: 'inherit', cwd: root });
process.exit(tests.status || totals.status || 0);
