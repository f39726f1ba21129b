// Iterating a tensor walks dim 0 (golden cases in ops-catalogue.json); a 0-d tensor is not
// iterable, as in PyTorch, and stays a plain object for tools that probe Symbol.iterator.
import * as torch from 'antorcha';
import { expect, it } from 'vitest';

it('for…of a 0-d tensor raises a TypeError (PyTorch: "iteration over a 0-d tensor")', () => {
  const x = torch.tensor(1.5);
  expect(() => {
    for (const _ of x as unknown as Iterable<torch.Tensor>) void _;
  }).toThrow(TypeError);
  expect((x as unknown as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined();
  expect([...torch.tensor([[1, 2], [3, 4]])].map((r) => r.tolist())).toEqual([[1, 2], [3, 4]]);
});

it('deep equality of modules and tensors does not recurse into 0-d tensors', () => {
  const a = torch.tensor([1, 2]);
  const b = torch.tensor([1, 2]);
  expect(a).not.toBe(b);
});

it("torch.tensor(data, dtype) is the short spelling of { dtype } (JavaScript has no `1.` literal)", () => {
  const short = torch.tensor([1, 2, 3], 'float32');
  const long = torch.tensor([1, 2, 3], { dtype: 'float32' });
  expect(short.dtype).toBe(torch.float32);
  expect(torch.equal(short, long)).toBe(true);
  expect(String(short)).toBe(String(long));
  expect(torch.tensor([1, 2], torch.float64).dtype).toBe(torch.float64);
  expect(torch.tensor([1, 2, 3]).dtype).toBe(torch.int64);
});
