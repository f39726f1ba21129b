"""Golden cases of `torch.fft` and the window functions (PyTorch 1.13): window values for
lengths 0, 1, 2, odd and even, periodic and symmetric, float32 and float64, the Hamming and
Kaiser parameters, and errors; `fftfreq`/`rfftfreq` for odd and even n, spacings and dtypes;
`fftshift`/`ifftshift` over all dims, chosen dims, negative dims, odd and even lengths.
Writes packages/core/fixtures/ops-fft.json; case ops are `fft.<name>` and `<kind>_window`
(mapped in packages/core/src/testing/surface/fft.ts).

    /usr/bin/python3 tools/golden/fft.py
"""
import torch

from _cases import Cases, rand

torch.manual_seed(0)
c = Cases()

# ---------------------------------------------------------------- windows
for name in ['hann_window', 'hamming_window', 'bartlett_window', 'blackman_window', 'kaiser_window']:
    for n in [0, 1, 2, 3, 8, 11, 64, 101]:
        for periodic in [True, False]:
            for dt in ['float32', 'float64']:
                c.add(f'{name}/n{n}/{"periodic" if periodic else "symmetric"}/{dt}', name, [n, periodic],
                      {'dtype': getattr(torch, dt)})
    c.add(f'{name}/default', name, [16])
    c.add(f'{name}/complex-dtype', name, [4], {'dtype': torch.complex64})
    c.add(f'{name}/negative', name, [-1])
c.add('hamming_window/alpha-beta', 'hamming_window', [12, False, 0.6, 0.3], {'dtype': torch.float64})
c.add('hamming_window/alpha', 'hamming_window', [12, True, 0.6])
c.add('kaiser_window/beta-5', 'kaiser_window', [12, False, 5.0], {'dtype': torch.float64})
c.add('kaiser_window/beta-0', 'kaiser_window', [9, True, 0.0])
c.add('kaiser_window/beta-30-float32', 'kaiser_window', [33, False, 30.0])

# ---------------------------------------------------------------- frequencies
for name in ['fftfreq', 'rfftfreq']:
    for n in [0, 1, 2, 5, 8, 9, 100]:
        c.add(f'{name}/n{n}', f'fft.{name}', [n], fn=getattr(torch.fft, name))
        c.add(f'{name}/n{n}/d0.1/float64', f'fft.{name}', [n, 0.1], {'dtype': torch.float64}, fn=getattr(torch.fft, name))
    c.add(f'{name}/d3', f'fft.{name}', [7, 3.0], fn=getattr(torch.fft, name))
    c.add(f'{name}/int-dtype', f'fft.{name}', [4], {'dtype': torch.int64}, fn=getattr(torch.fft, name))
    c.add(f'{name}/complex-dtype', f'fft.{name}', [4], {'dtype': torch.complex64}, fn=getattr(torch.fft, name))

# ---------------------------------------------------------------- shifts
for name in ['fftshift', 'ifftshift']:
    f = getattr(torch.fft, name)
    for shape in [[5], [6], [1], [0], [3, 4], [2, 5, 3]]:
        c.add(f'{name}/{"x".join(map(str, shape))}', f'fft.{name}', [rand(shape)], fn=f)
    c.add(f'{name}/dim1', f'fft.{name}', [rand([3, 5])], {'dim': 1}, fn=f)
    c.add(f'{name}/dim-neg', f'fft.{name}', [rand([4, 5, 3])], {'dim': -1}, fn=f)
    c.add(f'{name}/dims', f'fft.{name}', [rand([4, 5, 3])], {'dim': [0, 2]}, fn=f)
    c.add(f'{name}/int64', f'fft.{name}', [rand([7], 'int64')], fn=f)
    c.add(f'{name}/dim-out-of-range', f'fft.{name}', [rand([3, 4])], {'dim': 2}, fn=f)

c.write('fft')


# ================================================================ transforms (fixture fft-transforms.json)
# Complex tensors are encoded here, in this script's own format, as their view_as_real values
# (pairs re, im in row-major order): {"dtype", "shape", "values"} with values flat. Inputs are
# contiguous unless `layout` says 'transposed' (then the test transposes the last two dims of
# a contiguous tensor of the swapped shape, as here). Each result carries `bound`, the largest
# difference allowed from PyTorch's values: PyTorch's own error against a float64 (complex128)
# evaluation of the same transform plus one rounding of the result's precision for float32;
# for float64 results 16·eps·log2(N + 1)·max|X| (the FFT's O(eps log N) error bound).
import math

