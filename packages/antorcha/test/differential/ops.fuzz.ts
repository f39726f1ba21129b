// `pnpm test:fuzz`: the differential suite against a live PyTorch, many more cases than
// `npm test` replays, and a failing case shrunk by fast-check to a minimal one, printed as
// a runnable TypeScript reproducer with PyTorch's answer.
//
//   DIFF_FUZZ_RUNS  cases per op (default 150: about 27,000 in all)
//   DIFF_FUZZ_SEED  seed (default: a new one each run, printed; set it to replay a run)
//   DIFF_FUZZ_OPS   comma-separated op names to fuzz (default: all)
//   DIFF_FUZZ_IGNORE  a regular expression: differences it matches count as agreement, to look
//                     past a known finding (e.g. 'isContiguous')
//   DIFF_PYTHON     the interpreter with torch (default /usr/bin/python3)
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiffCase, OP_ARBS } from './generator.js';
import { Oracle, PYTHON, oracleUnavailable } from './oracle.js';
import { reproducer } from './repro.js';
import { type Expected, isSkip, runCase } from './runner.js';

const RUNS = Number(process.env.DIFF_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.DIFF_FUZZ_SEED ?? (Date.now() % 2 ** 31));
const IGNORE = process.env.DIFF_FUZZ_IGNORE ? new RegExp(process.env.DIFF_FUZZ_IGNORE) : null;
const OPS = process.env.DIFF_FUZZ_OPS ? process.env.DIFF_FUZZ_OPS.split(',').map((s) => s.trim()) : Object.keys(OP_ARBS).sort();

let oracle: Oracle;
const unavailable = oracleUnavailable();
const found: string[] = [];
let cases = 0;
const started = Date.now();

beforeAll(async () => {
  if (unavailable) {
    throw new Error(`pnpm test:fuzz needs PyTorch as its oracle: ${unavailable}.\nInstall it (Debian: apt-get install python3-torch) or point DIFF_PYTHON at a python with torch (PyTorch 1.13).`);
  }
  oracle = await Oracle.start();
  console.log(`differential fuzz: ${RUNS} cases per op, ${OPS.length} ops, seed ${SEED}${IGNORE ? `, ignoring /${IGNORE.source}/` : ''} (DIFF_FUZZ_SEED=${SEED} replays), PyTorch ${oracle.version} at ${PYTHON}`);
});

afterAll(() => {
  oracle?.close();
  console.log(`differential fuzz: ${cases} cases (shrinking included) in ${((Date.now() - started) / 1000).toFixed(1)} s, ${found.length} failing op(s)${found.length ? `: ${found.join(', ')}` : ''}; seed ${SEED}`);
});

describe(`differential fuzz vs PyTorch (seed ${SEED})`, () => {
  for (const [k, op] of OPS.entries()) {
    it(op, async () => {
      const entry = OP_ARBS[op];
      if (!entry) throw new Error(`unknown op '${op}' (ops: ${Object.keys(OP_ARBS).join(', ')})`);
      let last: { c: DiffCase; expected: Expected; d: string } | null = null;
      const prop = fc.asyncProperty(entry.arb(), async (c) => {
        cases++;
        const expected = await oracle.ask(c);
        if (isSkip(expected)) return true;
        let d = runCase(c, expected);
        if (d && IGNORE?.test(d)) d = null;
        if (d) last = { c, expected, d };
        return d === null;
      });
      const details = await fc.check(prop, { seed: SEED + k, numRuns: RUNS });
      if (details.failed) {
        found.push(op);
        const f = last as { c: DiffCase; expected: Expected; d: string } | null;
        const text = f ? reproducer(f.c, f.expected, f.d) : String(details.errorInstance);
        console.log(`\n--- ${op}: minimal failing case after ${details.numShrinks} shrinks (seed ${SEED + k}, path ${details.counterexamplePath})\n${text}\n`);
        expect.fail(`${op}: ${f?.d ?? details.errorInstance}\n\n${text}`);
      }
    });
  }
});
