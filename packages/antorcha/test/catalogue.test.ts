// The op catalogue's coherence: what the compiler can't check. Every row's declared forms
// exist (torch.* function, Tensor method, in-place method, PyTorch's aliases), every public
// row has golden cases from real PyTorch, and some of them run on WebGPU (cases with no
// float64 in them); kernel-only rows are used by nn. Missing derivative rules and kernels
// without rows already fail to compile (autograd's tables and the backends' Record<Op, …>).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadOpCases } from '@antorcha/core/testing';
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const rows = Object.entries(torch.CATALOGUE) as [string, torch.OpRow][];
const proto = torch.Tensor.prototype as unknown as Record<string, unknown>;
const api = torch as unknown as Record<string, unknown>;

/** Golden cases by op name, and whether some case of the op has no float64 (runs on WebGPU). */
const cases = loadOpCases();
const covered = new Map<string, { n: number; webgpu: boolean }>();
for (const c of cases) {
  const prev = covered.get(c.op) ?? { n: 0, webgpu: false };
  covered.set(c.op, { n: prev.n + 1, webgpu: prev.webgpu || !JSON.stringify([c.args, c.kwargs, c.expected]).includes('float64') });
}

describe('op catalogue coherence', () => {
  it('has rows', () => expect(rows.length).toBeGreaterThan(100));

  // Node drops a name two `export *` modules both export (vitest's loader does not), so
  // check the published build in a plain Node process.
  it('every function and alias is exported by the built package in plain Node', () => {
    const names = rows.flatMap(([key, r]) => (r.variants.includes('function') ? [key, ...(r.aliases ?? []).map(camel)] : []));
    const script = `import('antorcha').then((t) => { const missing = ${JSON.stringify(names)}.filter((n) => typeof t[n] !== 'function'); console.log(JSON.stringify(missing)); })`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([]);
  });

  for (const [key, row] of rows) {
    // Golden cases use PyTorch's names (`setitem` for `__setitem__`); methods use the row's key.
    const names = [row.aten, ...(row.aliases ?? [])].map((n) => n.replace(/^__(.*)__$/, '$1'));
    const methods = [key, ...(row.aliases ?? []).map(camel)];
    describe(key, () => {
      if (row.variants.includes('function')) {
        it('torch function and aliases exist', () => {
          expect(typeof api[key], `torch.${key}`).toBe('function');
          for (const a of row.aliases ?? []) expect(typeof api[camel(a)], `torch.${camel(a)}`).toBe('function');
        });
      }
      if (row.variants.includes('method')) {
        it('Tensor method and aliases exist', () => {
          for (const n of methods) expect(typeof proto[n], `Tensor.${n}`).toBe('function');
        });
      }
      if (row.variants.includes('inplace')) {
        it('in-place methods exist', () => {
          for (const n of methods) expect(typeof proto[`${n}_`], `Tensor.${n}_`).toBe('function');
        });
      }
      if (row.variants.length > 0) {
        it('has golden cases, some of them on WebGPU', () => {
          const hits = names.flatMap((n) => [covered.get(n), covered.get(`${n}_`)]).filter((x) => x !== undefined);
          expect(hits.length, `no golden case for ${row.aten}`).toBeGreaterThan(0);
          expect(hits.some((h) => h.webgpu), `every case of ${row.aten} needs float64 (none runs on WebGPU)`).toBe(true);
        });
      } else {
        it('is a kernel another op or nn.functional uses', () => {
          const F = torch.nn.functional as unknown as Record<string, unknown>;
          const sameAten = rows.some(([k, r]) => k !== key && r.aten === row.aten && r.variants.length > 0);
          const aliasesF: Record<string, string> = { log_sigmoid: 'logsigmoid' };
          // torch.special's kernels (aten `special_<name>`) are torch.special.<name>
          const special = torch.special as unknown as Record<string, unknown>;
          const inSpecial = row.aten.startsWith('special_') && typeof special[camel(row.aten.slice('special_'.length))] === 'function';
          expect(sameAten || inSpecial || typeof F[camel(aliasesF[row.aten] ?? row.aten)] === 'function', `${key} has no public op`).toBe(true);
        });
      }
    });
  }
});
