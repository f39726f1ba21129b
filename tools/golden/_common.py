"""Shared helpers of the golden scripts: encode tensors and errors as JSON.

Run the scripts with Debian's PyTorch: `/usr/bin/python3 tools/golden/<name>.py`.
Values are written exactly (a float32 element is a Python float holding the same
value); non-finite values are the strings "nan", "inf", "-inf", and -0.0 is "-0".
"""
import json
import math
import os

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

DTYPE_NAMES = {
    torch.float32: 'float32',
    torch.float64: 'float64',
    torch.int32: 'int32',
    torch.int64: 'int64',
    torch.uint8: 'uint8',
    torch.bool: 'bool',
    torch.float16: 'float16',
    torch.bfloat16: 'bfloat16',
    torch.complex64: 'complex64',
    torch.complex128: 'complex128',
}
DTYPES = {v: k for k, v in DTYPE_NAMES.items()}


def enc_value(v):
    if isinstance(v, complex):
        # a complex element or scalar is its [re, im] pair (each part encoded as a float)
        return [enc_value(v.real), enc_value(v.imag)]
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, int):
        return v
    if math.isnan(v):
        return 'nan'
    if math.isinf(v):
        return 'inf' if v > 0 else '-inf'
    if v == 0 and math.copysign(1.0, v) < 0:
        return '-0'
    return v


def flat_values(t):
    return [enc_value(v) for v in t.detach().reshape(-1).tolist()]


def enc_result(t):
    """A result tensor: dtype, shape, row-major values, and its layout."""
    return {
        'dtype': DTYPE_NAMES[t.dtype],
        'shape': list(t.shape),
        'values': flat_values(t.contiguous()),
        'stride': list(t.stride()),
        'offset': t.storage_offset(),
        'contiguous': t.is_contiguous(),
    }


def enc_input(t):
    """An input tensor with its exact layout: the whole storage plus size/stride/offset."""
    storage = torch.tensor([], dtype=t.dtype).set_(t.storage()).reshape(-1)
    return {
        'tensor': True,
        'dtype': DTYPE_NAMES[t.dtype],
        'storage': flat_values(storage),
        'size': list(t.shape),
        'stride': list(t.stride()),
        'offset': t.storage_offset(),
    }


def enc_arg(a):
    if isinstance(a, torch.Tensor):
        return enc_input(a)
    if isinstance(a, (list, tuple)):
        return [enc_arg(x) for x in a]
    if isinstance(a, float):
        return {'float': enc_value(a)}
    if isinstance(a, complex):
        return {'complex': enc_value(a)}
    if isinstance(a, torch.dtype):
        return {'dtype': DTYPE_NAMES[a]}
    return a


def enc_output(r):
    if isinstance(r, torch.Tensor):
        return enc_result(r)
    if isinstance(r, (list, tuple)):
        return [enc_output(x) for x in r]
    if isinstance(r, bool):
        return {'bool': r}
    if isinstance(r, float):
        return {'float': enc_value(r)}
    if isinstance(r, complex):
        return {'complex': enc_value(r)}
    return r


def write_json(rel_path, data):
    path = os.path.join(ROOT, rel_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        json.dump(data, f, separators=(',', ':'), allow_nan=False)
        f.write('\n')
    print(f'wrote {rel_path} ({os.path.getsize(path) // 1024} KiB)')
