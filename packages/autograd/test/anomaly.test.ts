// Anomaly detection: each scenario of tools/golden/autograd_anomaly.py, run as PyTorch runs
// it, against its fixture (error text and class, warnings' first lines, gradients, flags).
// The forward stack a failing node prints must name the line that created the node.
import './setup.js';
import * as torch from '@antorcha/core';
import { type Tensor, TorchError } from '@antorcha/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectAnomaly, grad, isAnomalyCheckNanEnabled, isAnomalyEnabled, setDetectAnomaly } from '../src/index.js';
import { readFileSync } from 'node:fs';

interface Scenario {
  error?: string;
  type?: string;
  warnings: string[];
  result?: unknown;
}
const FX = JSON.parse(readFileSync(new URL('./fixtures/anomaly.json', import.meta.url), 'utf8')) as Record<string, Scenario>;

const leaf = (v: number[]) => torch.tensor(v, { dtype: 'float64', requiresGrad: true });
const enc = (t: Tensor) => [...t.dataSync()].map((v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v));

/** The scenarios, by the fixture's names (each mirrors its Python function). */
const SCENARIOS: Record<string, () => unknown> = {
  mul_nan: () => {
    const x = leaf([0, 1]);
    detectAnomaly(() => x.mul(NaN).sum().backward());
  },
  div_zero: () => {
    const x = leaf([0, 1]);
    detectAnomaly(() => x.div(x).sum().backward());
  },
  mul_weight_nan: () => {
    const x = leaf([0, 1]);
    const w = leaf([1, NaN]);
    setDetectAnomaly(true);
    w.mul(x).sum().backward();
  },
  grad_unneeded_edge: () => {
    const x = leaf([2, 3]);
    const w = leaf([1, NaN]);
    setDetectAnomaly(true);
    const [g] = grad(w.mul(x).sum(), [w]);
    return enc(g!);
  },
  grad_needed_edge: () => {
    const x = leaf([2, 3]);
    const w = leaf([1, NaN]);
    setDetectAnomaly(true);
    grad(w.mul(x).sum(), [x]);
  },
  check_nan_off: () => {
    const x = leaf([0, 1]);
    detectAnomaly(() => x.mul(NaN).sum().backward(), false);
    return enc(x.grad!);
  },
  disabled: () => {
    const x = leaf([0, 1]);
    x.mul(NaN).sum().backward();
    return enc(x.grad!);
  },
  inf_is_not_nan: () => {
    const x = leaf([0, 4]);
    detectAnomaly(() => x.sqrt().sum().backward());
    return enc(x.grad!);
  },
  chain: () => {
    const x = leaf([1, 2]);
    detectAnomaly(() => {
      const y = x.exp();
      const z = y.mul(torch.tensor([NaN, 1], { dtype: 'float64' }));
      z.sin().add(1).sum().backward();
    });
  },
  graph_before_enabling: () => {
    const x = leaf([0, 1]);
    const y = x.mul(NaN).sum();
    setDetectAnomaly(true);
    y.backward();
  },
  flags: () => {
    const flags = () => [isAnomalyEnabled(), isAnomalyCheckNanEnabled()];
    const r: Record<string, boolean[]> = { default: flags() };
    detectAnomaly(() => {
      r.inside = flags();
      detectAnomaly(() => {
        r.nested = flags();
      }, false);
      r.after_nested = flags();
    });
    r.after = flags();
    setDetectAnomaly(true, false);
    r.set_true_false = flags();
    setDetectAnomaly(false);
    r.set_false = flags();
    return r;
  },
  bad_mode_int: () => setDetectAnomaly(1 as never),
  bad_mode_str: () => setDetectAnomaly('yes' as never),
  bad_check_nan: () => setDetectAnomaly(true, 'no' as never),
};

/** Runs a scenario as the golden script does: its error, warnings' first lines, result. */
function run(fn: () => unknown): { scenario: Scenario; warned: string[] } {
  const warned: string[] = [];
  const spy = vi.spyOn(console, 'warn').mockImplementation((m: unknown) => {
    warned.push(String(m));
  });
  const out: Scenario = { warnings: [] };
  try {
    const r = fn();
    if (r !== undefined) out.result = r;
  } catch (e) {
    if (!(e instanceof TorchError)) throw e;
    out.error = e.message;
    out.type = e.pythonName;
  } finally {
    spy.mockRestore();
    setDetectAnomaly(false);
  }
  out.warnings = warned.map((w) => w.split('\n')[0]!);
  return { scenario: out, warned };
}

afterEach(() => setDetectAnomaly(false));

describe('anomaly detection (golden: tools/golden/autograd_anomaly.py)', () => {
  it('covers every scenario of the fixture', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(FX).sort());
  });
  for (const [name, want] of Object.entries(FX)) {
    it(name, () => {
      const { scenario } = run(SCENARIOS[name]!);
      expect(scenario).toEqual(want);
    });
  }

  it("the warning's stack names the forward line that created the failing node", () => {
    const { warned } = run(SCENARIOS.mul_weight_nan!);
    const text = warned.find((w) => w.startsWith('Error detected in MulBackward0'))!;
    const lines = text.split('\n').slice(1);
    // the first frame is this test file's scenario (core's and autograd's own frames are dropped)
    expect(lines[0]).toContain('anomaly.test.ts');
    expect(text).not.toMatch(/packages[\\/](core|autograd)[\\/](src|dist)[\\/]/);
  });

  it('leaves no state behind after an error inside detectAnomaly', () => {
    run(SCENARIOS.mul_nan!);
    expect([isAnomalyEnabled(), isAnomalyCheckNanEnabled()]).toEqual([false, true]);
    // a graph built with anomaly off after that records no stacks and checks nothing
    const x = leaf([0, 1]);
    x.mul(NaN).sum().backward();
    expect(Number.isNaN(x.grad!.dataSync()[0])).toBe(true);
  });

  it('refuses an async function (the mode cannot follow an await)', () => {
    expect(() => detectAnomaly(async () => 1)).toThrow(TorchError);
    expect(isAnomalyEnabled()).toBe(false);
  });
});
