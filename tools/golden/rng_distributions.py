#!/usr/bin/python3
"""Golden fixtures for @antorcha/rng's cauchy_, log_normal_, geometric_,
poisson and binomial, written from the real PyTorch 1.13 (CPU, non-MKL).

Run with Debian's python3-torch and python3-mpmath:

    /usr/bin/python3 tools/golden/rng_distributions.py

Writes packages/rng/test/fixtures/distributions.json. Encoding as in
rng_fixtures.py: "b64" = raw little-endian bytes of the result in fill order,
"dtype" says how to decode them; seeds as decimal strings, scalars as
float.hex() strings. Each case also records what the generator gives *after*
the op ("next_rand": torch.rand(4) float32, then "next_randn": torch.randn(3,
dtype=float64), which serves a cached Box-Muller normal first if one is left),
so that the number of draws each op consumes is checked too.

float64 cauchy_ and log_normal_ call glibc's tan and exp, which are not
correctly rounded on a few inputs per thousand. The TypeScript port uses
correctly rounded tan/exp (and log/sin/cos, see rng_crmath.py). For those cases
"cr_diffs" lists [index, value] where torch's value differs from the same
computation with correctly rounded functions (mpmath, 200 bits); the value is
the correctly rounded one. The script asserts that the glibc version of the
formula reproduces torch exactly, so the formula itself is verified.
"""
import base64
import json
import math
import os
import sys
from fractions import Fraction

import mpmath
import torch

sys.path.insert(0, "/work/shared/rng")
import ref  # noqa: E402  (MT19937 stream, uniform and normal formulas)

mpmath.mp.prec = 200
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "packages", "rng", "test", "fixtures", "distributions.json")
DT = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "int32": torch.int32,
      "int16": torch.int16, "int8": torch.int8, "uint8": torch.uint8}
SEEDS = [0, 7, 42]


def H(x):
    return float(x).hex()


def raw(t):
    return t.detach().contiguous().numpy().tobytes()


def b64(t):
    return base64.b64encode(raw(t)).decode()


def dtname(t):
    return {v: k for k, v in DT.items()}[t.dtype]


def fma64(a, b, c):
    return float(Fraction(a) * Fraction(b) + Fraction(c))


def cr(fn, x):
    return float(fn(mpmath.mpf(x)))


cases = []


def add(op, seed, args, fn):
    torch.manual_seed(seed)
    t = fn()
    c = {"op": op, "seed": str(seed), "args": args, "dtype": dtname(t), "n": t.numel(), "b64": b64(t),
         "next_rand": b64(torch.rand(4)), "next_randn": b64(torch.randn(3, dtype=torch.float64))}
    cases.append(c)
    return c, t


def f64_list(t):
    return [float(v) for v in t.flatten().tolist()]


# --------------------------------------------------------------------- cauchy_
def cauchy_values(seed, n, median, sigma, tan):
    g = ref.Generator(seed)
    out = []
    for _ in range(n):
        u = g.u01_f64()
        x = math.pi * (u - 0.5)
        out.append(fma64(tan(x), sigma, median))  # AVX2 build: GCC contracts median + sigma*tan
    return out


for s in SEEDS:
    for dt in ["float32", "float64"]:
        for median, sigma in [(0.0, 1.0), (1.5, 2.5), (-3.0, 0.125)]:
            c, t = add("cauchy_", s, {"n": 100, "median": H(median), "sigma": H(sigma), "dtype": dt},
                       lambda: torch.empty(100, dtype=DT[dt]).cauchy_(median, sigma))
            if dt == "float64":
                glibc = cauchy_values(s, 100, median, sigma, math.tan)
                assert glibc == f64_list(t), "cauchy_ formula does not reproduce torch"
                crv = cauchy_values(s, 100, median, sigma, lambda x: cr(mpmath.tan, x))
                c["cr_diffs"] = [[i, H(v)] for i, (v, w) in enumerate(zip(crv, glibc)) if v != w]
# a large float64 case (several glibc misroundings)
c, t = add("cauchy_", 0, {"n": 4000, "median": H(0.5), "sigma": H(3.0), "dtype": "float64"},
           lambda: torch.empty(4000, dtype=torch.float64).cauchy_(0.5, 3.0))
