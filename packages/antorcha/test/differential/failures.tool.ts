// Lists the fixture cases on which Antorcha disagrees with PyTorch, with the difference and a
// reproducer (for maintaining KNOWN_FAILURES in differential.test.ts):
//   DIFF_TOOL=failures npx vitest run --config test/differential/vitest.fuzz.config.ts
// DIFF_FIXTURE: another fixture file; DIFF_FAILURES_OUT: also write them as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import type { DiffCase } from './generator.js';
import { reproducer } from './repro.js';
import { type Expected, runCase } from './runner.js';

it('lists the failing cases', () => {
  const path = process.env.DIFF_FIXTURE ?? new URL('../fixtures/differential.json', import.meta.url);
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as { cases: (DiffCase & { expected: Expected })[] };
  const failures: { i: number; op: string; d: string; repro: string }[] = [];
  fixture.cases.forEach((c, i) => {
    const d = runCase(c, c.expected);
    if (d) failures.push({ i, op: c.op, d, repro: reproducer(c, c.expected, d) });
  });
  for (const f of failures) console.log(`#${f.i} ${f.op}: ${f.d}`);
  console.log(`${failures.length} of ${fixture.cases.length} cases disagree with PyTorch`);
  if (process.env.DIFF_FAILURES_OUT) writeFileSync(process.env.DIFF_FAILURES_OUT, JSON.stringify(failures, null, 1));
});
