// `keepdim` as PyTorch's keyword: `x.amax(1, { keepdim: false })` is `x.amax(1, false)`, never a
// truthy object taken for `true` (a silent shape change); a value that is not a boolean is a type
// error, as PyTorch's argument parser makes it.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

const x = torch.arange(24, { dtype: 'float64' }).view(2, 3, 4);
type Call = (keepdim: unknown) => torch.Tensor;
const first = (r: unknown): torch.Tensor => (r instanceof torch.Tensor ? r : (r as { values: torch.Tensor }).values);
const CALLS: Record<string, Call> = {
  amax: (k) => x.amax(1, k as boolean),
  amin: (k) => torch.amin(x, 1, k as boolean),
  max: (k) => first(x.max(1, k as boolean)),
  min: (k) => first(torch.min(x, 1, k as boolean)),
  argmax: (k) => x.argmax(1, k as boolean),
  argmin: (k) => torch.argmin(x, 1, k as boolean),
  all: (k) => x.gt(3).all(1, k as boolean),
  any: (k) => torch.any(x.gt(3), 1, k as boolean),
  logsumexp: (k) => x.logsumexp(1, k as boolean),
  specialLogsumexp: (k) => torch.special.logsumexp(x, 1, k as boolean),
  norm: (k) => x.norm(2, 1, k as boolean),
  median: (k) => first(x.median(1, k as boolean)),
  nanmedian: (k) => first(torch.nanmedian(x, 1, k as boolean)),
  mode: (k) => first(torch.mode(x, 1, k as boolean)),
  kthvalue: (k) => first(torch.kthvalue(x, 2, 1, k as boolean)),
  vectorNorm: (k) => torch.linalg.vectorNorm(x, 2, 1, k as boolean),
  matrixNorm: (k) => torch.linalg.matrixNorm(x, 'fro', [1, 2], k as boolean),
  linalgNorm: (k) => torch.linalg.norm(x, null, 1, k as boolean),
};

describe('keepdim as a keyword', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(name, () => {
      for (const keepdim of [false, true]) {
        const positional = call(keepdim);
        const keyword = call({ keepdim });
        expect(keyword.shape).toEqual(positional.shape);
        expect(torch.equal(keyword, positional)).toBe(true);
      }
      expect(call({}).shape).toEqual(call(false).shape);
      for (const bad of [1, 'yes', torch.tensor(true), { keepdim: 1 }]) {
        expect(() => call(bad)).toThrow(torch.TorchTypeError);
        expect(() => call(bad)).toThrow(/argument 'keepdim' \(position \d\) must be bool, not/);
      }
    });
  }
});