glibc = cauchy_values(0, 4000, 0.5, 3.0, math.tan)
assert glibc == f64_list(t)
crv = cauchy_values(0, 4000, 0.5, 3.0, lambda x: cr(mpmath.tan, x))
c["cr_diffs"] = [[i, H(v)] for i, (v, w) in enumerate(zip(crv, glibc)) if v != w]
assert c["cr_diffs"], "expected some glibc tan misroundings in 4000 draws"


# ----------------------------------------------------------------- log_normal_
class CrGen(ref.Generator):
    """ref.Generator whose scalar Box-Muller uses correctly rounded log/sin/cos."""

    def normal_double(self, mean, std, version="1.13", fma=True):
        if self.next_double_normal is not None:
            ret = self.next_double_normal
            self.next_double_normal = None
        else:
            u1 = self.u01_f64()
            u2 = self.u01_f64()
            r = math.sqrt(-2.0 * cr(mpmath.log, 1.0 - u2))
            theta = 2.0 * math.pi * u1
            self.next_double_normal = r * cr(mpmath.sin, theta)
            ret = r * cr(mpmath.cos, theta)
        return fma64(ret, std, mean) if fma else ret * std + mean


def lognormal_values(g, n, mean, std, exp):
    return [exp(g.normal_double(mean, std)) for _ in range(n)]


for s in SEEDS:
    for dt in ["float32", "float64"]:
        for mean, std, n in [(1.0, 2.0, 100), (0.0, 0.5, 5), (-1.0, 0.25, 1), (2.0, 1.5, 16)]:
            c, t = add("log_normal_", s, {"n": n, "mean": H(mean), "std": H(std), "dtype": dt},
                       lambda: torch.empty(n, dtype=DT[dt]).log_normal_(mean, std))
            if dt == "float64":
                glibc = lognormal_values(ref.Generator(s), n, mean, std, math.exp)
                assert glibc == f64_list(t), "log_normal_ formula does not reproduce torch"
                crv = lognormal_values(CrGen(s), n, mean, std, lambda x: cr(mpmath.exp, x))
                c["cr_diffs"] = [[i, H(v)] for i, (v, w) in enumerate(zip(crv, glibc)) if v != w]
c, t = add("log_normal_", 0, {"n": 4000, "mean": H(0.25), "std": H(1.0), "dtype": "float64"},
           lambda: torch.empty(4000, dtype=torch.float64).log_normal_(0.25, 1.0))
glibc = lognormal_values(ref.Generator(0), 4000, 0.25, 1.0, math.exp)
assert glibc == f64_list(t)
crv = lognormal_values(CrGen(0), 4000, 0.25, 1.0, lambda x: cr(mpmath.exp, x))
c["cr_diffs"] = [[i, H(v)] for i, (v, w) in enumerate(zip(crv, glibc)) if v != w]

# a cached normal left by randn(1) is consumed by log_normal_ (and vice versa)
for s in SEEDS:
    torch.manual_seed(s)
    a = torch.randn(1, dtype=torch.float64)
    t = torch.empty(3).log_normal_(0.5, 1.25)
    cases.append({"op": "randn_then_log_normal_", "seed": str(s),
                  "args": {"n": 3, "mean": H(0.5), "std": H(1.25), "dtype": "float32"},
                  "dtype": "float32", "n": 3, "b64": b64(t), "first": b64(a),
                  "next_rand": b64(torch.rand(4)), "next_randn": b64(torch.randn(3, dtype=torch.float64))})

# ------------------------------------------------------------------ geometric_
for s in SEEDS:
    for dt, ps in [("float32", [0.3, 0.01, 0.9]), ("float64", [0.3, 1e-6, 0.75]), ("int64", [0.3, 0.001]),
                   ("int32", [0.5]), ("int16", [0.2]), ("int8", [0.6]), ("uint8", [0.7])]:
        for p in ps:
            add("geometric_", s, {"n": 100, "p": H(p), "dtype": dt},
                lambda: torch.empty(100, dtype=DT[dt]).geometric_(p))

