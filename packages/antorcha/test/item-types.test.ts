// `item()` is typed by the tensor's static dtype (Tensor<D>): boolean for bool, Complex for the
// complex dtypes, number for the rest, and the union where the dtype is not known statically.
// The type assertions are checked by tsc through vitest's typecheck mode (vitest.config.ts);
// the values are checked at run time, so the types cannot claim what the values contradict.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as torch from '../src/index.js';
import type { Complex, Tensor } from '../src/index.js';

describe('item() follows the dtype', () => {
  it('is number, boolean or Complex when the dtype is named', () => {
    const i = torch.zeros([1], { dtype: 'int64' }).item();
    expectTypeOf(i).toEqualTypeOf<number>();
    expect(typeof i).toBe('number');
    const f = torch.ones([1], { dtype: torch.float64 }).item();
    expectTypeOf(f).toEqualTypeOf<number>();
    expect(f).toBe(1);
    const b = torch.tensor([true]).item();
    expectTypeOf(b).toEqualTypeOf<boolean>();
    expect(b).toBe(true);
    const c = torch.zeros([1], { dtype: 'complex64' }).item();
    expectTypeOf(c).toEqualTypeOf<Complex>();
    expect(c).toBeInstanceOf(torch.Complex);
    const t = torch.tensor([3], 'int32').item();
    expectTypeOf(t).toEqualTypeOf<number>();
    expect(t).toBe(3);
  });

  it('follows conversions, predicates and comparisons', () => {
    const x = torch.tensor([1.5, -2], 'float32');
    expectTypeOf(x.gt(0).all().item()).toEqualTypeOf<boolean>();
    expect(x.gt(0).all().item()).toBe(false);
    expectTypeOf(x.isnan().any().item()).toEqualTypeOf<boolean>();
    expectTypeOf(x.bool()).toEqualTypeOf<Tensor<'bool'>>();
    expectTypeOf(x.long().select(0, 0).item()).toEqualTypeOf<number>();
    expect(x.long().select(0, 0).item()).toBe(1);
    expectTypeOf(x.to('complex128').select(0, 1).item()).toEqualTypeOf<Complex>();
    expect(String(x.to('complex128').select(0, 1).item())).toBe(String(new torch.Complex(-2, 0)));
    expectTypeOf(x.argmax().item()).toEqualTypeOf<number>();
    expect(x.argmax().item()).toBe(0);
  });

  it('keeps the dtype through views, same-dtype arithmetic and the unary ops', () => {
    const x = torch.tensor([[1, 2], [3, 4]], 'float64');
    const y = x.t().reshape(-1).exp().mul(2).add(x.view(4)).neg();
    expectTypeOf(y).toEqualTypeOf<Tensor<'float64'>>();
    expect(y.dtype).toBe(torch.float64);
    expectTypeOf(y.select(0, 0).item()).toEqualTypeOf<number>();
    // an integer tensor through a float op becomes the default float dtype
    const z = torch.tensor([1, 2], 'int64').sqrt();
    expectTypeOf(z).toEqualTypeOf<Tensor<'float32' | 'float64' | 'float16' | 'bfloat16'>>();
    expect(z.dtype).toBe(torch.float32);
  });

  it('is the union where the dtype is not known statically', () => {
    const x = torch.randn([1]);
    expectTypeOf(x).toEqualTypeOf<Tensor>();
    expectTypeOf(x.item()).toEqualTypeOf<number | boolean | Complex>();
    // complex inputs of a `same` op may change dtype (abs of complex is real): unknown, not a guess
    const a = torch.zeros([1], { dtype: 'complex64' }).abs();
    expectTypeOf(a).toEqualTypeOf<Tensor>();
    expect(a.dtype).toBe(torch.float32);
    // mixed dtypes promote at run time: unknown statically
    const m = torch.tensor([1], 'int32').mul(torch.tensor([1], 'float64'));
    expectTypeOf(m).toEqualTypeOf<Tensor>();
    // an integer tensor times a number may become floating point
    expectTypeOf(torch.tensor([1], 'int32').mul(2)).toEqualTypeOf<Tensor>();
    expect(torch.tensor([1], 'int32').mul(2.5).dtype).toBe(torch.float32);
  });

  it('types gradFn.nextFunctions without a cast', () => {
    const x = torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
    const y = x.mul(2).sum();
    const [[next, inputNr]] = y.gradFn!.nextFunctions;
    expectTypeOf(next).toEqualTypeOf<torch.GradFn | null>();
    expect(next!.name()).toBe('MulBackward0');
    expect(inputNr).toBe(0);
  });

  it('lets a Tensor variable hold any dtype, and a typed one catch a mix-up', () => {
    let t: Tensor = torch.tensor([true]);
    t = t.float();
    expect(t.dtype).toBe(torch.float32);
    const mask = torch.tensor([1, 2], 'float32').gt(1);
    // @ts-expect-error: a bool tensor is not a float32 tensor
    const wrong: Tensor<'float32'> = mask;
    expect(wrong.dtype).toBe(torch.bool);
  });
});
