#!/usr/bin/env node
// One-step set-up used by `npm start` and `npm test`: install with the committed
// lockfile, then build every package (turbo orders the builds by dependency).
import { spawnSync } from 'node:child_process';

function run(args) {
  const r = spawnSync(process.execPath, [new URL('./pnpm.mjs', import.meta.url).pathname, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(['install', '--frozen-lockfile']);
run(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
