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
