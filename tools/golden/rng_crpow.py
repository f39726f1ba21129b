#!/usr/bin/python3
"""Reference values for @antorcha/rng's crPowInt: x ** n for integer n.

Run with Debian's Python: /usr/bin/python3 tools/golden/rng_crpow.py

Writes packages/rng/test/fixtures/crpow.json with bases x, exponents n, the
correctly rounded x ** n (exact rational arithmetic, rounded to nearest even by
Python's int/Fraction -> float conversion) and what Python's own `x ** n` gives
(C's pow from glibc, which PyTorch's optimizers and schedulers use for Adam's
bias corrections and MultiStepLR's decay). All doubles are base64 of
little-endian float64 bytes.
"""
import base64
import json
import os
import random
import struct
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "packages", "rng", "test", "fixtures", "crpow.json")


def enc(xs):
    return base64.b64encode(struct.pack(f"<{len(xs)}d", *xs)).decode()


def cr_pow(x, n):
    return float(Fraction(x) ** n)  # Fraction -> float rounds correctly (nearest even)


random.seed(20261126)
xs, ns = [], []
# the optimizer betas and scheduler gammas people use, at every step up to 3000
for x in [0.9, 0.99, 0.999, 0.9999, 0.95, 0.5, 0.1, 0.2, 0.3, 0.7, 0.8]:
    for n in list(range(0, 3001)):
        xs.append(x)
        ns.append(n)
# random bases in (0, 2) and negative ones, random exponents
for _ in range(20000):
    x = random.choice([random.random(), 1 + random.random(), -random.random() * 2])
    n = random.choice([random.randint(2, 40), random.randint(41, 1000)])
    xs.append(x)
    ns.append(n)
# keep results in the normal range (crPowInt's documented domain)
keep = [i for i in range(len(xs)) if xs[i] == 0 or 2.0 ** -1000 < abs(cr_pow(xs[i], ns[i])) < 2.0 ** 1000]
xs = [xs[i] for i in keep]
ns = [ns[i] for i in keep]
cr = [cr_pow(x, n) for x, n in zip(xs, ns)]
py = [x ** n for x, n in zip(xs, ns)]
off = sum(a != b for a, b in zip(cr, py))
with open(OUT, "w") as f:
    json.dump({"generator": "tools/golden/rng_crpow.py", "x": enc(xs), "n": ns, "cr": enc(cr), "python": enc(py)}, f)
    f.write("\n")
print(f"wrote {len(xs)} powers; Python's float ** int (glibc pow) differs from correct rounding on {off}")
