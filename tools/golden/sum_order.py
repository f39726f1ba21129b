"""Writes packages/backend-cpu/fixtures/sum-order.json: float32 torch.sum results, bit for bit,
over inputs both sides generate from a seed (so the fixture holds no data), to check that the
CPU backend's WebAssembly row sums add in PyTorch's own order (ATen SumKernel.cpp's
cascade_sum with AVX2 8-float vectors, one thread).

Run with Debian's python3-torch:  /usr/bin/python3 tools/golden/sum_order.py

Inputs: xorshift32 (x ^= x << 13; x ^= x >> 17; x ^= x << 5, 32-bit) from the case's seed;
each word u gives the float32 ((u >> 8) * 2^-23 - 1) * 2^((u & 15) - 8), exact in float32
(24 significant bits at most, scaled by a power of two), so both sides build the same tensor.
Results are the float32 bit patterns (unsigned) of torch.sum over the last dim of an
[rows, n] tensor (rows = 1: the sum of everything), of the whole tensor, and (for the
`cols` cases) over dim 0 (n results: ATen's vectorized/scalar outer sums).
Small and odd sizes (every n from 0 to 70, odd [rows, n] shapes and column shapes) pin the
scalar paths (n < 8: ATen's scalar row_sum) that the JavaScript kernel takes too. The `views`
cases are strided views of a contiguous base (shape, strides, offset in elements) summed
over `dims` (the result's bits, in the kept dims' row-major order): stepped rows (ATen's
scalar_inner_sum), stepped columns (scalar_outer_sum), a middle dim of a 3-D tensor (one
2-D loop per outer index), transposed whole-tensor sums (coalesced to one contiguous run), and
reduced dims that don't coalesce (each row's sum added into the output in turn), and expanded
(stride 0) dims.
"""
import numpy as np
import torch

from _common import write_json

torch.set_num_threads(1)
assert 'AVX2' in torch.__config__.show() or 'AVX512' in torch.__config__.show()


def values(seed, count):
    x = seed & 0xFFFFFFFF
    out = np.empty(count, dtype=np.float64)
    for i in range(count):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out[i] = ((x >> 8) * 2.0 ** -23 - 1) * 2.0 ** ((x & 15) - 8)
    f = out.astype(np.float32)
    assert np.array_equal(f.astype(np.float64), out)  # exact
    return f


cases = []
SHAPES = [(1, n) for n in [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257,
                           511, 512, 513, 1000, 1023, 1024, 1025, 4095, 4096, 4097, 65535, 65536, 65537, 100003,
                           262144, 1048576 + 13]]
SHAPES += [(1, n) for n in range(0, 71) if n not in (1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65)]
SHAPES += [(2, 3), (3, 7), (5, 9), (7, 13), (9, 1), (13, 4), (3, 70), (70, 3), (11, 33), (4, 2), (33, 6), (6, 0)]
SHAPES += [(3, 5), (8, 7), (16, 16), (64, 100), (7, 1025), (100, 64), (256, 8), (2, 65537)]
for k, (rows, n) in enumerate(SHAPES):
    seed = 0x9E3779B9 ^ (k * 0x85EBCA6B)
    seed &= 0xFFFFFFFF
    if seed == 0:
        seed = 1
    x = torch.from_numpy(values(seed, rows * n)).reshape(rows, n)
    s = torch.sum(x, dim=1)
    cases.append({'rows': rows, 'n': n, 'seed': seed, 'sums': [int(v) & 0xFFFFFFFF for v in s.view(torch.int32).tolist()],
                  'all': int(torch.sum(x).view(torch.int32).item()) & 0xFFFFFFFF})

COL_SHAPES = [(5, 3), (17, 4), (33, 7), (100, 8), (64, 9), (300, 33), (1000, 40), (20000, 5), (70000, 9),
              (257, 100), (2, 64), (4096, 37), (16, 31), (40000, 2)]
COL_SHAPES += [(3, 2), (2, 3), (7, 5), (9, 8), (4, 9), (6, 1), (1, 7), (13, 40), (8, 33), (70, 3), (5, 12), (3, 6)]
for k, (rows, n) in enumerate(COL_SHAPES):
    seed = (0x7F4A7C15 ^ (k * 0x9E3779B1)) & 0xFFFFFFFF
    x = torch.from_numpy(values(seed, rows * n)).reshape(rows, n)
    cases.append({'rows': rows, 'n': n, 'seed': seed, 'cols': [int(v) & 0xFFFFFFFF for v in torch.sum(x, dim=0).view(torch.int32).tolist()]})

