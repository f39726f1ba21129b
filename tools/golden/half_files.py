"""float16/bfloat16 files both ways between PyTorch 1.13 and Antorcha (issue #14's done-when):
safetensors F16/BF16 and `.pt` HalfStorage/BFloat16Storage, compared bit for bit.

    /usr/bin/python3 tools/golden/half_files.py write   # PyTorch writes its files + the expected bits
    (cd packages/nn && ANTORCHA_WRITE_FIXTURES=1 npx vitest run test/half-serialization.test.ts)
    /usr/bin/python3 tools/golden/half_files.py check   # PyTorch loads Antorcha's files, compares bits

`write` puts into packages/nn/test/fixtures/half/:
- `by_pytorch_f16.safetensors`, `by_pytorch_bf16.safetensors`: written by hand from the
  published format (the `safetensors` package is not installed here): an 8-byte little-endian
  header length, the JSON header (padded with spaces to 8 bytes, tensors ordered by name), the
  raw little-endian bytes of each tensor;
- `by_pytorch_half.pt`: `torch.save` of a dict of float16 and bfloat16 tensors, including a
  non-contiguous view sharing its storage, and a float16 Linear's state dict;
- `half_files.json`: for each tensor, its dtype, shape and bit patterns (PyTorch's
  `.view(torch.int16)`, as unsigned 16-bit integers), and the float64 values it was cast from.

`check` loads `by_antorcha_f16.safetensors`, `by_antorcha_bf16.safetensors` and
`by_antorcha_half.pt` (written by the TS test from those float64 values with Antorcha's casts,
and from the tensors it loaded from PyTorch's files) and compares every tensor's bits with
PyTorch's; the verdict goes to `half_files_check.json` (committed as evidence).
"""
import json
import math
import os
import struct
import sys

import torch

from _common import ROOT

DIR = os.path.join(ROOT, 'packages', 'nn', 'test', 'fixtures', 'half')
ST_NAME = {torch.float16: 'F16', torch.bfloat16: 'BF16', torch.float32: 'F32'}
ST_DTYPE = {v: k for k, v in ST_NAME.items()}
NAME = {torch.float16: 'float16', torch.bfloat16: 'bfloat16', torch.float32: 'float32'}


def bits(t):
    return [b & 0xFFFF for b in t.contiguous().reshape(-1).view(torch.int16).tolist()]


