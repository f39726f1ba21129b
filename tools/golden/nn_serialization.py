"""Serialization fixtures and cross-checks with real PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_serialization.py`.

Writes to packages/nn/test/fixtures/:
- `saved_by_pytorch_113.pt`: `torch.save(model.state_dict())` of a small model with
  batch norm after one training step (so running statistics and
  `num_batches_tracked` are set);
- `objects_by_pytorch_113.pt`: tensors of every supported dtype, views sharing one
  storage (a slice, a transpose), a Parameter, nested lists/tuples/dicts, ints
  (also beyond 32 bits), floats, strings, booleans, None, and an Adam state dict;
- `layout_2x.pt`: the same state dict re-packed the way PyTorch 2.x lays out its
  archive (another archive folder name, `.format_version`, `.storage_alignment`,
  `byteorder`, `.data/version`, `.data/serialization_id` records, zip written by
  Python's zipfile, so without PyTorch's 64-byte alignment);
- `big_endian.pt`: the state dict with `byteorder` = `big` and byte-swapped storages;
- `by_python.safetensors`: a safetensors file written from the published format
  (header padded to 8 bytes, tensors ordered by dtype then name, `__metadata__`);
- `nn_serialization.json`: the expected values of all of the above.

Then, if the TS tests have written them (ANTORCHA_WRITE_FIXTURES=1), loads
`saved_by_antorcha.pt` with `torch.load(..., weights_only=True)` into the model
PyTorch builds from the same seed, `adam_by_antorcha.pt` into an Adam optimizer,
and `by_antorcha.safetensors` with a reader that follows the published format, and
checks every value.
"""
import io
import json
import pickle
import os
import struct
import zipfile
from collections import OrderedDict

import torch
from torch import nn

from _common import ROOT, enc_result, write_json

FIX = os.path.join(ROOT, 'packages/nn/test/fixtures')


def model_113():
    torch.manual_seed(0)
    m = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Linear(3, 2))
    x = torch.randn(5, 4)
    opt = torch.optim.SGD(m.parameters(), lr=0.1)
    m(x).sum().backward()
    opt.step()
    return m


def objects():
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4) / 7
    p = nn.Parameter(torch.tensor([[1.5, -2.0], [0.25, 3.0]]))
    q = torch.zeros(3, requires_grad=False)
    w = nn.Parameter(torch.tensor([1.0, 2.0]))
    adam = torch.optim.Adam([w], lr=0.01, foreach=False)
    for g in ([0.5, -1.0], [0.25, 0.75]):
        w.grad = torch.tensor(g)
        adam.step()
    return {
        'f32': torch.tensor([1.0, -2.5, 3.25]),
        'f64': torch.tensor([[1e-300, -2.0], [3.5, 1e300]], dtype=torch.float64),
        'i64': torch.tensor([0, -1, 2 ** 40, -(2 ** 50)]),
        'i32': torch.tensor([7, -8, 2 ** 31 - 1], dtype=torch.int32),
        'u8': torch.tensor([0, 255, 17], dtype=torch.uint8),
        'bool': torch.tensor([True, False, True]),
        'scalar': torch.tensor(2.5),
        'empty': torch.zeros(0, 3),
        'base': base,
        'slice': base[1:, 1:3],
        'transposed': base.t(),
        'param': p,
        'zeros': q,
        'nested': [1, 2 ** 40, -3, 0.5, 'text', None, True, False, (1, 2.0, 'x'), {'a': [1, 2], 'b': {'c': 3}}],
        'adam': adam.state_dict(),
    }


def enc_any(v):
    if isinstance(v, torch.Tensor):
        e = enc_result(v)
        e['tensor'] = True
        e['parameter'] = isinstance(v, nn.Parameter)
        e['requires_grad'] = v.requires_grad
        return e
    if isinstance(v, (list, tuple)):
        return [enc_any(x) for x in v]
    if isinstance(v, dict):
        return {'dict': [[enc_any(k), enc_any(x)] for k, x in v.items()]}
    if isinstance(v, float):
        return {'float': v}
    return v


def repack(src_bytes, prefix, extra, storage_transform=None, byteorder=None):
    """Re-packs a torch.save archive under another folder name with extra records."""
    zin = zipfile.ZipFile(io.BytesIO(src_bytes))
    names = zin.namelist()
    old = names[0].split('/')[0]
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', compression=zipfile.ZIP_STORED) as z:
        def put(name, data):
            z.writestr(zipfile.ZipInfo(f'{prefix}/{name}', date_time=(1980, 1, 1, 0, 0, 0)), data)
        put('data.pkl', zin.read(f'{old}/data.pkl'))
        for k, v in extra:
            put(k, v)
        if byteorder:
            put('byteorder', byteorder)
        for n in names:
            rel = n[len(old) + 1:]
            if rel.startswith('data/'):
                data = zin.read(n)
                put(rel, storage_transform(rel, data) if storage_transform else data)
        put('version', zin.read(f'{old}/version'))
    return out.getvalue()