from _common import enc_value, write_json

F = torch.fft
tcases = []
tnames = set()


def enc_t(t):
    t = t.detach()
    vals = torch.view_as_real(t.resolve_conj()) if t.is_complex() else t
    return {'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape),
            'values': [enc_value(v) for v in vals.contiguous().reshape(-1).tolist()]}


def upcast(t):
    if t.dtype == torch.complex64:
        return t.to(torch.complex128)
    if t.dtype == torch.float32:
        return t.to(torch.float64)
    return t


def bound_of(out, ref):
    m = (torch.view_as_real(ref) if ref.is_complex() else ref).abs().max().item() if ref.numel() else 0.0
    if out.dtype in (torch.complex64, torch.float32):
        err = ((torch.view_as_real(out.to(torch.complex128)) - torch.view_as_real(ref)) if out.is_complex() else (out.double() - ref)).abs().max().item() if out.numel() else 0.0
        return err + m * 2 ** -24 + 1e-30
    n = max(1, ref.numel())
    return 16 * 2 ** -52 * math.log2(n + 1) * m + 1e-300


def tadd(name, fn, x, kwargs=None, layout='contig', args=()):
    assert name not in tnames, name
    tnames.add(name)
    kwargs = kwargs or {}
    inp = enc_t(x)
    inp['layout'] = layout
    case = {'name': name, 'fn': fn, 'input': inp, 'args': list(args), 'kwargs': kwargs}
    f = getattr(F, fn)
    try:
        out = f(x, *args, **kwargs).resolve_conj()
        ref = f(upcast(x), *args, **kwargs).resolve_conj()
        exp = enc_t(out)
        exp['bound'] = bound_of(out, ref)
        case['expected'] = exp
    except Exception as e:
        case['expected'] = {'error': str(e).split('\n')[0], 'type': type(e).__name__}
    tcases.append(case)


def crand(shape, dtype=torch.complex64):
    return torch.complex(torch.randn(shape, dtype=torch.float64), torch.randn(shape, dtype=torch.float64)).to(dtype)


def rrand(shape, dtype=torch.float32):
    return torch.randn(shape, dtype=torch.float64).to(dtype)


LENGTHS = [1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 60, 97, 128, 360, 1009, 1024]
for n in LENGTHS:
    small = n < 300  # every variant for short lengths; the long ones (360, 1009 prime, 1024) for the main three
    h = n // 2 + 1
    tadd(f'fft/c64/n{n}', 'fft', crand([n]))
    tadd(f'rfft/f32/n{n}', 'rfft', rrand([n]))
    tadd(f'irfft/c64/n{n}', 'irfft', crand([h]), {'n': n})
    if not small:
        continue
    tadd(f'ifft/c64/n{n}', 'ifft', crand([n]))
    tadd(f'fft/c128/n{n}', 'fft', crand([n], torch.complex128))
    tadd(f'rfft/f64/n{n}', 'rfft', rrand([n], torch.float64))
    tadd(f'fft/real-f32/n{n}', 'fft', rrand([n]))
    tadd(f'ihfft/f32/n{n}', 'ihfft', rrand([n]))
    tadd(f'irfft/c128/n{n}', 'irfft', crand([h], torch.complex128), {'n': n})
    tadd(f'hfft/c64/n{n}', 'hfft', crand([h]), {'n': n})
tadd('fft/c128/n1009', 'fft', crand([1009], torch.complex128))
for norm in ['backward', 'ortho', 'forward']:
    for fn in ['fft', 'ifft', 'hfft', 'irfft']:
        tadd(f'{fn}/norm-{norm}', fn, crand([2, 12]), {'norm': norm})
    for fn in ['rfft', 'ihfft']:
        tadd(f'{fn}/norm-{norm}', fn, rrand([2, 15]), {'norm': norm})
    for fn in ['fft2', 'ifft2', 'fftn', 'ifftn', 'hfft2', 'irfft2', 'hfftn', 'irfftn']:
        tadd(f'{fn}/norm-{norm}', fn, crand([3, 4, 6]), {'norm': norm})
    for fn in ['rfft2', 'ihfft2', 'rfftn', 'ihfftn']:
        tadd(f'{fn}/norm-{norm}', fn, rrand([3, 4, 5]), {'norm': norm})
