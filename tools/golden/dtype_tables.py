"""Golden dtype tables: `torch.promote_types` over every pair of the ten dtypes, the
dtype facts (itemsize, is_floating_point, is_complex, is_signed), and how PyTorch rounds
numbers to float16 and bfloat16 (the bit patterns of `torch.tensor(x).to(dtype)` for
float32 and float64 sources, edges included: ties, the overflow threshold, subnormals,
NaN and signed zeros). Writes packages/core/fixtures/dtype-tables.json.

    /usr/bin/python3 tools/golden/dtype_tables.py
"""
import itertools
import struct

import torch

from _common import DTYPE_NAMES, write_json

DTS = list(DTYPE_NAMES)
torch.manual_seed(0)

promote = [[DTYPE_NAMES[a], DTYPE_NAMES[b], DTYPE_NAMES[torch.promote_types(a, b)]] for a, b in itertools.product(DTS, DTS)]
facts = {DTYPE_NAMES[d]: {'itemsize': torch.empty((), dtype=d).element_size(), 'is_floating_point': d.is_floating_point,
                          'is_complex': d.is_complex, 'is_signed': d.is_signed} for d in DTS}


def f32_from_bits(u):
    return struct.unpack('<f', struct.pack('<I', u))[0]


# float32 sources: random bit patterns over the whole range, plus the edges of both formats
bits = torch.randint(0, 2**32, (6000,), dtype=torch.int64).tolist()
edges = [0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001,
         0x477fe000, 0x477fefff, 0x477ff000, 0x477ff001, 0x47800000,  # around 65504 / 65520
         0x33800000, 0x33000000, 0x33000001, 0x32ffffff, 0x33c00000, 0x38800000, 0x387fc000, 0x387fe000,  # half subnormals
         0x3f801000, 0x3f803000, 0x3f801001, 0x3f802fff,  # half ties around 1
         0x3f808000, 0x3f818000, 0x3f808001, 0x3f807fff, 0x7f7fffff, 0x7f7f8000, 0x7f7f7fff, 0x00000001, 0x007fffff]
f32_values = [f32_from_bits(u) for u in bits + edges]
src32 = torch.tensor(f32_values, dtype=torch.float32)
# float64 sources: values whose rounding through float32 differs from direct rounding, and randoms
src64 = torch.cat([torch.tensor([1 + 2**-11 + 2**-40, 1 + 2**-11 - 2**-40, 1 + 2**-8 + 2**-40, 65519.999999, 65520.0000001,
                                 2**-25 + 2**-60, 1e300, -1e-300, 3.0000001], dtype=torch.float64),
                   torch.randn(500, dtype=torch.float64) * 1000])


def bits16(t, dt):
    return t.to(dt).view(torch.int16).to(torch.int64).bitwise_and(0xffff).tolist()


rounding = {
    'float32_source_bits': [struct.unpack('<I', struct.pack('<f', v))[0] for v in f32_values],
    'float32_to_float16': bits16(src32, torch.float16),
    'float32_to_bfloat16': bits16(src32, torch.bfloat16),
    'float64_source': [repr(v) for v in src64.tolist()],
    'float64_to_float16': bits16(src64, torch.float16),
    'float64_to_bfloat16': bits16(src64, torch.bfloat16),
}
write_json('packages/core/fixtures/dtype-tables.json', {'promote_types': promote, 'facts': facts, 'rounding': rounding})
