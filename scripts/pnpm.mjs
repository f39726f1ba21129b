#!/usr/bin/env node
// Runs the pinned pnpm (package.json "packageManager") through npx, so a fresh
// machine with only Node and npm needs no global install and no corepack keys.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const args = process.argv.slice(2);
// npm's update notice is noise (`-y` already skips npx's install prompt); errors still print.
const env = { ...process.env, npm_config_update_notifier: 'false' };
const result = spawnSync('npx', ['-y', packageManager, ...args], {
  stdio: 'inherit',
  cwd: root,
  env,
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