# n: padding and trimming, dims
tadd('fft/pad', 'fft', crand([3, 5]), {'n': 8})
tadd('fft/trim', 'fft', crand([3, 9]), {'n': 4})
tadd('fft/dim0', 'fft', crand([6, 3]), {'dim': 0})
tadd('fft/dim0-pad', 'fft', crand([5, 3]), {'n': 7, 'dim': 0})
tadd('fft/positional', 'fft', crand([10]), args=(12, 0, 'ortho'))
tadd('rfft/pad-odd', 'rfft', rrand([4, 6]), {'n': 9})
tadd('rfft/trim', 'rfft', rrand([4, 10]), {'n': 7})
tadd('rfft/dim0', 'rfft', rrand([7, 3]), {'dim': 0})
tadd('irfft/default-n', 'irfft', crand([2, 5]))
tadd('irfft/pad-input', 'irfft', crand([2, 3]), {'n': 10})
tadd('irfft/trim-input', 'irfft', crand([2, 9]), {'n': 6})
tadd('irfft/dim0', 'irfft', crand([5, 2]), {'n': 8, 'dim': 0})
tadd('hfft/default-n', 'hfft', crand([2, 5]))
tadd('ihfft/n', 'ihfft', rrand([3, 8]), {'n': 5})
tadd('fft/int-input', 'fft', torch.randint(-5, 5, [6]))
tadd('rfft/int-input', 'rfft', torch.randint(-5, 5, [6]))
tadd('ifft/real-input', 'ifft', rrand([7]))
tadd('fft/transposed', 'fft', crand([6, 4]).transpose(0, 1), layout='transposed')
tadd('rfft/transposed', 'rfft', rrand([6, 4]).transpose(0, 1), layout='transposed')
tadd('irfft/transposed', 'irfft', crand([6, 4]).transpose(0, 1), layout='transposed')
# n-dimensional: s and dim
tadd('fftn/all', 'fftn', crand([3, 4, 5]))
tadd('fftn/s', 'fftn', crand([3, 4, 5]), {'s': [6, 3]})
tadd('fftn/s-minus1', 'fftn', crand([3, 4, 5]), {'s': [-1, 7]})
tadd('fftn/dim', 'fftn', crand([3, 4, 5]), {'dim': [0, 2]})
tadd('fftn/dim-neg', 'fftn', crand([3, 4, 5]), {'dim': -2})
tadd('fftn/s-dim', 'fftn', crand([3, 4, 5]), {'s': [2, 9], 'dim': [2, 0]})
tadd('fftn/real-input', 'fftn', rrand([4, 6]))
tadd('fft2/4d', 'fft2', crand([2, 3, 4, 5]))
tadd('fft2/s', 'fft2', crand([4, 5]), {'s': [8, 3]})
tadd('ifft2/dim', 'ifft2', crand([4, 5, 3]), {'dim': [0, 2]})
tadd('rfftn/all', 'rfftn', rrand([4, 5, 6]))
tadd('rfftn/s', 'rfftn', rrand([4, 5, 6]), {'s': [3, 7]})
tadd('rfftn/dim', 'rfftn', rrand([4, 5, 6]), {'dim': [2, 0]})
tadd('rfft2/odd', 'rfft2', rrand([5, 7]))
tadd('irfftn/all', 'irfftn', crand([4, 5, 4]))
tadd('irfftn/s', 'irfftn', crand([4, 5, 4]), {'s': [4, 7]})
tadd('irfftn/s-minus1', 'irfftn', crand([4, 5, 4]), {'s': [5, -1]})
tadd('irfft2/s-odd', 'irfft2', crand([6, 4]), {'s': [6, 7]})
tadd('hfftn/s', 'hfftn', crand([4, 5, 4]), {'s': [3, 9]})
tadd('hfft2/default', 'hfft2', crand([4, 5]))
tadd('ihfftn/dim', 'ihfftn', rrand([4, 5, 6]), {'dim': [0, 1]})
tadd('ihfft2/s', 'ihfft2', rrand([4, 5]), {'s': [6, 7]})
tadd('fftn/c128', 'fftn', crand([3, 5, 7], torch.complex128))
tadd('rfftn/f64', 'rfftn', rrand([3, 5, 7], torch.float64))
tadd('irfftn/c128', 'irfftn', crand([3, 5, 7], torch.complex128))
# errors
tadd('error/norm', 'fft', crand([4]), {'norm': 'foo'})
tadd('error/n0', 'fft', crand([4]), {'n': 0})
tadd('error/rfft-complex', 'rfft', crand([4]))
tadd('error/rfftn-complex', 'rfftn', crand([4]))
tadd('error/irfft-one-bin', 'irfft', crand([1]))
tadd('error/dims-unique', 'fftn', crand([2, 4]), {'dim': [0, 0]})
tadd('error/s-dim-length', 'fftn', crand([2, 4]), {'s': [2], 'dim': [0, 1]})
tadd('error/s-too-long', 'fftn', crand([2, 4]), {'s': [1, 2, 3]})
tadd('error/s-zero', 'fftn', crand([2, 4]), {'s': [0, 2]})
tadd('error/rfftn-no-dims', 'rfftn', rrand([4]), {'dim': []})
tadd('error/dim-range', 'fft', crand([2, 4]), {'dim': 2})
tadd('error/half', 'fft', rrand([4]).half())
tadd('error/irfftn-zero', 'irfftn', crand([3, 1]))