# (base numel, view shape, view strides, view offset, dims summed)
VIEWS = [
    (2 * 5 * 40, [5, 40], [80, 2], 0, [1]),  # stepped rows, n >= 8
    (2 * 7 * 6, [7, 6], [12, 2], 1, [1]),  # stepped rows, n < 8
    (2 * 5 * 40, [5, 40], [80, 2], 0, [0, 1]),  # stepped whole tensor
    (3 * 100, [100, 3], [3, 1], 0, [0]),  # scalar outer sums (3 columns)
    (2 * 50 * 6, [50, 6], [12, 2], 0, [0]),  # stepped columns, < 8
    (2 * 40 * 20, [40, 20], [40, 2], 0, [0]),  # stepped columns, >= 8
    (4 * 37 * 9, [4, 37, 9], [333, 9, 1], 0, [1]),  # middle dim, 9 columns per outer index
    (3 * 20 * 40, [3, 20, 40], [800, 40, 1], 0, [1]),  # middle dim, 40 columns
    (5 * 11 * 3, [5, 11, 3], [33, 3, 1], 0, [1]),  # middle dim, 3 columns
    (3 * 20 * 40, [3, 20, 40], [800, 40, 1], 0, [0, 1]),  # leading two dims
    (30 * 70, [70, 30], [1, 70], 0, [0, 1]),  # transposed, whole tensor
    (9 * 5, [5, 9], [1, 5], 0, [0, 1]),  # small transposed, whole tensor
    (30 * 70, [70, 30], [1, 70], 0, [0]),  # transposed, its dim 0 (contiguous rows)
    (6 * 50, [6, 50], [1, 6], 0, [1]),  # transposed, its dim 1 (columns)
    # reduced dims that don't coalesce: ATen adds each row's sum into the output in turn
    (6 * 5 * 11, [6, 5, 11], [55, 11, 1], 0, [0, 2]),
    (4 * 9 * 40, [4, 9, 40], [360, 40, 1], 0, [0, 2]),
    (2 * 3 * 4 * 5, [2, 3, 4, 5], [60, 20, 5, 1], 0, [0, 3]),
    (4 * 5 * 6 * 7, [4, 5, 6, 7], [210, 42, 7, 1], 0, [0, 2]),
    (3 * 4 * 5 * 9, [3, 4, 5, 9], [180, 45, 9, 1], 0, [0, 1, 3]),
    (2 * 3 * 4 * 5 * 16, [2, 3, 4, 5, 16], [960, 320, 80, 16, 1], 0, [0, 2, 4]),
    (2 * 20 * 3 * 10, [20, 10, 3], [30, 1, 10], 0, [0, 2]),  # permuted
    # expanded (stride 0) dims
    (5, [4, 5], [0, 1], 0, [0]),  # reduced dim expanded: scalar inner sums
    (40, [7, 40], [0, 1], 0, [0]),  # reduced dim expanded: vectorized outer sums
    (9, [9, 6], [1, 0], 0, [1]),  # expanded last dim summed
    (1, [70], [0], 0, [0]),  # an expanded scalar, whole
    (30, [4, 30], [0, 1], 0, [1]),  # kept dim expanded
    (5, [10, 5], [0, 1], 0, [1]),  # kept dim expanded, short rows (scalar outer sums)
]
for k, (count, shape, strides, offset, dims) in enumerate(VIEWS):
    seed = (0x2C1B3C6D ^ (k * 0x297A2D39)) & 0xFFFFFFFF
    base = torch.from_numpy(values(seed, count))
    x = torch.as_strided(base, shape, strides, offset)
    s = torch.sum(x, dim=dims).contiguous().reshape(-1)
    cases.append({'seed': seed, 'count': count, 'shape': shape, 'strides': strides, 'offset': offset, 'dims': dims,
                  'view': [int(v) & 0xFFFFFFFF for v in s.view(torch.int32).tolist()]})

write_json('packages/backend-cpu/fixtures/sum-order.json', {'torch': torch.__version__, 'cases': cases})
