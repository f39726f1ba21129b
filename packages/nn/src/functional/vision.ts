/**
 * Spatial transformer helpers: `F.affineGrid` (a sampling grid from affine matrices) and
 * `F.gridSample` (sampling an image at grid locations), composed of core ops with ATen's
 * coordinate rules (unnormalisation, border clipping, reflection), so gradients flow to
 * both the input and the grid.
 */
import { fusedNode } from '@antorcha/autograd';
import { type Tensor, TorchRuntimeError, TorchValueError, cppName, fmtShape, linspace, ones, stack, where, zerosLike, boolArg, expectBoolOptions, expectIntList, expectTensor, keywordArgs } from '@antorcha/core';
import { TorchNotImplementedError, expectOptions } from './utils.js';

function pyList(v: readonly number[]): string {
  return `[${v.join(', ')}]`;
}

/** ATen's linspace_from_neg_one: [−1, 1] in `steps` points, scaled by (steps−1)/steps without align_corners. */
function linspaceFromNegOne(theta: Tensor, steps: number, alignCorners: boolean): Tensor {
  if (steps <= 1) return linspace(0, 0, 1, { dtype: theta.dtype, device: theta.device });
  const r = linspace(-1, 1, steps, { dtype: theta.dtype, device: theta.device });
  return alignCorners ? r : r.mul(steps - 1).div(steps);
}

/**
 * A 2-D or 3-D sampling grid from a batch of affine matrices: theta [N, 2, 3] with
 * size [N, C, H, W] gives [N, H, W, 2]; theta [N, 3, 4] with [N, C, D, H, W] gives
 * [N, D, H, W, 3] (x, y, z in [−1, 1]).
 * @example
 * ```ts pytorch=nn.F.affineGrid
 * const F = torch.nn.functional;
 * const img = torch.arange(9, { dtype: 'float32' }).reshape(1, 1, 3, 3);
 * const theta = torch.tensor([[[-1, 0, 0], [0, 1, 0]]], { dtype: 'float32' }); // mirror left-right
 * const grid = F.affineGrid(theta, [1, 1, 3, 3], true);
 * console.log(F.gridSample(img, grid, { alignCorners: true }));
 * ```
 * ```text
 * tensor([[[[2., 1., 0.],
 *           [5., 4., 3.],
 *           [8., 7., 6.]]]])
 * ```
 */
export function affineGrid(theta: Tensor, size: readonly number[], alignCorners?: boolean | null | { alignCorners?: boolean | null }): Tensor {
  const op = 'affine_grid';
  expectTensor(op, 'theta', 1, theta);
  expectIntList(op, 'size', 2, size);
  const aligned = keywordArgs(op, ['alignCorners'], [alignCorners]).alignCorners;
  const align = boolArg(op, 'align_corners', 3, aligned ?? undefined, false);
  if (!theta.dtype.isFloatingPoint) throw new TorchValueError(op, `Expected theta to have floating point type, but got torch.${theta.dtype.name}`);
  const tShape = `torch.Size(${pyList(theta._shape)})`;
  let spatial: number[];
  if (size.length === 4) {
    if (theta.ndim !== 3 || theta._shape[1] !== 2 || theta._shape[2] !== 3) {
      throw new TorchValueError(op, `Expected a batch of 2D affine matrices of shape Nx2x3 for size ${pyList(size)}. Got ${tShape}.`);
    }
    spatial = size.slice(2);
  } else if (size.length === 5) {
    if (theta.ndim !== 3 || theta._shape[1] !== 3 || theta._shape[2] !== 4) {
      throw new TorchValueError(op, `Expected a batch of 3D affine matrices of shape Nx3x4 for size ${pyList(size)}. Got ${tShape}.`);
    }
    spatial = size.slice(2);
  } else {
    throw new TorchNotImplementedError(op, `affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, respectively. Got size ${pyList(size)}.`);
  }
  if (!(align && Math.min(...spatial) === 1) && Math.min(...size) <= 0) throw new TorchValueError(op, `Expected non-zero, positive output size. Got ${pyList(size)}`);
  // PyTorch's one kernel: affine_grid_generator
  return fusedNode('AffineGridGeneratorBackward0', [theta], (th) => affineGridImpl(th, size[0]!, spatial, align));
}