# ---------------------------------------------------------------- stft / istft
def sadd(name, fn, x, n_fft, kwargs, override=None):
    """A torch.stft/istft case; a `window` kwarg is encoded as a tensor. `override`: PyTorch 2.x's error
    where 1.13 only warned (SpectralOps.cpp in 2.x: stft requires return_complex for real inputs; istft
    requires a complex input)."""
    assert name not in tnames, name
    tnames.add(name)
    enc_kw = {k: (enc_t(v) if isinstance(v, torch.Tensor) else v) for k, v in kwargs.items()}
    inp = enc_t(x)
    inp['layout'] = 'contig'
    case = {'name': name, 'fn': fn, 'input': inp, 'args': [n_fft], 'kwargs': enc_kw}
    f = getattr(torch, fn)
    if override is not None:
        case['expected'] = {'error': override, 'type': 'RuntimeError'}
    else:
        try:
            out = f(x, n_fft, **kwargs)
            up = {k: (upcast(v) if isinstance(v, torch.Tensor) else v) for k, v in kwargs.items()}
            ref = f(upcast(x), n_fft, **up)
            exp = enc_t(out)
            exp['bound'] = bound_of(out, ref)
            case['expected'] = exp
        except Exception as e:
            msg = str(e).split('\n')[0]
            # PyTorch 2.x spells 1.13's "when onsided=True" as "when onesided=True" (SpectralOps.cpp istft)
            case['expected'] = {'error': msg.replace('when onsided=True', 'when onesided=True'), 'type': type(e).__name__}
    tcases.append(case)


sig = rrand([200])
sig64 = rrand([3, 150], torch.float64)
hann = torch.hann_window(64)
sadd('stft/hann-hop16', 'stft', sig, 64, {'hop_length': 16, 'window': hann, 'return_complex': True})
sadd('stft/defaults', 'stft', sig, 32, {'return_complex': True})
sadd('stft/batch-f64', 'stft', sig64, 40, {'hop_length': 10, 'window': torch.hamming_window(40, dtype=torch.float64), 'return_complex': True})
sadd('stft/win-length', 'stft', sig, 64, {'hop_length': 8, 'win_length': 40, 'window': torch.hann_window(40), 'return_complex': True})
sadd('stft/win-length-no-window', 'stft', sig, 64, {'hop_length': 8, 'win_length': 40, 'return_complex': True})
sadd('stft/no-center', 'stft', sig, 64, {'hop_length': 20, 'center': False, 'return_complex': True})
for mode in ['constant', 'replicate', 'circular']:
    sadd(f'stft/pad-{mode}', 'stft', sig, 64, {'hop_length': 32, 'pad_mode': mode, 'return_complex': True})