# --------------------------------------------------------------------- poisson
RATES = [0.0, 0.5, 1.0, 3.7, 9.99, 10.0, 10.5, 25.0, 100.0, 1234.5, 1e5, 7e6, 2.25, 0.01, 55.5, 9.0]
for s in SEEDS:
    for dt in ["float32", "float64"]:
        rates = torch.tensor(RATES * 4, dtype=DT[dt])
        c, _ = add("poisson", s, {"rates": b64(rates), "dtype": dt}, lambda: torch.poisson(rates))
        c["rates_dtype"] = dt
    # all-small and all-large tensors
    for name, rr in [("small", [0.1 * (i + 1) for i in range(50)]), ("large", [10.0 + 37.5 * i for i in range(50)])]:
        rates = torch.tensor(rr, dtype=torch.float64)
        c, _ = add("poisson", s, {"rates": b64(rates), "dtype": "float64", "name": name}, lambda: torch.poisson(rates))
        c["rates_dtype"] = "float64"

# -------------------------------------------------------------------- binomial
COUNTS = [0, 1, 5, 10, 20, 50, 100, 1000, 12345, 1e6, 3, 40, -2, 7, 200, 30]
PROBS = [0.5, 0.3, 0.9, 0.6, 0.5, 0.25, 0.75, 0.01, 0.5, 0.999, 1.0, 0.0, 0.5, 1.5, 0.05, 0.95]
for s in SEEDS:
    for dt in ["float32", "float64"]:
        count = torch.tensor(COUNTS * 3, dtype=DT[dt])
        prob = torch.tensor(PROBS[s % 5:] + PROBS[:s % 5] + PROBS + PROBS[::-1], dtype=DT[dt])
        c, _ = add("binomial", s, {"count": b64(count), "prob": b64(prob), "dtype": dt},
                   lambda: torch.binomial(count, prob))
    # btrs only (n*p >= 10), and inversion only
    count = torch.tensor([100.0 + 13 * i for i in range(40)], dtype=torch.float64)
    prob = torch.tensor([0.2 + 0.015 * i for i in range(40)], dtype=torch.float64)
    add("binomial", s, {"count": b64(count), "prob": b64(prob), "dtype": "float64", "name": "btrs"},
        lambda: torch.binomial(count, prob))
    count = torch.tensor([float(3 + i % 9) for i in range(40)], dtype=torch.float32)
    prob = torch.tensor([0.05 + 0.0225 * i for i in range(40)], dtype=torch.float32)
    add("binomial", s, {"count": b64(count), "prob": b64(prob), "dtype": "float32", "name": "inversion"},
        lambda: torch.binomial(count, prob))