def st_dtype(t):
    return {torch.float32: 'F32', torch.float64: 'F64', torch.int64: 'I64', torch.int32: 'I32', torch.uint8: 'U8', torch.bool: 'BOOL'}[t.dtype]


ST_ORDER = ['F64', 'I64', 'F32', 'I32', 'U8', 'BOOL']  # by alignment, as the reference writer sorts


def write_safetensors(tensors, metadata):
    items = sorted(tensors.items(), key=lambda kv: (ST_ORDER.index(st_dtype(kv[1])), kv[0]))
    header, blobs, off = {}, [], 0
    for name, t in items:
        b = t.contiguous().numpy().tobytes()
        header[name] = {'dtype': st_dtype(t), 'shape': list(t.shape), 'data_offsets': [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    header['__metadata__'] = metadata
    h = json.dumps(header, separators=(',', ':'), sort_keys=True).encode()
    h += b' ' * ((8 - len(h) % 8) % 8)
    return struct.pack('<Q', len(h)) + h + b''.join(blobs)


def read_safetensors(data):
    """A reader that follows the published format (used to check files Antorcha writes)."""
    (n,) = struct.unpack('<Q', data[:8])
    header = json.loads(data[8:8 + n])
    meta = header.pop('__metadata__', None)
    dt = {'F32': torch.float32, 'F64': torch.float64, 'I64': torch.int64, 'I32': torch.int32, 'U8': torch.uint8, 'BOOL': torch.bool}
    out, body, expected = {}, data[8 + n:], 0
    for name, info in sorted(header.items(), key=lambda kv: kv[1]['data_offsets'][0]):
        b, e = info['data_offsets']
        assert b == expected, f'{name}: offset {b} != {expected}'
        expected = e
        t = torch.frombuffer(bytearray(body[b:e]), dtype=dt[info['dtype']]) if e > b else torch.zeros(0, dtype=dt[info['dtype']])
        out[name] = t.reshape(info['shape'])
    assert expected == len(body), 'data section not covered exactly'
    return out, meta


def safetensors_tensors():
    torch.manual_seed(3)
    return {
        'weight': torch.randn(3, 4),
        'bias': torch.randn(4, dtype=torch.float64),
        'steps': torch.tensor([1, 2 ** 40, -5]),
        'mask': torch.tensor([[True, False], [False, True]]),
        'pixels': torch.tensor([0, 128, 255], dtype=torch.uint8),
        'counts': torch.tensor([3, -4], dtype=torch.int32),
        'empty': torch.zeros(0, 2),
        'scalar': torch.tensor(1.5),
    }


def load_weights_only(path):
    """`torch.load(path, weights_only=True)`; PyTorch 1.13's weights-only unpickler
    lacks BINFLOAT (floats, e.g. an optimizer's lr), which 2.x accepts: for files with
    floats it falls back to a plain load (the file's globals were checked above by
    the weights-only pass failing only on that opcode)."""
    try:
        return torch.load(path, weights_only=True)
    except pickle.UnpicklingError as e:
        if 'Unsupported operand 71' not in str(e):
            raise
        return torch.load(path)


def check_antorcha_files():
    checked = []
    path = os.path.join(FIX, 'saved_by_antorcha.pt')
    if os.path.exists(path):
        sd = torch.load(path, weights_only=True)
        torch.manual_seed(0)
        m = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Linear(3, 2))
        with torch.no_grad():
            m[1].running_mean.copy_(torch.arange(3) * 0.5)
            m[1].running_var.copy_(torch.arange(3) + 1.5)
            m[1].num_batches_tracked.fill_(7)
        want = m.state_dict()
        assert isinstance(sd, OrderedDict), type(sd)
        assert list(sd.keys()) == list(want.keys()), (list(sd.keys()), list(want.keys()))
        for k in want:
            assert sd[k].dtype == want[k].dtype and torch.equal(sd[k], want[k]), k
        assert sd._metadata == want._metadata, (sd._metadata, want._metadata)
        m.load_state_dict(sd)
        checked.append('saved_by_antorcha.pt')
    path = os.path.join(FIX, 'objects_by_antorcha.pt')
    if os.path.exists(path):
        o = load_weights_only(path)
        assert torch.equal(o['f64'], torch.tensor([[0.1, -2.0], [3.5, 1e300]], dtype=torch.float64))
        assert torch.equal(o['i64'], torch.tensor([0, -1, 2 ** 40, -(2 ** 50)]))
        assert torch.equal(o['i32'], torch.tensor([7, -8, 2 ** 31 - 1], dtype=torch.int32))
        assert torch.equal(o['u8'], torch.tensor([0, 255, 17], dtype=torch.uint8))
        assert torch.equal(o['bool'], torch.tensor([True, False, True]))
        base = o['base']
        assert torch.equal(base, torch.arange(12, dtype=torch.float32).reshape(3, 4) / 8)
        assert torch.equal(o['slice'], base[1:, 1:3]) and o['slice'].storage_offset() == 5
        assert o['slice'].storage().data_ptr() == base.storage().data_ptr(), 'views must share storage'
        assert torch.equal(o['transposed'], base.t()) and o['transposed'].stride() == (1, 4)
        assert isinstance(o['param'], nn.Parameter) and o['param'].requires_grad
        assert o['nested'] == [1, 2 ** 40, -3, 0.5, 'text', None, True, False, (1, 2.5, 'x'), {'a': [1, 2], 'b': {'c': 3}}], o['nested']
        assert o['scalar'].shape == () and o['scalar'].item() == 2.5
        assert o['empty'].shape == (0, 3)
        checked.append('objects_by_antorcha.pt')
    path = os.path.join(FIX, 'adam_by_antorcha.pt')
    if os.path.exists(path):
        sd = load_weights_only(path)
        w = nn.Parameter(torch.tensor([1.0, 2.0]))
        ref = torch.optim.Adam([w], lr=0.01, foreach=False)
        for g in ([0.5, -1.0], [0.25, 0.75]):
            w.grad = torch.tensor(g)
            ref.step()
        w2 = nn.Parameter(w.detach().clone())
        opt = torch.optim.Adam([w2], lr=0.01, foreach=False)
        opt.load_state_dict(sd)
        for k in ('step', 'exp_avg', 'exp_avg_sq'):
            assert torch.equal(opt.state[w2][k], sd['state'][0][k]), k
            # Antorcha's Adam rounds as PyTorch's CPU kernels do (fused a + alpha*b, addcmul, addcdiv)
            assert torch.equal(opt.state[w2][k], ref.state[w][k]), k
        assert opt.param_groups[0]['lr'] == 0.01 and tuple(opt.param_groups[0]['betas']) == (0.9, 0.999)
        for o, p in ((ref, w), (opt, w2)):
            p.grad = torch.tensor([-0.5, 0.5])
            o.step()
        assert torch.equal(w, w2), (w, w2)
        checked.append('adam_by_antorcha.pt')
    path = os.path.join(FIX, 'by_antorcha.safetensors')
    if os.path.exists(path):
        with open(path, 'rb') as f:
            tensors, meta = read_safetensors(f.read())
        want = safetensors_tensors()
        assert meta == {'format': 'pt', 'source': 'antorcha'}, meta
        assert set(tensors) == set(want), (set(tensors), set(want))
        for k, t in want.items():
            assert tensors[k].dtype == t.dtype and torch.equal(tensors[k], t), k
        checked.append('by_antorcha.safetensors')
    return checked


def main():
    m = model_113()
    buf = io.BytesIO()
    torch.save(m.state_dict(), buf)
    sd_bytes = buf.getvalue()
    with open(os.path.join(FIX, 'saved_by_pytorch_113.pt'), 'wb') as f:
        f.write(sd_bytes)
    objs = objects()
    buf = io.BytesIO()
    torch.save(objs, buf)
    with open(os.path.join(FIX, 'objects_by_pytorch_113.pt'), 'wb') as f:
        f.write(buf.getvalue())

    layout2 = repack(sd_bytes, 'checkpoint', [('.format_version', b'1'), ('.storage_alignment', b'64'), ('byteorder', b'little'),
                                               ('.data/version', b'3\n'), ('.data/serialization_id', b'1234567890123456789012345678901234567890')])
    assert torch.load(io.BytesIO(layout2), weights_only=True).keys() == m.state_dict().keys()
    with open(os.path.join(FIX, 'layout_2x.pt'), 'wb') as f:
        f.write(layout2)

    sizes = {}
    for k, v in m.state_dict().items():
        sizes[k] = v.element_size()
    keys = list(m.state_dict().keys())

    def swap(rel, data):
        key = int(rel.split('/')[1])
        # storages are numbered in state-dict order here (one per tensor)
        size = list(sizes.values())[key]
        return b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
    big = repack(sd_bytes, 'archive', [], storage_transform=swap, byteorder=b'big')
    with open(os.path.join(FIX, 'big_endian.pt'), 'wb') as f:
        f.write(big)

    st = safetensors_tensors()
    with open(os.path.join(FIX, 'by_python.safetensors'), 'wb') as f:
        f.write(write_safetensors(st, {'format': 'pt', 'note': 'written from the published format'}))

    write_json('packages/nn/test/fixtures/nn_serialization.json', {
        'state_dict': {'keys': keys, 'values': {k: enc_result(v) for k, v in m.state_dict().items()},
                       'metadata': [[k, v] for k, v in m.state_dict()._metadata.items()]},
        'objects': {k: enc_any(v) for k, v in objs.items()},
        'safetensors': {k: enc_result(v) for k, v in st.items()},
    })
    checked = check_antorcha_files()
    print('verified files written by Antorcha:', ', '.join(checked) if checked else 'none present')


if __name__ == '__main__':
    main()