sadd('stft/normalized-twosided', 'stft', sig, 32, {'hop_length': 16, 'normalized': True, 'onesided': False, 'return_complex': True})
sadd('stft/return-real', 'stft', sig, 32, {'hop_length': 16, 'return_complex': False})
sadd('stft/complex-input', 'stft', crand([100]), 32, {'hop_length': 16})
sadd('stft/error-return-complex', 'stft', sig, 32, {}, override='stft requires the return_complex parameter be given for real inputs, and will further require that return_complex=True in a future PyTorch release.')
sadd('stft/error-hop', 'stft', sig, 32, {'hop_length': 0, 'return_complex': True})
sadd('stft/error-win-length', 'stft', sig, 32, {'win_length': 40, 'return_complex': True})
sadd('stft/error-window-size', 'stft', sig, 32, {'window': torch.ones(30), 'return_complex': True})
sadd('stft/error-n-fft', 'stft', rrand([10]), 64, {'center': False, 'return_complex': True})
sadd('stft/error-onesided-complex', 'stft', crand([100]), 32, {'onesided': True})
spec = torch.stft(sig, 64, hop_length=16, window=hann, return_complex=True)
sadd('istft/hann', 'istft', spec, 64, {'hop_length': 16, 'window': hann})
sadd('istft/length', 'istft', spec, 64, {'hop_length': 16, 'window': hann, 'length': 200})
sadd('istft/length-longer', 'istft', spec, 64, {'hop_length': 16, 'window': hann, 'length': 240})
spec64 = torch.stft(sig64, 40, hop_length=10, window=torch.hann_window(40, dtype=torch.float64), return_complex=True)
sadd('istft/batch-f64', 'istft', spec64, 40, {'hop_length': 10, 'window': torch.hann_window(40, dtype=torch.float64), 'length': 150})
sadd('istft/normalized', 'istft', torch.stft(sig, 32, hop_length=8, normalized=True, return_complex=True), 32, {'hop_length': 8, 'normalized': True})
sadd('istft/no-center', 'istft', torch.stft(sig, 32, hop_length=8, center=False, return_complex=True), 32, {'hop_length': 8, 'center': False})
sadd('istft/win-length', 'istft', torch.stft(sig, 64, hop_length=8, win_length=40, window=torch.hann_window(40), return_complex=True), 64,
     {'hop_length': 8, 'win_length': 40, 'window': torch.hann_window(40)})
two = torch.stft(crand([120]), 32, hop_length=8, return_complex=True)
sadd('istft/twosided-complex', 'istft', two, 32, {'hop_length': 8, 'return_complex': True})
sadd('istft/error-real-input', 'istft', rrand([17, 5, 2]), 32, {}, override='istft requires a complex-valued input tensor matching the output from stft with return_complex=True.')
sadd('istft/error-freq-size', 'istft', crand([3, 4]), 6, {'hop_length': 1, 'window': torch.ones(6)})
sadd('istft/error-hop', 'istft', crand([3, 4]), 4, {'hop_length': 5})
sadd('istft/error-window-zero', 'istft', crand([3, 4]), 4, {'hop_length': 1, 'window': torch.zeros(4)})

write_json('packages/core/fixtures/fft-transforms.json', tcases)

# ================================================================ gradients (fixture fft-grad.json)
# For each function: PyTorch's grad_fn name and d/dx of sum(view_as_real(f(x)) · w) for a fixed
# random weight w, float64/complex128 input.
gcases = []
GRAD = [
    ('fft', crand([6], torch.complex128), {}), ('fft', rrand([6], torch.float64), {}),
    ('ifft', crand([5], torch.complex128), {'norm': 'ortho'}), ('rfft', rrand([7], torch.float64), {}),
    ('rfft', rrand([8], torch.float64), {'n': 10}), ('irfft', crand([5], torch.complex128), {}),
    ('irfft', crand([5], torch.complex128), {'n': 9}), ('hfft', crand([4], torch.complex128), {'n': 7}),
    ('ihfft', rrand([6], torch.float64), {}), ('fft2', crand([3, 4], torch.complex128), {}),
    ('ifft2', crand([3, 4], torch.complex128), {'norm': 'forward'}), ('rfft2', rrand([3, 5], torch.float64), {}),
    ('irfft2', crand([3, 4], torch.complex128), {}), ('hfft2', crand([3, 4], torch.complex128), {}),
    ('ihfft2', rrand([3, 5], torch.float64), {}), ('fftn', crand([2, 3, 4], torch.complex128), {'dim': [0, 2]}),
    ('ifftn', crand([2, 3, 4], torch.complex128), {}), ('rfftn', rrand([2, 3, 4], torch.float64), {}),
    ('irfftn', crand([2, 3, 4], torch.complex128), {'s': [3, 5]}), ('hfftn', crand([2, 3, 4], torch.complex128), {}),
    ('ihfftn', rrand([2, 3, 4], torch.float64), {}),
]
for i, (fn, x, kw) in enumerate(GRAD):
    x = x.clone().requires_grad_(True)
    y = getattr(F, fn)(x, **kw)
    yr = torch.view_as_real(y.resolve_conj()) if y.is_complex() else y
    w = torch.randn(yr.shape, dtype=torch.float64)
    (yr * w).sum().backward()
    gcases.append({'name': f'{fn}/{i}', 'fn': fn, 'kwargs': kw, 'input': enc_t(x), 'weight': enc_t(w),
                   'grad_fn': type(y.grad_fn).__name__, 'grad': enc_t(x.grad)})
write_json('packages/core/fixtures/fft-grad.json', gcases)
