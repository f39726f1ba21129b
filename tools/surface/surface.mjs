// Counts how much of PyTorch's public surface (tools/surface/pytorch-names.json, written
// by pytorch_names.py from PyTorch 1.13) Antorcha offers, per namespace, under its
// TypeScript spelling (snake_case -> camelCase, a trailing `_` kept for in-place forms).
// Usage: node tools/surface/surface.mjs [--missing] [--json]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as torch from '../../packages/antorcha/dist/index.js';

const names = JSON.parse(readFileSync(fileURLToPath(new URL('./pytorch-names.json', import.meta.url)), 'utf8'));

/** PyTorch's spelling -> Antorcha's. */
export function tsName(py) {
  const inplace = py.endsWith('_') && !py.startsWith('_');
  const base = inplace ? py.slice(0, -1) : py;
  const camel = base.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  return inplace ? `${camel}_` : camel;
}

function protoNames(cls) {
  const out = new Set();
  for (let p = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) out.add(k);
  }
  return out;
}

const spaces = {
  torch: new Set(Object.keys(torch)),
  // methods, getters, and the fields every tensor carries (grad, requiresGrad, …)
  Tensor: new Set([...protoNames(torch.Tensor), ...Object.keys(torch.zeros(1))]),
  'nn.functional': new Set(Object.keys(torch.nn.functional)),
  nn: new Set(Object.keys(torch.nn)),
  optim: new Set(Object.keys(torch.optim)),
  linalg: new Set(Object.keys(torch.linalg ?? {})),
  fft: new Set(Object.keys(torch.fft ?? {})),
  special: new Set(Object.keys(torch.special ?? {})),
};
// Python's dunder-free properties that are getters here under the same name.
const report = {};
for (const [space, list] of Object.entries(names)) {
  if (!Array.isArray(list)) continue;
  const have = spaces[space];
  const missing = list.filter((n) => !have.has(space === 'nn' || space === 'optim' ? n : tsName(n)) && !have.has(n));
  report[space] = { total: list.length, have: list.length - missing.length, missing };
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 1));
} else {
  let t = 0;
  let h = 0;
  for (const [space, r] of Object.entries(report)) {
    t += r.total;
    h += r.have;
    console.log(`${space.padEnd(14)} ${String(r.have).padStart(4)} / ${String(r.total).padEnd(4)} ${((100 * r.have) / r.total).toFixed(1)}%`);
    if (process.argv.includes('--missing')) console.log('  missing: ' + r.missing.join(' '));
  }
  console.log(`${'all'.padEnd(14)} ${String(h).padStart(4)} / ${t}`);
}
