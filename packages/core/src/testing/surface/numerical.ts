/**
 * Golden-case calls for numerical differentiation and buffer-backed creation (fixture
 * `ops-numerical.json`, written by `tools/golden/ops_numerical.py`): PyTorch op name →
 * Antorcha call.
 *
 * `frombuffer` cases carry the buffer as a list of byte values (the script passes
 * `bytearray(list)` to PyTorch); the call builds a `Uint8Array` of them. frombuffer makes
 * CPU tensors only, so on another device under test the suite checks the tensor after
 * `.to(device)` (it is listed as a creation op to receive that device).
 */
import * as core from '../../index.js';
import type { Tensor } from '../../tensor.js';
import type { SurfaceCalls } from './types.js';

type Kw = Record<string, unknown>;

const gradientOpts = (kw: Kw): core.GradientOptions => {
  const o: { spacing?: core.GradientOptions['spacing']; dim?: number | number[]; edgeOrder?: number } = {};
  if (kw.spacing !== undefined) o.spacing = kw.spacing as number | number[] | Tensor[];
  if (kw.dim !== undefined) o.dim = kw.dim as number | number[];
  if (kw.edge_order !== undefined) o.edgeOrder = kw.edge_order as number;
  return o;
};

/** The calls of this area. */
export const NUMERICAL: SurfaceCalls = {
  calls: {
    gradient: ([x], kw) => core.gradient(x, gradientOpts(kw)),
    frombuffer: ([bytes, view], kw) => {
      // `view`: [start, length] of a Uint8Array view into a larger ArrayBuffer (its byteOffset counts)
      const all = new Uint8Array(bytes as number[]);
      const src = view === undefined ? all : new Uint8Array(all.buffer, (view as number[])[0], (view as number[])[1]);
      const t = core.frombuffer(src, {
        dtype: kw.dtype as core.DTypeLike,
        count: kw.count as number | undefined,
        offset: kw.offset as number | undefined,
        requiresGrad: kw.requires_grad as boolean | undefined,
      });
      return kw.device === undefined ? t : t.to(kw.device as core.DeviceLike);
    },
  },
  creationOps: ['frombuffer'],
};
