#!/usr/bin/python3
"""Correctly rounded reference values for @antorcha/rng's float64 log/sin/cos,
and an account of where PyTorch's float64 normals (glibc libm) differ from
correctly rounded arithmetic.

Run with Debian's python3-torch and python3-mpmath:

    /usr/bin/python3 tools/golden/rng_crmath.py

Writes packages/rng/test/fixtures/crmath.json:
  * "functions": inputs x with the correctly rounded log/sin/cos (mpmath at 200
    bits, rounded to nearest) and glibc's result (Python's math module);
  * "randn_cr": for every float64 normal case of torch113_avx2*.json (run
    rng_fixtures.py first), the positions where torch's value differs from the
    same computation with correctly rounded log/sin/cos (ref.py of the spec with
    mpmath functions), and the correctly rounded value there.
All doubles are stored as base64 of little-endian float64 bytes.
"""
import base64
import json
import math
import os
import random
import struct
import sys

import mpmath
import torch

sys.path.insert(0, "/work/shared/rng")
import ref  # noqa: E402  (MT19937 stream and the uniform formulas)

mpmath.mp.prec = 200
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "packages", "rng", "test", "fixtures", "crmath.json")


def enc(xs):
    return base64.b64encode(struct.pack(f"<{len(xs)}d", *xs)).decode()


def cr(fn, x):
    return float(fn(mpmath.mpf(x)))  # mpf -> float rounds to nearest even


def crlog(x):
    return cr(mpmath.log, x)


def crsin(x):
    return cr(mpmath.sin, x)


def crcos(x):
    return cr(mpmath.cos, x)


random.seed(20240601)


def u53():
    return (random.getrandbits(64) & ((1 << 53) - 1)) / float(1 << 53)


log_x = [1.0 - u53() for _ in range(4000)]
log_x += [1.0 + random.uniform(-2 ** -7, 2 ** -7) for _ in range(500)]
log_x += [1.0 - 2.0 ** -k for k in range(1, 54)] + [1.0 + 2.0 ** -k for k in range(1, 53)]
log_x += [struct.unpack("<d", struct.pack("<Q", random.getrandbits(63)))[0] for _ in range(500)]
log_x += [5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.5, 2.0, math.e, 10.0, 1.375, 0.6875]
log_x = [x for x in log_x if x > 0 and math.isfinite(x)]
trig_x = [2.0 * math.pi * u53() for _ in range(4000)]
trig_x += [random.uniform(-50, 50) for _ in range(500)]
trig_x += [random.uniform(-1e5, 1e5) for _ in range(100)] + [random.uniform(-1e300, 1e300) for _ in range(20)]
trig_x += [k * math.pi / 4 for k in range(-16, 17)] + [math.nextafter(k * math.pi / 2, 9) for k in range(1, 9)]
trig_x += [1e-9, -3e-9, 7.450580596923828e-9, 1.5e-8, 1e-300, 0.0, 1e22, 6381956970095103.0 * 2 ** 797]

functions = {
    "log": {"x": enc(log_x), "cr": enc([crlog(x) for x in log_x]), "glibc": enc([math.log(x) for x in log_x])},
    "sin": {"x": enc(trig_x), "cr": enc([crsin(x) for x in trig_x]), "glibc": enc([math.sin(x) for x in trig_x])},
    "cos": {"x": enc(trig_x), "cr": enc([crcos(x) for x in trig_x]), "glibc": enc([math.cos(x) for x in trig_x])},
}

# ref.py computes with Python's math module (glibc); a shim with correctly
# rounded log/sin/cos turns it into the "correctly rounded libm" reference.
class _CRMath:
    def __getattr__(self, name):
        return getattr(math, name)

    log = staticmethod(crlog)
    sin = staticmethod(crsin)
    cos = staticmethod(crcos)


ref.math = _CRMath()
FIX = os.path.join(HERE, "..", "..", "packages", "rng", "test", "fixtures")


def hexf(s):
    return float.fromhex(s)


def decode_f64(b64):
    raw = base64.b64decode(b64)
    return list(struct.unpack(f"<{len(raw) // 8}d", raw))


def cr_expected(c):
    """Values of a float64 normal case recomputed with correctly rounded log/sin/cos."""
    a = c["args"]
    if c["op"] in ("randn", "normal_") and a.get("dtype") == "float64":
        g = ref.Generator(int(c["seed"]))
        m = hexf(a["mean"]) if "mean" in a else 0.0
        sd = hexf(a["std"]) if "std" in a else 1.0
        return ref.normal_(g, a["n"], m, sd, "float64", contiguous=a.get("contiguous", True))
    if c["op"] == "randn_sequence" and a["dtype"] == "float64":
        g = ref.Generator(int(c["seed"]))
        return sum((ref.randn(g, k, "float64") for k in a["sizes"]), [])
    if c["op"] == "normal_sequence_mixed":
        g = ref.Generator(int(c["seed"]))
        return sum((ref.normal_(g, k, m, sd, dt) for _, k, dt, m, sd in a["steps"]), [])
    if c["op"] == "state.continue":
        g = ref.Generator(0)
        g.set_state(base64.b64decode(c["state_b64"]))
        return ref.randn(g, 3, "float64") + ref.rand(g, 20, "float64") + ref.randn(g, 33, "float64")
    return None


randn_cr = []
for fname in ["torch113_avx2.json", "torch113_avx2_large.json"]:
    fx = json.load(open(os.path.join(FIX, fname)))
    for i, c in enumerate(fx["cases"]):
        if "b64" not in c or not c["b64"]:
            continue
        want = cr_expected(c)
        if want is None:
            continue
        t = decode_f64(c["b64"])
        assert len(t) == len(want), (c["op"], len(t), len(want))
        idx = [k for k in range(len(t)) if t[k] != want[k]]
        randn_cr.append({"file": fname, "case": i, "op": c["op"], "seed": c["seed"], "n": len(t),
                         "diff_indices": idx, "cr_values": enc([want[k] for k in idx])})
tot = sum(r["n"] for r in randn_cr)
nd = sum(len(r["diff_indices"]) for r in randn_cr)
print(f"float64 normals: torch differs from correctly rounded Box-Muller at {nd} of {tot} values "
      f"({100.0 * (tot - nd) / tot:.3f} % agree) over {len(randn_cr)} cases")

with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "mpmath_prec": mpmath.mp.prec, "generator": "tools/golden/rng_crmath.py",
               "functions": functions, "randn_cr": randn_cr}, f, separators=(",", ":"))
print("wrote", OUT)