def enc(v):
    return 'nan' if math.isnan(v) else ('inf' if v == math.inf else ('-inf' if v == -math.inf else ('-0' if v == 0 and math.copysign(1, v) < 0 else v)))


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        raw = t.reshape(-1).view(torch.int16).numpy().astype('<i2').tobytes() if t.numel() else b''
        header[name] = {'dtype': ST_NAME[t.dtype], 'shape': list(t.shape), 'data_offsets': [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(',', ':')).encode()
    h += b' ' * ((8 - len(h) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(h)) + h + b''.join(blobs))


def read_safetensors(path):
    data = open(path, 'rb').read()
    n = struct.unpack('<Q', data[:8])[0]
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == '__metadata__':
            continue
        b, e = info['data_offsets']
        raw = bytearray(data[base + b:base + e])
        dt = ST_DTYPE[info['dtype']]
        t = torch.frombuffer(raw, dtype=dt) if raw else torch.empty(0, dtype=dt)
        out[name] = t.reshape(info['shape'])
    return out


SPECIALS = [0.0, -0.0, 1.0, -2.5, 0.1, 1 / 3, 65504.0, 65520.0, 1e5, 6e-8, 2.98e-8, 1e-39, 3.0e38, 1 + 2 ** -11,
            1 + 3 * 2 ** -11, 2049.0, math.inf, -math.inf, math.nan, 3.14159265]


def sources():
    """The float64 values of each tensor and the tensors PyTorch casts from them."""
    g = torch.Generator().manual_seed(14)
    vals = {
        'specials': torch.tensor(SPECIALS, dtype=torch.float64),
        'normal': torch.randn(3, 5, generator=g, dtype=torch.float64) * 3,
        'tiny': torch.randn(7, generator=g, dtype=torch.float64) * 1e-6,
        'empty': torch.zeros(0, 2, dtype=torch.float64),
        'scalar': torch.tensor(0.7, dtype=torch.float64),
    }
    return vals


def write():
    os.makedirs(DIR, exist_ok=True)
    expected = {}
    for dt, tag in [(torch.float16, 'f16'), (torch.bfloat16, 'bf16')]:
        tensors = {name: v.to(dt) for name, v in sources().items()}
        write_safetensors(os.path.join(DIR, f'by_pytorch_{tag}.safetensors'), tensors)
        for name, t in tensors.items():
            expected[f'{tag}/{name}'] = {'dtype': NAME[dt], 'shape': list(t.shape), 'bits': bits(t),
                                         'from': [enc(x) for x in sources()[name].reshape(-1).tolist()]}
    # .pt: both dtypes, a transposed view sharing storage, a float16 Linear's state dict
    torch.manual_seed(3)
    lin = torch.nn.Linear(3, 2).half()
    base = torch.randn(4, 3).bfloat16()
    pt = {'f16': sources()['normal'].half(), 'bf16': base, 'bf16_t': base.t(), 'specials_bf16': sources()['specials'].bfloat16(),
          'linear': lin.state_dict()}
    torch.save(pt, os.path.join(DIR, 'by_pytorch_half.pt'))
    for key in ['f16', 'bf16', 'bf16_t', 'specials_bf16']:
        t = pt[key]
        expected[f'pt/{key}'] = {'dtype': NAME[t.dtype], 'shape': list(t.shape), 'bits': bits(t), 'stride': list(t.stride())}
    for key, t in lin.state_dict().items():
        expected[f'pt/linear.{key}'] = {'dtype': NAME[t.dtype], 'shape': list(t.shape), 'bits': bits(t)}
    with open(os.path.join(DIR, 'half_files.json'), 'w') as f:
        json.dump(expected, f, separators=(',', ':'))
    print('wrote', DIR)


def check():
    expected = json.load(open(os.path.join(DIR, 'half_files.json')))
    report = {'torch': torch.__version__, 'files': {}, 'all_identical': True}

    def compare(file, name, t, want):
        ok = NAME[t.dtype] == want['dtype'] and list(t.shape) == want['shape'] and bits(t) == want['bits']
        report['files'].setdefault(file, {})[name] = {'dtype': NAME[t.dtype], 'numel': t.numel(), 'identical_bits': ok}
        report['all_identical'] &= ok

    for tag in ['f16', 'bf16']:
        file = f'by_antorcha_{tag}.safetensors'
        got = read_safetensors(os.path.join(DIR, file))
        names = [k.split('/', 1)[1] for k in expected if k.startswith(tag + '/')]
        for name in names:
            compare(file, name, got[name], expected[f'{tag}/{name}'])
            # the same tensors re-saved after loading PyTorch's file
            compare(file, 'reloaded.' + name, got['reloaded.' + name], expected[f'{tag}/{name}'])
    file = 'by_antorcha_half.pt'
    pt = torch.load(os.path.join(DIR, file), weights_only=True)
    for key in ['f16', 'bf16', 'bf16_t', 'specials_bf16']:
        compare(file, key, pt[key], expected[f'pt/{key}'])
    report['files'][file]['bf16_t shares bf16 storage'] = pt['bf16_t'].storage().data_ptr() == pt['bf16'].storage().data_ptr()
    report['all_identical'] &= report['files'][file]['bf16_t shares bf16 storage']
    for key, t in pt['linear'].items():
        compare(file, 'linear.' + key, t, expected[f'pt/linear.{key}'])
    lin = torch.nn.Linear(3, 2).half()
    lin.load_state_dict(pt['linear'])
    report['files'][file]['linear loads into torch.nn.Linear(3, 2).half()'] = True
    with open(os.path.join(DIR, 'half_files_check.json'), 'w') as f:
        json.dump(report, f, indent=1)
    print(json.dumps({'all_identical': report['all_identical']}))
    if not report['all_identical']:
        sys.exit(1)


if __name__ == '__main__':
    {'write': write, 'check': check}[sys.argv[1] if len(sys.argv) > 1 else 'write']()