function affineGridImpl(theta: Tensor, N: number, spatial: number[], align: boolean): Tensor {
  const d = spatial.length;
  // base grid [*spatial, d + 1]: x along the last dim, y along the one before, (z), then 1
  const comps: Tensor[] = [];
  for (let j = 0; j < d; j++) {
    const dim = d - 1 - j;
    const shape = spatial.map((s, i) => (i === dim ? s : 1));
    comps.push(linspaceFromNegOne(theta, spatial[dim]!, align).reshape(shape).expand(spatial));
  }
  comps.push(ones(spatial, { dtype: theta.dtype, device: theta.device }));
  const base = stack(comps, -1)
    .reshape(1, -1, d + 1)
    .expand([N, -1, d + 1]);
  return base.matmul(theta.transpose(1, 2)).reshape([N, ...spatial, d]);
}

/** Options of {@link gridSample}. */
export interface GridSampleOptions {
  /** `'bilinear'` (default; trilinear for 5-D input), `'nearest'` or `'bicubic'` (4-D input). */
  mode?: 'bilinear' | 'nearest' | 'bicubic';
  /** Values outside the input: `'zeros'` (default), `'border'` or `'reflection'`. */
  paddingMode?: 'zeros' | 'border' | 'reflection';
  /** −1 and 1 are the centres of the corner pixels (true) or their outer edges (false, default). */
  alignCorners?: boolean | null;
}

/** ATen's reflect_coordinates: reflects `x` into [low/2, high/2] (twice the bounds given). */
function reflect(x: Tensor, twiceLow: number, twiceHigh: number): Tensor {
  if (twiceLow === twiceHigh) return x.mul(0);
  const min = twiceLow / 2;
  const span = (twiceHigh - twiceLow) / 2;
  const a = x.sub(min).abs();
  const extra = a.fmod(span);
  const flips = a.div(span).floor();
  const even = flips.remainder(2).eq(0);
  return where(even, extra.add(min), extra.neg().add(span + min));
}

/** ATen's grid_sampler_compute_source_index: unnormalise, then clip or reflect. */
function sourceIndex(coord: Tensor, size: number, padding: string, align: boolean): Tensor {
  let x = align ? coord.add(1).div(2).mul(size - 1) : coord.add(1).mul(size).sub(1).div(2);
  const clip = (t: Tensor): Tensor => t.clamp(0, size - 1);
  if (padding === 'border') x = clip(x);
  else if (padding === 'reflection') x = clip(align ? reflect(x, 0, 2 * (size - 1)) : reflect(x, -1, 2 * size - 1));
  return x;
}

/** ATen's compute_coordinates for a bicubic tap (already unnormalised): clip or reflect. */
function sourceTap(x: Tensor, size: number, padding: string, align: boolean): Tensor {
  const clip = (t: Tensor): Tensor => t.clamp(0, size - 1);
  if (padding === 'border') return clip(x);
  return clip(align ? reflect(x, 0, 2 * (size - 1)) : reflect(x, -1, 2 * size - 1));
}

/** ATen's get_cubic_upsample_coefficients (A = −0.75) for the fraction t. */
function cubicCoefficients(t: Tensor): Tensor[] {
  const A = -0.75;
  const conv1 = (x: Tensor): Tensor => x.mul(A + 2).sub(A + 3).mul(x).mul(x).add(1);
  const conv2 = (x: Tensor): Tensor => x.mul(A).sub(5 * A).mul(x).add(8 * A).mul(x).sub(4 * A);
  const s = t.neg().add(1);
  return [conv2(t.add(1)), conv1(t), conv1(s), conv2(s.add(1))];
}

