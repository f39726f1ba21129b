"""complex64/complex128 files both ways with PyTorch (packages/nn/test/fixtures/complex/).

`write`: by_pytorch.pt (torch.save of complex64/complex128 tensors, a transposed view
sharing its storage, special values; PyTorch refuses to save a view_as_real view beside its
complex base: "Cannot save multiple tensors or storages that view the same data as different types") and by_pytorch_c64.safetensors (written here
by hand: this Python has no safetensors package; the format is an 8-byte little-endian
header length, the JSON header, then row-major little-endian data, C64 being interleaved
float32 pairs), plus complex_files.json with the values.
`check`: loads by_antorcha.pt and by_antorcha_c64.safetensors (written by
packages/nn/test/complex-serialization.test.ts with ANTORCHA_WRITE_FIXTURES=1) and
records whether PyTorch reads the same values (complex_files_check.json).
Run with Debian's PyTorch: /usr/bin/python3 tools/golden/complex_files.py write|check
"""
import json
import os
import struct
import sys

import torch

from _common import ROOT, enc_value, flat_values, write_json

DIR = os.path.join(ROOT, 'packages', 'nn', 'test', 'fixtures', 'complex')


def tensors():
    torch.manual_seed(3)
    c64 = torch.randn(3, 2, dtype=torch.complex64)
    c128 = torch.randn(4, dtype=torch.complex128)
    special = torch.tensor([complex(float('inf'), -0.0), complex(float('nan'), 1.0), -0.5j], dtype=torch.complex64)
    return {'c64': c64, 'c128': c128, 'c64_t': c64.t(), 'special': special}


def enc(t):
    return {'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape), 'stride': list(t.stride()), 'values': flat_values(t.contiguous())}


def write_safetensors(path, named):
    header = {}
    blobs = []
    offset = 0
    for name, t in named.items():
        data = t.contiguous().view(torch.float32).numpy().astype('<f4').tobytes()
        header[name] = {'dtype': 'C64', 'shape': list(t.shape), 'data_offsets': [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    h = json.dumps(header, separators=(',', ':')).encode()
    h += b' ' * ((8 - len(h) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    with open(path, 'rb') as f:
        raw = f.read()
    n = struct.unpack('<Q', raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, info in header.items():
        if name == '__metadata__':
            continue
        a, b = info['data_offsets']
        assert info['dtype'] == 'C64', info
        t = torch.frombuffer(bytearray(raw[8 + n + a:8 + n + b]), dtype=torch.float32)
        out[name] = torch.view_as_complex(t.reshape(-1, 2)).reshape(info['shape'])
    return out


def same(a, b):
    return a.dtype == b.dtype and list(a.shape) == list(b.shape) and flat_values(a.contiguous()) == flat_values(b.contiguous())


if sys.argv[1] == 'write':
    os.makedirs(DIR, exist_ok=True)
    T = tensors()
    torch.save({'c64': T['c64'], 'c128': T['c128'], 'c64_t': T['c64_t'], 'special': T['special']}, os.path.join(DIR, 'by_pytorch.pt'))
    write_safetensors(os.path.join(DIR, 'by_pytorch_c64.safetensors'), {'c64': T['c64'], 'special': T['special']})
    expected = {k: enc(v) for k, v in T.items()}
    write_json('packages/nn/test/fixtures/complex/complex_files.json', expected)
else:
    T = tensors()
    verdict = {}
    pt = torch.load(os.path.join(DIR, 'by_antorcha.pt'))
    for k in ('c64', 'c128', 'c64_t', 'special'):
        verdict[f'pt/{k}'] = same(pt[k], T[k])
    verdict['pt/c64_t shares c64 storage'] = pt['c64_t'].storage().data_ptr() == pt['c64'].storage().data_ptr()
    st = read_safetensors(os.path.join(DIR, 'by_antorcha_c64.safetensors'))
    for k in ('c64', 'special'):
        verdict[f'safetensors/{k}'] = same(st[k], T[k])
    write_json('packages/nn/test/fixtures/complex/complex_files_check.json', verdict)
    print(verdict)