# ---------------------------------------------------------------------- errors
def err(name, f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return {"name": name, "type": type(e).__name__, "message": str(e).split("\n")[0]}
    raise AssertionError(f"{name} did not raise")


# ------------------------------------------------------ tensor-level cases
# (packages/antorcha/test/random-distributions.test.ts): values in logical row-major
# order, shapes, non-contiguous outputs and inputs, broadcasting.
def tensor_case(name, seed, fn, **info):
    torch.manual_seed(seed)
    t = fn()
    tensor_cases.append({"name": name, "seed": str(seed), "shape": list(t.shape), "dtype": dtname(t), "b64": b64(t),
                         "next_rand": b64(torch.rand(4)), "next_randn": b64(torch.randn(3, dtype=torch.float64)),
                         **info})


tensor_cases = []
RATES_2D = [[0.5, 12.0, 3.0], [150.0, 0.0, 9.5], [1e4, 2.0, 33.0], [7.0, 10.0, 0.25]]
for s in SEEDS:
    tensor_case("cauchy_ transposed", s, lambda: torch.empty(5, 4).t().cauchy_(0.5, 2.0))
    tensor_case("cauchy_ float64", s, lambda: torch.empty(2, 3, dtype=torch.float64).cauchy_())
    tensor_case("log_normal_ float64", s, lambda: torch.empty(2, 3, dtype=torch.float64).log_normal_())
    tensor_case("log_normal_ float32 20", s, lambda: torch.empty(4, 5).log_normal_(0.0, 0.5))
    tensor_case("geometric_ int64", s, lambda: torch.empty(3, 4, dtype=torch.int64).geometric_(0.25))
    tensor_case("geometric_ float32", s, lambda: torch.empty(3, 4).geometric_(0.6))
    tensor_case("poisson transposed", s, lambda: torch.poisson(torch.tensor(RATES_2D).t()))
    tensor_case("poisson float64", s, lambda: torch.poisson(torch.tensor(RATES_2D, dtype=torch.float64)))
    tensor_case("binomial broadcast", s, lambda: torch.binomial(torch.tensor([[5.0], [40.0], [1000.0]]),
                                                                 torch.tensor([[0.1, 0.5, 0.7, 0.99]])))
    tensor_case("binomial float64", s, lambda: torch.binomial(torch.tensor([[10.0, 200.0], [3.0, 77.0]], dtype=torch.float64),
                                                               torch.tensor([[0.3, 0.45], [0.9, 0.6]], dtype=torch.float64)))
TE = [
    err("cauchy_ int64", lambda: torch.empty(2, dtype=torch.int64).cauchy_()),
    err("cauchy_ uint8", lambda: torch.empty(2, dtype=torch.uint8).cauchy_()),
    err("log_normal_ int64", lambda: torch.empty(2, dtype=torch.int64).log_normal_()),
    err("log_normal_ std 0", lambda: torch.empty(2).log_normal_(1, 0)),
    err("geometric_ bool", lambda: torch.empty(2, dtype=torch.bool).geometric_(0.5)),
    err("geometric_ p 1", lambda: torch.empty(2).geometric_(1)),
    err("poisson int64", lambda: torch.poisson(torch.tensor([1, 2]))),
    err("poisson int32", lambda: torch.poisson(torch.tensor([1, 2], dtype=torch.int32))),
    err("poisson negative", lambda: torch.poisson(torch.tensor([1.0, -2.0]))),
    err("binomial int64", lambda: torch.binomial(torch.tensor([1, 2]), torch.tensor([1, 1]))),
    err("binomial float/double", lambda: torch.binomial(torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([0.5, 0.5]))),
    err("binomial long/float", lambda: torch.binomial(torch.tensor([1, 2]), torch.tensor([0.5, 0.5]))),
]

E = [
    err("geometric_(0)", lambda: torch.empty(3).geometric_(0)),
    err("geometric_(1)", lambda: torch.empty(3).geometric_(1)),
    err("geometric_(1.5)", lambda: torch.empty(3).geometric_(1.5)),
    err("geometric_(nan)", lambda: torch.empty(3).geometric_(float("nan"))),
    err("log_normal_(1,0)", lambda: torch.empty(3).log_normal_(1, 0)),
    err("log_normal_(1,-2)", lambda: torch.empty(3).log_normal_(1, -2)),
    err("poisson(-1)", lambda: torch.poisson(torch.tensor([1.0, -1.0]))),
    err("poisson(nan)", lambda: torch.poisson(torch.tensor([float("nan")]))),
]
cases.append({"op": "errors", "seed": "none", "args": {}, "errors": E, "dtype": "uint8", "n": 0, "b64": ""})
cases.append({"op": "tensor", "seed": "none", "args": {}, "cases": tensor_cases, "errors": TE, "dtype": "uint8", "n": 0, "b64": ""})

# ------------------------------------------- correctly rounded exp and tan
# inputs spread over the ranges the port supports (exp: normal results; tan: |x| <= pi/2),
# with mpmath's correctly rounded values and glibc's (Python's math module)
import random  # noqa: E402

random.seed(20261202)
xs_exp = [random.uniform(-700, 709) for _ in range(300)] + [random.gauss(0, 3) for _ in range(700)] + \
    [random.uniform(-1e-6, 1e-6) for _ in range(50)] + [709.5, -707.9, 1e-300, -1e-17, 0.5, -0.5]
xs_tan = [math.pi * (random.getrandbits(53) * 2 ** -53 - 0.5) for _ in range(1000)] + \
    [random.uniform(-1e-7, 1e-7) for _ in range(50)] + [math.pi / 2, -math.pi / 2, math.pi / 4, 1e-9, -2.5e-8, 0.7853981633974484]
cases.append({"op": "crtrans", "seed": "none", "args": {}, "dtype": "float64", "n": 0, "b64": "",
              "exp": [[H(x), H(cr(mpmath.exp, x)), H(math.exp(x))] for x in xs_exp],
              "tan": [[H(x), H(cr(mpmath.tan, x)), H(math.tan(x))] for x in xs_tan]})

meta = {"torch": torch.__version__, "cpu_capability": "avx2"}
with open(OUT, "w") as f:
    json.dump({**meta, "cases": cases}, f, separators=(",", ":"))
print("wrote", len(cases), "cases to", os.path.relpath(OUT))