/**
 * Samples `input` [N, C, H, W] (or [N, C, D, H, W]) at the normalised locations of `grid`
 * [N, Ho, Wo, 2] (or [N, Do, Ho, Wo, 3]; x first): bilinear (trilinear), nearest or
 * bicubic interpolation, with zeros, border or reflection padding. Differentiable in both.
 * @example
 * ```ts pytorch=nn.F.gridSample
 * const img = torch.tensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' });
 * const grid = torch.tensor([[[[0, 0], [-1, -1]]]], { dtype: 'float32' }); // (x, y) in [-1, 1]: the centre, the top-left corner
 * console.log(torch.nn.functional.gridSample(img, grid, { alignCorners: false }));
 * console.log(torch.nn.functional.gridSample(img, grid, { alignCorners: true, mode: 'nearest' }));
 * ```
 * ```text
 * tensor([[[[2.5000, 0.2500]]]])
 * tensor([[[[1., 1.]]]])
 * ```
 */
export function gridSample(input: Tensor, grid: Tensor, opts: GridSampleOptions = {}): Tensor {
  const op = 'grid_sample';
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'grid', 2, grid);
  expectBoolOptions(op, opts, ['alignCorners']);
  expectOptions(op, opts);
  const mode = opts.mode ?? 'bilinear';
  const padding = opts.paddingMode ?? 'zeros';
  if (mode !== 'bilinear' && mode !== 'nearest' && mode !== 'bicubic') {
    throw new TorchValueError(op, `nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '${String(mode)}'`);
  }
  if (padding !== 'zeros' && padding !== 'border' && padding !== 'reflection') {
    throw new TorchValueError(op, `nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', but got: '${String(padding)}'`);
  }
  const align = opts.alignCorners ?? false;
  const shapes = `input with sizes ${fmtShape(input._shape)} and grid with sizes ${fmtShape(grid._shape)}`;
  // ATen's order: the common checks, then the 2-D/3-D kernel's own
  if (input._shape[0] !== grid._shape[0]) throw new TorchRuntimeError(op, `grid_sampler(): expected grid and input to have same batch size, but got ${shapes}`);
  const d = input.ndim - 2;
  if (grid._shape[grid.ndim - 1] !== d) {
    throw new TorchRuntimeError(op, `grid_sampler(): expected grid to have size ${d} in last dimension, but got grid with sizes ${fmtShape(grid._shape)}`);
  }
  for (let i = 2; i < input.ndim; i++) {
    if (!(input._shape[i]! > 0)) {
      throw new TorchRuntimeError(op, `grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes ${fmtShape(input._shape)} with dimension ${i} being empty`);
    }
  }
  const kd = input.ndim === 4 ? 4 : 5;
  if (!(input.ndim === kd && grid.ndim === kd)) {
    throw new TorchRuntimeError(op, `grid_sampler(): expected ${kd}D input and grid with same number of dimensions, but got ${shapes}`);
  }
  if (mode === 'bicubic' && d === 3) throw new TorchRuntimeError(op, 'grid_sampler(): bicubic interpolation only supports 4D input');
  // PyTorch 1.13's CPU kernels: dispatch on the input's dtype (floats only), then read the grid as that type
  if (!input.dtype.isFloatingPoint) {
    throw new TorchRuntimeError(op, d === 2 ? `grid_sampler_2d_cpu not implemented for ${cppName(input.dtype)}` : `"grid_sampler3d_cpu" not implemented for '${cppName(input.dtype)}'`);
  }
  if (input.dtype !== grid.dtype) throw new TorchRuntimeError(op, `expected scalar type ${cppName(input.dtype)} but found ${cppName(grid.dtype)}`);
  const name = d === 2 ? 'GridSampler2DBackward0' : 'GridSampler3DBackward0';
  return fusedNode(name, [input, grid], (x, g) => gridSampleImpl(x, g, mode, padding, align));
}

