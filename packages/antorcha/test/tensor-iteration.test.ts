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
