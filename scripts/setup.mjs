#!/usr/bin/env node
// One-step set-up used by `npm start` and `npm test`: install with the committed
// lockfile, then build every package (turbo orders the builds by dependency).
// Says which step runs and how long it took; pnpm prints only warnings and errors.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Turbo's telemetry notice and update banner are noise here; real errors still print.
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', DO_NOT_TRACK: '1' };

function step(label, args) {
  const start = Date.now();
  console.log(`antorcha: ${label}…`);
  const r = spawnSync(process.execPath, [join(root, 'scripts/pnpm.mjs'), ...args], { stdio: 'inherit', env, cwd: root });
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`antorcha: ${label} failed after ${seconds} s (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`antorcha: ${label} done in ${seconds} s`);
}

// The workspace packages with a build script (what turbo will build).
const builds = ['packages', 'apps', 'bench']
  .flatMap((group) => (existsSync(join(root, group, 'package.json')) ? [join(root, group)] : readdirSync(join(root, group)).map((n) => join(root, group, n))))
  .filter((dir) => existsSync(join(dir, 'package.json')) && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.build);
step('installing dependencies (pnpm, committed lockfile)', ['install', '--frozen-lockfile', '--loglevel=warn']);
step(`building ${builds.length} packages (turbo, cached builds are skipped)`, ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