function gridSampleImpl(input: Tensor, grid: Tensor, mode: 'bilinear' | 'nearest' | 'bicubic', padding: string, align: boolean): Tensor {
  const d = input.ndim - 2;
  const [N, C] = input._shape as [number, number];
  const sizes = input._shape.slice(2);
  const outSpatial = grid._shape.slice(1, -1);
  const P = outSpatial.reduce((a, b) => a * b, 1);
  const flatIn = input.reshape(N, C, -1);
  // coordinates per input spatial dim (grid component j addresses input dim d − 1 − j)
  const coords: Tensor[] = [];
  for (let dim = 0; dim < d; dim++) {
    const j = d - 1 - dim;
    const g = grid.select(-1, j).reshape(N, 1, P);
    // bicubic unnormalises only: padding applies to each of the 4×4 taps
    coords.push(mode === 'bicubic' ? sourceIndex(g, sizes[dim]!, 'zeros', align) : sourceIndex(g, sizes[dim]!, padding, align));
  }
  const gatherAt = (idx: Tensor[], extraMask: Tensor | null): Tensor => {
    let inside: Tensor | null = extraMask;
    let flat: Tensor | null = null;
    for (let dim = 0; dim < d; dim++) {
      const i = idx[dim]!;
      const ok = i.ge(0).logicalAnd(i.le(sizes[dim]! - 1));
      inside = inside === null ? ok : inside.logicalAnd(ok);
      const safe = i.clamp(0, sizes[dim]! - 1);
      flat = flat === null ? safe : flat.mul(sizes[dim]!).add(safe);
    }
    const vals = flatIn.gather(2, flat!.to('int64').expand([N, C, P]));
    return where(inside!, vals, 0);
  };
  let out: Tensor;
  if (mode === 'bicubic') {
    const [cy, cx] = coords as [Tensor, Tensor];
    const [H, W] = sizes as [number, number];
    const x0 = cx.detach().floor();
    const y0 = cy.detach().floor();
    const wx = cubicCoefficients(cx.sub(x0));
    const wy = cubicCoefficients(cy.sub(y0));
    // ATen's get_value_bounded: each tap position is clipped or reflected, truncated, then bounds-checked
    const tap = (p: Tensor, size: number): Tensor => (padding === 'zeros' ? p : sourceTap(p, size, padding, align)).trunc();
    const rows: Tensor[] = [];
    for (let i = 0; i < 4; i++) {
      const py = tap(y0.add(i - 1), H);
      let row: Tensor | null = null;
      for (let j = 0; j < 4; j++) {
        const term = gatherAt([py, tap(x0.add(j - 1), W)], null).mul(wx[j]!);
        row = row === null ? term : row.add(term);
      }
      rows.push(row!);
    }
    out = rows[0]!.mul(wy[0]!).add(rows[1]!.mul(wy[1]!)).add(rows[2]!.mul(wy[2]!)).add(rows[3]!.mul(wy[3]!));
  } else if (mode === 'nearest') {
    out = gatherAt(
      coords.map((c) => c.detach().round()),
      null,
    );
    // PyTorch's grid gradient is zeros here (not None): a zero term through `where` gives it
    if (grid.requiresGrad) out = out.add(where(zerosLike(coords[0]!, { dtype: 'bool' }), coords[0]!, 0));
  } else {
    const lo = coords.map((c) => c.detach().floor());
    let acc: Tensor | null = null;
    for (let corner = 0; corner < 1 << d; corner++) {
      // ATen's corner order: the first input dim varies slowest (nw, ne, sw, se)
      const idx: Tensor[] = [];
      let w: Tensor | null = null;
      for (let dim = 0; dim < d; dim++) {
        const high = (corner >> (d - 1 - dim)) & 1;
        const i = high ? lo[dim]!.add(1) : lo[dim]!;
        const wd = high ? coords[dim]!.sub(lo[dim]!) : lo[dim]!.add(1).sub(coords[dim]!);
        idx.push(i);
        w = w === null ? wd : w.mul(wd);
      }
      const term = gatherAt(idx, null).mul(w!);
      acc = acc === null ? term : acc.add(term);
    }
    out = acc!;
  }
  return out.reshape([N, C, ...outSpatial]);
}
