// Writes the differential case list (DIFF_SEED, DIFF_COUNT) to DIFF_CASES_OUT for
// tools/golden/differential.py, which evaluates it with PyTorch. Run through
// vitest.fuzz.config.ts, as that script does; not part of any test run.
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { generateCases } from './generator.js';

it('writes the case list', () => {
  const out = process.env.DIFF_CASES_OUT!;
  const seed = Number(process.env.DIFF_SEED);
  const count = Number(process.env.DIFF_COUNT);
  if (!Number.isInteger(seed) || !Number.isInteger(count)) throw new Error('DIFF_SEED and DIFF_COUNT must be integers');
  writeFileSync(out, JSON.stringify({ seed, count, cases: generateCases(seed, count) }));
});
