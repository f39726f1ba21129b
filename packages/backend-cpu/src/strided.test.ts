import { describe, expect, it } from 'vitest';
import { collapse, isContiguous, numel, RowIter } from './strided.js';

describe('strided iteration helpers', () => {
  it('detects contiguity, ignoring the strides of size-1 dims', () => {
    expect(isContiguous([2, 3], [3, 1])).toBe(true);
    expect(isContiguous([2, 1, 3], [3, 99, 1])).toBe(true);
    expect(isContiguous([2, 3], [1, 2])).toBe(false);
    expect(isContiguous([], [])).toBe(true);
    expect(numel([2, 0, 3])).toBe(0);
  });

  it('merges dims contiguous in every operand, keeps the others', () => {
    // out contiguous [2,3,4]; input broadcast along dim 1
    expect(collapse([2, 3, 4], [[12, 4, 1], [4, 0, 1]])).toEqual({ shape: [2, 3, 4], strides: [[12, 4, 1], [4, 0, 1]] });
    expect(collapse([2, 3, 4], [[12, 4, 1], [12, 4, 1]])).toEqual({ shape: [24], strides: [[1], [1]] });
    expect(collapse([2, 1, 3], [[3, 3, 1], [3, 7, 1]])).toEqual({ shape: [6], strides: [[1], [1]] });
    expect(collapse([1, 1], [[1, 1]])).toEqual({ shape: [1], strides: [[0]] });
    // output transposed: iterate in its memory order
    expect(collapse([3, 2], [[1, 3], [2, 1]])).toEqual({ shape: [2, 3], strides: [[3, 1], [1, 2]] });
  });

  it('visits every row once with the right offsets', () => {
    const c = collapse([2, 3, 4], [[1, 2, 6], [12, 4, 1]], false);
    const it = new RowIter(c.shape, c.strides, [100, 0]);
    const rows: number[][] = [];
    do rows.push([it.pos[0], it.pos[1], it.rowLen]);
    while (it.next());
    expect(rows.length).toBe(6);
    expect(rows[0]).toEqual([100, 0, 4]);
    expect(rows[1]).toEqual([102, 4, 4]);
    expect(rows[3]).toEqual([101, 12, 4]);
    it.reset([0, 0]);
    expect([it.pos[0], it.pos[1]]).toEqual([0, 0]);
  });
});
