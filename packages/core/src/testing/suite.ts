/**
 * `describeConformance(backend)`: the whole conformance suite of a backend in one call,
 * for any vitest test file (in this repository or in a backend written outside it).
 *
 * ```ts
 * import { registerBackend } from '@antorcha/core';
 * import { describeConformance } from '@antorcha/core/testing';
 * registerBackend(myBackend);
 * describeConformance(myBackend);
 * ```
 *
 * It runs every golden case of the published fixtures (`fixtures/ops*.json`, real PyTorch
 * results) on the backend's device, grouped by the dtype of each case's first input, and
 * skips by the backend's declared `dtypes` (a case that involves a dtype the device does
 * not store is reported as skipped with the reason). Devices that read back only
 * asynchronously run the asynchronous form of each case. Then: random fills give the
 * CPU's PyTorch stream, and `dispose`/`tidy` release memory. Pass `{ autograd: true }`
 * when autograd is installed (the `antorcha` facade) to check gradients on the device
 * against the CPU's.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../backend.js';
import type { DTypeName } from '../dtype.js';
import * as core from '../index.js';
import { DEFAULT_TOLERANCE, compareTensor, encodeForCompare } from './golden.js';
import { type OpCase, loadOpCases, runOpCase, runOpCaseAsync } from './op-cases.js';

/** Options of {@link describeConformance}. */
export interface ConformanceOptions {
  /** Device to run on (default: the backend's name, e.g. `'webgpu'`). */
  device?: core.DeviceLike;
  /** Also check `backward()` on the device against the CPU (needs autograd installed). */
  autograd?: boolean;
  /** Run only the cases whose op is in this list (e.g. while writing a backend). */
  ops?: readonly string[];
}

const DTYPES = new Set(['float32', 'float64', 'int32', 'int64', 'uint8', 'bool', 'float16', 'bfloat16', 'complex64', 'complex128']);

/** Every dtype a case mentions (inputs, dtype arguments, expected results). */
export function dtypesOf(value: unknown, into = new Set<DTypeName>()): Set<DTypeName> {
  if (typeof value === 'string') {
    if (DTYPES.has(value)) into.add(value as DTypeName);
  } else if (Array.isArray(value)) {
    for (const v of value) dtypesOf(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k === 'dtype' || typeof v === 'object') dtypesOf(v, into);
  }
  return into;
}

/** The dtype a case is filed under: its first input tensor's, else its result's. */
export function primaryDtype(c: OpCase): string {
  const first = (v: unknown): string | null => {
    if (Array.isArray(v)) {
      for (const x of v) {
        const d = first(x);
        if (d) return d;
      }
      return null;
    }
    if (v !== null && typeof v === 'object' && (v as { tensor?: boolean }).tensor === true) return (v as { dtype: string }).dtype;
    return null;
  };
  const exp = c.expected as { dtype?: string } | { dtype?: string }[];
  return first(c.args) ?? (Array.isArray(exp) ? exp[0]?.dtype : exp.dtype) ?? 'other';
}

/** Registers the conformance suite of `backend` (already registered with `registerBackend`). */
export function describeConformance(backend: Backend, opts: ConformanceOptions = {}): void {
  // a backend's name is its device type (declared to the type checker by its package, if at all)
  const device = opts.device ?? (backend.name as core.DeviceString);
  const sync = backend.syncRead;
  const read = async (t: core.Tensor): Promise<ArrayLike<number>> => (sync ? t.dataSync() : t.data());
  describe(`conformance of the '${backend.name}' backend`, () => {
    describe('golden ops (PyTorch)', () => {
      const groups = new Map<string, OpCase[]>();
      for (const c of loadOpCases()) {
        if (opts.ops && !opts.ops.includes(c.op)) continue;
        const d = primaryDtype(c);
        groups.set(d, [...(groups.get(d) ?? []), c]);
      }
      for (const [dtype, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
        describe(dtype, () => {
          for (const c of list) {
            const missing = [...dtypesOf([c.args, c.kwargs, c.expected])].filter((d) => !backend.dtypes.has(d));
            if (missing.length > 0) it.skip(`${c.op}: ${c.name} (${backend.name} does not store ${missing.join(', ')})`, () => {});
            else if (c.needs === 'linalg' && backend.linalg === undefined) it.skip(`${c.op}: ${c.name} (${backend.name} has no linalg kernels)`, () => {});
            else if (sync) it(`${c.op}: ${c.name}`, () => expect(runOpCase(c, device)).toBeNull());
            else it(`${c.op}: ${c.name}`, async () => expect(await runOpCaseAsync(c, device)).toBeNull());
          }
        });
      }
    });

    describe('random fills', () => {
      for (const [name, make] of [
        ['rand', (o: core.TensorOptions) => core.rand([515], o)],
        ['randn', (o: core.TensorOptions) => core.randn([515], o)],
        ['randint', (o: core.TensorOptions) => core.randint(-7, 9, [515], o)],
      ] as const) {
        it(`${name} on '${device}' draws the CPU's PyTorch stream`, async () => {
          core.manualSeed(5);
          const onDevice = make({ device });
          core.manualSeed(5);
          const onCpu = make({});
          expect(onDevice.device.type).toBe(core.device(device).type);
          expect(compareTensor(onDevice, encodeForCompare(onCpu), { rtol: 0, atol: 0 }, await read(onDevice))).toBeNull();
        });
      }
    });

    describe('memory', () => {
      it('dispose releases a tensor and later use raises a TorchError', () => {
        const t = core.ones([4, 4], { device });
        t.dispose();
        expect(() => t.add(1)).toThrow(core.TorchError);
      });
      it('tidy releases intermediates and keeps the result', async () => {
        const kept = core.tidy(() => core.ones([8], { device }).mul(3).add(1));
        expect(Array.from(await read(kept))).toEqual(new Array(8).fill(4));
      });
    });

    if (opts.autograd) {
      describe('autograd on the device', () => {
        it("backward() gives the CPU's gradients", async () => {
          const run = (dev: core.DeviceLike) => {
            core.manualSeed(1);
            const x = core.randn([8, 5], { device: dev });
            const w = core.randn([5, 3], { device: dev, requiresGrad: true });
            const b = core.zeros([3], { device: dev, requiresGrad: true });
            const loss = x.matmul(w).add(b).tanh().logSoftmax(1).mean();
            loss.backward();
            return [w.grad!, b.grad!, loss];
          };
          const onDevice = run(device);
          const onCpu = run('cpu');
          for (let i = 0; i < onCpu.length; i++) {
            expect(compareTensor(onDevice[i]!, encodeForCompare(onCpu[i]!), DEFAULT_TOLERANCE.float32, await read(onDevice[i]!))).toBeNull();
          }
        });
      });
    }
  });
}
