// The differential suite: a few thousand generated op calls (generator.ts, fast-check
// with a fixed seed) replayed through Antorcha and compared with the answers real
// PyTorch 1.13 gave (fixtures/differential.json, written by tools/golden/differential.py):
// dtype, shape, values, view layout, and error versus no error with the Python
// exception class. `pnpm test:fuzz` draws many more against a live PyTorch.
//
// Regenerate the fixture after changing the generator:
//   /usr/bin/python3 tools/golden/differential.py
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '../../src/index.js';
import { type DiffCase, generateCases } from './generator.js';
import { reproducer, reproducerBody } from './repro.js';
import { type Expected, callAntorcha, isSkip, runCase } from './runner.js';

interface Fixture {
  seed: number;
  count: number;
  torch: string;
  cases: (DiffCase & { expected: Expected })[];
}

const fixture: Fixture = JSON.parse(readFileSync(new URL('../fixtures/differential.json', import.meta.url), 'utf8'));

/**
 * Open findings (reported with minimal reproducers and PyTorch's answers; see the report of
 * the differential suite). Each names what Antorcha gets wrong against PyTorch.
 */
const FINDINGS: Record<string, string> = {
  // none open: every finding of the suite so far is fixed (issue 10)
};
type Finding = string;

/**
 * Fixture cases on which Antorcha still disagrees with PyTorch, each with its finding. They
 * must keep failing: once a finding is fixed its cases agree, the test says so, and they
 * come off this list. (After regenerating the fixture the numbers change: list the
 * failures with `DIFF_TOOL=failures npx vitest run --config test/differential/vitest.fuzz.config.ts`.)
 */
const KNOWN_FAILURES = new Map<number, Finding>([
  // [caseIndex, 'finding-name'], one entry per case that still disagrees
]);

/**
 * Why the fixture writer leaves a case uncompared; every reason it may give is here, and
 * skipped cases stay a small share of the fixture.
 */
const SKIP_REASONS = new Set([
  // int64 lives in a Float64Array: exact within ±2^53 only (documented)
  "int64 result beyond 2^53 (outside Antorcha's documented int64 range)",
  // a sum or product of finite terms whose partial results overflow: inf, nan or a finite
  // value, by PyTorch's evaluation order
  "a partial sum or product overflows: PyTorch's inf/nan or finite answer depends on its evaluation order",
  // PyTorch answers differently for the same values by tensor length (SLEEF's vectorised
  // sinh/cosh overflow early; its fmod gives nan for a subnormal divisor)
  "PyTorch's vectorised (SLEEF) kernel loses this value, and only for 16+ elements: no single answer",
  "PyTorch log1p is inf above SLEEF's domain (1e38 float32, 1e307 float64), not log1p",
  // undefined behaviour in PyTorch's C++: the answer depends on the CPU
  "a float converted to an integer dtype is non-finite or out of range: undefined behaviour in PyTorch's C++",
  // PyTorch bugs, not answers
  'PyTorch 1.13 fails an internal assert (a PyTorch bug, not an answer)',
  'PyTorch 1.13 index_select(0-d, dim, empty index) returns uninitialised memory',
]);

function label(i: number, c: DiffCase): string {
  const arg = (a: unknown): string => {
    if (a && typeof a === 'object' && (a as { tensor?: boolean }).tensor) {
      const t = a as { dtype: string; size: number[] };
      return `${t.dtype}[${t.size}]`;
    }
    if (Array.isArray(a)) return `[${a.map(arg).join(',')}]`;
    return JSON.stringify(a);
  };
  const kw = Object.entries(c.kwargs).map(([k, v]) => `${k}=${arg(v)}`);
  return `#${i} ${c.op}(${[...c.args.map(arg), ...kw].join(', ')})`.slice(0, 160);
}

describe('differential suite vs PyTorch (fixtures/differential.json)', () => {
  it(`the fixture holds the generator's cases (seed ${fixture.seed}, ${fixture.count} cases)`, () => {
    const drawn = generateCases(fixture.seed, fixture.count);
    expect(fixture.cases.length).toBe(drawn.length);
    for (let i = 0; i < drawn.length; i++) {
      const { expected: _, ...stored } = fixture.cases[i]!;
      // a stale fixture: rerun /usr/bin/python3 tools/golden/differential.py
      expect(stored, `case #${i}`).toEqual(drawn[i]);
    }
  });

  it('skips only for the documented reason', () => {
    const skipped = fixture.cases.filter((c) => isSkip(c.expected));
    for (const c of skipped) expect(SKIP_REASONS.has((c.expected as { skip: string }).skip)).toBe(true);
    expect(skipped.length).toBeLessThan(fixture.cases.length / 50);
    for (const i of KNOWN_FAILURES.keys()) expect(isSkip(fixture.cases[i]!.expected), `#${i}`).toBe(false);
  });

  const byOp = new Map<string, number[]>();
  fixture.cases.forEach((c, i) => byOp.set(c.op, [...(byOp.get(c.op) ?? []), i]));
  for (const [op, ids] of [...byOp].sort(([a], [b]) => a.localeCompare(b))) {
    describe(op, () => {
      for (const i of ids) {
        const c = fixture.cases[i]!;
        if (isSkip(c.expected)) continue;
        const finding = KNOWN_FAILURES.get(i);
        it(finding ? `${label(i, c)} [open finding: ${finding}]` : label(i, c), () => {
          const d = runCase(c, c.expected);
          if (finding) {
            if (!d) expect.fail(`#${i} now agrees with PyTorch: finding '${finding}' (${FINDINGS[finding]}) is fixed here; take #${i} off KNOWN_FAILURES`);
            return;
          }
          if (d) expect.fail(`${d}\n\n${reproducer(c, c.expected, d)}`);
        });
      }
    });
  }
});

describe('reproducers', () => {
  it('a printed reproducer does what the case does', () => {
    // the reproducer text of every 7th case, evaluated: same error-or-not, same result
    for (let i = 0; i < fixture.cases.length; i += 7) {
      const c = fixture.cases[i]!;
      const body = reproducerBody(c);
      let viaText: { result: unknown } | { thrown: unknown };
      try {
        viaText = { result: new Function('torch', body)(torch) };
      } catch (e) {
        viaText = { thrown: e };
      }
      const direct = callAntorcha(c);
      expect('thrown' in viaText, `#${i}\n${body}`).toBe('thrown' in direct);
      if ('result' in viaText && 'result' in direct) {
        const flat = (r: unknown): unknown => (r instanceof torch.Tensor ? [r.dtype.name, r.shape, Array.from(r.dataSync())] : r instanceof torch.ValuesIndices ? [flat(r.values), flat(r.indices)] : Array.isArray(r) ? r.map(flat) : r);
        expect(flat(viaText.result), `#${i}\n${body}`).toEqual(flat(direct.result));
      }
    }
  });
});
