#!/usr/bin/python3
"""Golden fixtures for @antorcha/rng, written from the real PyTorch.

Run with Debian's python3-torch (PyTorch 1.13, x86-64, AVX2 kernels, no MKL):

    /usr/bin/python3 tools/golden/rng_fixtures.py

Writes packages/rng/test/fixtures/torch113_avx2.json and
packages/rng/test/fixtures/torch113_large.json.

Encoding (everything bit-exact):
  * arrays: "b64" = base64 of the raw little-endian bytes of the tensor in the
    order the TS function fills its output (row-major for contiguous tensors,
    storage order for non-contiguous ones); "dtype" tells how to decode them
    (float32, float64, int64, int32, int16, int8, uint8, bool);
  * large arrays may instead carry "sha256" of those bytes;
  * seeds and 64-bit integers as decimal strings;
  * scalars (bounds, gains) as float.hex() strings.

A few cases are not from torch but from the pure-Python reference of the spec
(/work/shared/rng/ref.py, version="main"): they carry "source": "ref.py" and
describe PyTorch 2.x behaviour that torch 1.13 cannot show.
"""
import base64
import hashlib
import json
import math
import os
import struct
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(ROOT, "packages", "rng", "test", "fixtures")
sys.path.insert(0, "/work/shared/rng")
try:
    import ref  # pure-Python reference of the spec (for the 2.x-only cases)
except ImportError:  # pragma: no cover
    ref = None

CAP = "default" if os.environ.get("ATEN_CPU_CAPABILITY", "").lower() == "default" else "avx2"
DT = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "int32": torch.int32,
      "int16": torch.int16, "int8": torch.int8, "uint8": torch.uint8, "bool": torch.bool}
SEEDS = [0, 7, 42, 2 ** 32 + 5, 2 ** 63 - 1, -1]


def raw(t):
    t = t.detach().contiguous()
    if t.dtype == torch.bool:
        t = t.to(torch.uint8)
    return t.numpy().tobytes()


def b64(t):
    return base64.b64encode(raw(t)).decode()


def storage_order(t):
    """Elements of a dense tensor in storage (memory) order."""
    perm = sorted(range(t.dim()), key=lambda d: -t.stride(d))
    return t.permute(*perm).contiguous().flatten()


def dtname(t):
    return {v: k for k, v in DT.items()}[t.dtype]


cases = []


def add(op, seed, args, t, **extra):
    c = {"op": op, "seed": str(seed), "args": args, "dtype": dtname(t), "n": t.numel(), "b64": b64(t)}
    c.update(extra)
    cases.append(c)


def H(x):
    return float(x).hex()


def seed(s):
    torch.manual_seed(s)


# ---------------------------------------------------------------- engine -----
for s in SEEDS + [2 ** 64 - 1, 2 ** 32, -(2 ** 63)]:
    seed(s)
    st = torch.get_rng_state()
    cases.append({"op": "manual_seed.state", "seed": str(s), "args": {}, "initial_seed": str(torch.initial_seed()),
                  "dtype": "uint8", "n": st.numel(), "b64": b64(st)})
for s in SEEDS:
    seed(s)
    # randint(0, 2^62) exposes the low 62 bits of random64 (first draw = high word)
    add("randint", s, {"low": "0", "high": str(2 ** 62), "dtype": "int64"}, torch.randint(0, 2 ** 62, (50,)))
    seed(s)
    # randint(0, 2^32) on int64 is one 64-bit draw, < 2^32 would be one 32-bit draw
    add("randint", s, {"low": "0", "high": str(2 ** 32 - 1), "dtype": "int64"}, torch.randint(0, 2 ** 32 - 1, (700,)))

# ------------------------------------------------------------- rand/randn ----
SIZES = [1, 5, 15, 16, 17, 31, 100, 1000]
for s in SEEDS:
    for n in SIZES:
        for dt in ["float32", "float64"]:
            seed(s)
            add("rand", s, {"n": n, "dtype": dt}, torch.rand(n, dtype=DT[dt]))
            seed(s)
            add("randn", s, {"n": n, "dtype": dt, "contiguous": True}, torch.randn(n, dtype=DT[dt]))

# the seed notebook: torch.manual_seed(7); torch.randn((1, 5))
seed(7)
add("randn", 7, {"n": 5, "dtype": "float32", "contiguous": True, "shape": [1, 5]}, torch.randn((1, 5)))

# non-contiguous (transposed) outputs: scalar Box-Muller path, storage order
for s in [0, 42, 2 ** 63 - 1]:
    for dt in ["float32", "float64"]:
        for rows, cols in [(6, 5), (4, 4), (20, 7)]:
            seed(s)
            x = torch.empty(rows, cols, dtype=DT[dt]).t()
            x.normal_()
            add("randn", s, {"n": rows * cols, "dtype": dt, "contiguous": False, "shape": [cols, rows]},
                storage_order(x))
            seed(s)
            x = torch.empty(rows, cols, dtype=DT[dt]).t()
            x.uniform_(-2.0, 3.0)
            add("uniform_", s, {"n": rows * cols, "from": H(-2.0), "to": H(3.0), "dtype": dt, "contiguous": False},
                storage_order(x))
        # channels_last: not is_contiguous() either
        seed(s)
        x = torch.empty(2, 3, 4, 4, dtype=DT[dt]).to(memory_format=torch.channels_last)
        x.normal_(1.5, 0.5)
        add("normal_", s, {"n": 96, "mean": H(1.5), "std": H(0.5), "dtype": dt, "contiguous": False},
            storage_order(x))

# normal_(mean, std)
for s in [0, 7, 2 ** 32 + 5]:
    for dt in ["float32", "float64"]:
        for (m, sd) in [(2.5, 3.7), (-1.25, 0.02), (0.0, 0.0)]:
            # 3001 spans several of the kernel's 1248-draw batches and ends in a partial block
            for n in [5, 16, 17, 100] + ([3001] if m == 2.5 else []):
                seed(s)
                add("normal_", s, {"n": n, "mean": H(m), "std": H(sd), "dtype": dt, "contiguous": True},
                    torch.empty(n, dtype=DT[dt]).normal_(m, sd))

# sequences carrying the cached double normal across calls
for s in SEEDS:
    for dt in ["float32", "float64"]:
        seed(s)
        parts = [torch.randn(k, dtype=DT[dt]) for k in (1, 1, 3, 40, 2)]
        add("randn_sequence", s, {"sizes": [1, 1, 3, 40, 2], "dtype": dt}, torch.cat(parts))
    seed(s)
    a = torch.randn(3, dtype=torch.float64)
    b = torch.empty(5).normal_(2.5, 3.7)          # float32, scalar path: serves the cached sine first
    c = torch.randn(40)
    d = torch.empty(3, dtype=torch.float64).normal_(-1.0, 0.5)
    add("normal_sequence_mixed", s,
        {"steps": [["randn", 3, "float64", 0.0, 1.0], ["normal_", 5, "float32", 2.5, 3.7], ["randn", 40, "float32", 0.0, 1.0],
                   ["normal_", 3, "float64", -1.0, 0.5]]},
        torch.cat([a, b.double(), c.double(), d]))
    # manual_seed clears the cache
    seed(s)
    torch.randn(1, dtype=torch.float64)
    seed(s)
    add("randn", s, {"n": 2, "dtype": "float64", "contiguous": True, "note": "after randn(1) and manual_seed"},
        torch.randn(2, dtype=torch.float64))

# torch.Generator objects behave like the global one
g = torch.Generator().manual_seed(123)
add("generator.randn", 123, {"n": 20, "dtype": "float32"}, torch.randn(20, generator=g))
g = torch.Generator()
cases.append({"op": "fresh_generator", "seed": str(g.initial_seed()), "args": {},
              "dtype": "float32", "n": 8, "b64": b64(torch.rand(8, generator=g))})

# ---------------------------------------------------------------- uniform_ --
for s in [0, 42, 2 ** 63 - 1]:
    for dt in ["float32", "float64"]:
        for (a, b) in [(-0.3, 0.7), (-0.0441941738, 0.0441941738), (2.5, 1000.0), (-5.0, -1.0), (0.9, 1.0)]:
            seed(s)
            add("uniform_", s, {"n": 1000, "from": H(a), "to": H(b), "dtype": dt, "contiguous": True},
                torch.empty(1000, dtype=DT[dt]).uniform_(a, b))

# uniform_ returning exactly `to` in 1.13: a state whose next word is 0xFFFFFFFF
# (x = 1 - 2^-24 gives fma(x, 0.1f, 0.9f) == 1.0f); built by editing a state blob
def untemper(y):
    y ^= y >> 18
    y ^= (y << 15) & 0xEFC60000
    t = y
    for _ in range(5):
        t = y ^ ((t << 7) & 0x9D2C5680)
    y = t
    t = y
    for _ in range(3):
        t = y ^ (t >> 11)
    return t & 0xFFFFFFFF


seed(5)
torch.rand(10)  # left = 614, next = 10
st = bytearray(raw(torch.get_rng_state()))
left, nxt = struct.unpack_from("<i", st, 8)[0], struct.unpack_from("<Q", st, 16)[0]
struct.pack_into("<Q", st, 24 + 8 * nxt, untemper(0xFFFFFFFF))
torch.set_rng_state(torch.tensor(list(st), dtype=torch.uint8))
v = torch.empty(1).uniform_(0.9, 1.0)
cases.append({"op": "uniform_.upper_bound", "seed": "crafted", "args": {"from": H(0.9), "to": H(1.0), "dtype": "float32"},
              "state_b64": base64.b64encode(bytes(st)).decode(), "dtype": "float32", "n": 1, "b64": b64(v)})

# ------------------------------------------------------------- integers ----
RANGES = [(0, 10), (-5, 5), (0, 2 ** 31), (3, 2 ** 32 + 3), (0, 2 ** 62), (-(2 ** 63), 2 ** 63 - 1),
          (0, 2 ** 32), (-(2 ** 40), 2 ** 40)]
for s in [0, 7, 2 ** 63 - 1, -1]:
    for lo, hi in RANGES:
        seed(s)
        add("randint", s, {"low": str(lo), "high": str(hi), "dtype": "int64"}, torch.randint(lo, hi, (30,)))
    for lo, hi, dt in [(0, 10, "int32"), (-100, 100, "int32"), (0, 10, "float32"), (-7, 2 ** 20, "float32"),
                       (0, 2 ** 40, "float64"), (0, 2 ** 40, "float32"), (0, 256, "uint8"), (-128, 128, "int8"),
                       (0, 2, "bool"), (-300, 300, "int16")]:
        seed(s)
        add("randint", s, {"low": str(lo), "high": str(hi), "dtype": dt}, torch.randint(lo, hi, (30,), dtype=DT[dt]))
    for dt in ["float32", "float64", "int64", "int32", "int16", "int8", "uint8", "bool"]:
        seed(s)
        add("random_", s, {"dtype": dt}, torch.empty(40, dtype=DT[dt]).random_())
    for frm, dt in [(-5, "int64"), (3, "uint8"), (0, "float32"), (-(2 ** 63), "int64"), (10, "int32"), (100, "float64"),
                    (-(2 ** 63), "float32")]:
        seed(s)
        add("random_from", s, {"from": str(frm), "to": None, "dtype": dt},
            torch.empty(30, dtype=DT[dt]).random_(frm, None))
    for to, dt in [(7, "int64"), (100, "int8"), (2 ** 33, "int64")]:
        seed(s)
        add("random_to", s, {"to": str(to), "dtype": dt}, torch.empty(30, dtype=DT[dt]).random_(to))

# ------------------------------------------------------------- randperm ----
for s in [0, 42, 2 ** 32 + 5]:
    for n in [0, 1, 2, 5, 17, 100, 1000, 5000]:
        seed(s)
        add("randperm", s, {"n": n, "dtype": "int64"}, torch.randperm(n))
    for dt in ["int32", "float32", "float64", "uint8"]:
        seed(s)
        add("randperm", s, {"n": 50, "dtype": dt}, torch.randperm(50, dtype=DT[dt]))

# --------------------------------------------------- bernoulli / dropout ----
for s in [0, 7, 2 ** 63 - 1]:
    for p in [0.3, 0.5, 0.0, 1.0]:
        seed(s)
        add("bernoulli_scalar", s, {"n": 100, "p": H(p), "dtype": "float32"}, torch.empty(100).bernoulli_(p))
    seed(s)
    add("bernoulli_scalar", s, {"n": 64, "p": H(0.7), "dtype": "int64"},
        torch.empty(64, dtype=torch.int64).bernoulli_(0.7))
    seed(s)
    add("bernoulli_scalar", s, {"n": 64, "p": H(0.2), "dtype": "bool"},
        torch.empty(64, dtype=torch.bool).bernoulli_(0.2))
    probs = torch.tensor([((i * 37) % 101) / 100.0 for i in range(100)])
    for pdt in ["float32", "float64"]:
        pt = probs.to(DT[pdt])
        seed(s)
        add("bernoulli_tensor", s, {"probs_b64": b64(pt), "probs_dtype": pdt, "dtype": pdt}, torch.bernoulli(pt))
        seed(s)
        add("bernoulli_tensor", s, {"probs_b64": b64(pt), "probs_dtype": pdt, "dtype": "float32"},
            torch.empty(100).bernoulli_(pt))
    for dt in ["float32", "float64"]:
        x = torch.linspace(-3, 3, 100, dtype=DT[dt])
        for p in [0.3, 0.5, 0.1]:
            seed(s)
            add("dropout", s, {"x_b64": b64(x), "p": H(p), "dtype": dt},
                torch.nn.functional.dropout(x, p, True))

# ------------------------------------------------ exponential / multinomial --
for s in [0, 42, -1]:
    for dt in ["float32", "float64"]:
        for lam in [1.0, 2.5, 0.1]:
            seed(s)
            add("exponential_", s, {"n": 100, "lambd": H(lam), "dtype": dt},
                torch.empty(100, dtype=DT[dt]).exponential_(lam))
    probs = torch.tensor([((i * 7) % 13 + 1) / 10.0 for i in range(20)])
    for pdt in ["float32", "float64"]:
        pt = probs.to(DT[pdt])
        for k, r in [(1, False), (5, False), (20, False), (1, True), (7, True), (100, True)]:
            seed(s)
            add("multinomial", s, {"probs_b64": b64(pt), "probs_dtype": pdt, "rows": 1, "k": k, "replacement": r},
                torch.multinomial(pt, k, r))
        p2 = torch.stack([pt, pt.flip(0), torch.arange(1, 21, dtype=DT[pdt])])
        for k, r in [(1, False), (4, False), (6, True)]:
            seed(s)
            add("multinomial", s, {"probs_b64": b64(p2), "probs_dtype": pdt, "rows": 3, "k": k, "replacement": r},
                torch.multinomial(p2, k, r))
    pz = torch.tensor([0.0, 0.3, 0.0, 0.5, 0.2])
    seed(s)
    add("multinomial", s, {"probs_b64": b64(pz), "probs_dtype": "float32", "rows": 1, "k": 3, "replacement": False},
        torch.multinomial(pz, 3, False))

# ------------------------------------------------------------------ nn ------
for s in [0, 7, 42, 2 ** 32 + 5]:
    for (i, o) in [(4, 3), (1, 1), (2, 5), (100, 50), (784, 10)]:
        for dt in ["float32", "float64"]:
            if i * o > 100 and (s != 0 or dt == "float64"):
                continue  # big layers: one seed, float32 only (fixture size)
            seed(s)
            m = torch.nn.Linear(i, o, dtype=DT[dt])
            add("nn.Linear", s, {"in": i, "out": o, "dtype": dt}, torch.cat([m.weight.flatten(), m.bias]))
    seed(s)
    m = torch.nn.Linear(6, 4, bias=False)
    add("nn.Linear", s, {"in": 6, "out": 4, "dtype": "float32", "bias": False}, m.weight.flatten())
    seed(s)
    m = torch.nn.Conv2d(2, 3, 3)
    add("nn.Conv2d", s, {"in": 2, "out": 3, "k": [3, 3], "groups": 1, "bias": True, "fan_in": 18},
        torch.cat([m.weight.flatten(), m.bias]))
    seed(s)
    m = torch.nn.Conv2d(4, 6, (3, 2), groups=2, bias=False)
    add("nn.Conv2d", s, {"in": 4, "out": 6, "k": [3, 2], "groups": 2, "bias": False, "fan_in": 12}, m.weight.flatten())
    seed(s)
    m = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 4))
    add("nn.Sequential", s, {"layers": [[8, 16], [16, 4]]},
        torch.cat([m[0].weight.flatten(), m[0].bias, m[2].weight.flatten(), m[2].bias]))
    for dt in ["float32", "float64"]:
        if s not in (0, 42):
            continue
        w = torch.empty(50, 30, dtype=DT[dt])
        seed(s)
        torch.nn.init.kaiming_uniform_(w)
        add("init.kaiming_uniform_", s, {"shape": [50, 30], "dtype": dt}, w)
        seed(s)
        torch.nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")
        add("init.kaiming_normal_", s, {"shape": [50, 30], "dtype": dt, "mode": "fan_out", "nonlinearity": "relu"}, w)
        seed(s)
        torch.nn.init.xavier_uniform_(w, gain=torch.nn.init.calculate_gain("tanh"))
        add("init.xavier_uniform_", s, {"shape": [50, 30], "dtype": dt, "gain": "tanh"}, w)
        seed(s)
        torch.nn.init.xavier_normal_(w)
        add("init.xavier_normal_", s, {"shape": [50, 30], "dtype": dt}, w)
        seed(s)
        torch.nn.init.normal_(w, 0.0, 0.02)
        add("init.normal_", s, {"shape": [50, 30], "dtype": dt, "mean": H(0.0), "std": H(0.02)}, w)
        seed(s)
        torch.nn.init.uniform_(w, -0.1, 0.1)
        add("init.uniform_", s, {"shape": [50, 30], "dtype": dt, "a": H(-0.1), "b": H(0.1)}, w)

gains = {nl: H(torch.nn.init.calculate_gain(nl)) for nl in
         ["linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]}
gains["leaky_relu(0.2)"] = H(torch.nn.init.calculate_gain("leaky_relu", 0.2))
gains["leaky_relu(sqrt5)"] = H(torch.nn.init.calculate_gain("leaky_relu", math.sqrt(5)))
bounds = {}
for fan in [1, 2, 3, 4, 18, 100, 784, 4096]:
    gain = torch.nn.init.calculate_gain("leaky_relu", math.sqrt(5))
    bounds[str(fan)] = {"linear_weight": H(math.sqrt(3.0) * (gain / math.sqrt(fan))), "linear_bias": H(1 / math.sqrt(fan))}
cases.append({"op": "init.numerics", "seed": "none", "args": {}, "gains": gains, "bounds": bounds,
              "dtype": "uint8", "n": 0, "b64": ""})

# -------------------------------------------------------------- states -----
for s in [0, 42, 2 ** 63 - 1]:
    seed(s)
    torch.randn(3, dtype=torch.float64)     # leaves a cached normal
    st = torch.get_rng_state()
    add("state.after_randn3_f64", s, {}, st)
    seed(s)
    torch.rand(700)                          # crosses a twist
    add("state.after_rand700", s, {}, torch.get_rng_state())
    # loading a torch state and continuing the stream
    seed(s)
    torch.randn(5, dtype=torch.float64)     # odd count: a cached sine remains
    st = torch.get_rng_state()
    cont = torch.cat([torch.randn(3, dtype=torch.float64), torch.rand(20, dtype=torch.float64),
                      torch.randn(33, dtype=torch.float64)])
    cases.append({"op": "state.continue", "seed": str(s), "args": {"steps": [["randn", 3], ["rand", 20], ["randn", 33]]},
                  "state_b64": b64(st), "dtype": "float64", "n": cont.numel(), "b64": b64(cont)})

# set/get round trip of crafted states: a cached float normal (never produced by
# CPU kernels) and a legacy 5048-byte state with (x, rho) normal fields
seed(9)
st = bytearray(raw(torch.get_rng_state()))
struct.pack_into("<f", st, 5048, -1.375)
st[5052] = 1
torch.set_rng_state(torch.tensor(list(st), dtype=torch.uint8))
cases.append({"op": "state.roundtrip", "seed": "9", "args": {"input_b64": base64.b64encode(bytes(st)).decode()},
              "dtype": "uint8", "n": 5056, "b64": b64(torch.get_rng_state())})
seed(11)
st = bytearray(raw(torch.get_rng_state())[:5048])
struct.pack_into("<ddd", st, 5016, 0.3125, 0.0, 1.7)  # normal_x, normal_y, normal_rho
struct.pack_into("<i", st, 5040, 1)
torch.set_rng_state(torch.tensor(list(st), dtype=torch.uint8))
cases.append({"op": "state.legacy", "seed": "11", "args": {"input_b64": base64.b64encode(bytes(st)).decode()},
              "dtype": "uint8", "n": 5056, "b64": b64(torch.get_rng_state())})
torch.set_rng_state(torch.tensor(list(st), dtype=torch.uint8))
cases.append({"op": "state.legacy.randn", "seed": "11", "args": {"input_b64": base64.b64encode(bytes(st)).decode()},
              "dtype": "float64", "n": 3, "b64": b64(torch.randn(3, dtype=torch.float64))})

# -------------------------------------------------------------- errors -----
def err(name, f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return {"name": name, "type": type(e).__name__, "message": str(e)}
    return {"name": name, "type": None, "message": None}


E = [
    err("randint(5,5)", lambda: torch.randint(5, 5, (3,))),
    err("random_(7,2)", lambda: torch.empty(3).random_(7, 2)),
    err("random_(0,1000) int8", lambda: torch.empty(3, dtype=torch.int8).random_(0, 1000)),
    err("random_(-1000,10) int8", lambda: torch.empty(3, dtype=torch.int8).random_(-1000, 10)),
    err("random_(0) float32", lambda: torch.empty(3).random_(0)),
    err("random_(-1,None) uint8", lambda: torch.empty(3, dtype=torch.uint8).random_(-1, None)),
    err("uniform_(2,1)", lambda: torch.empty(3).uniform_(2, 1)),
    err("uniform_(-3e38,3e38)", lambda: torch.empty(3).uniform_(-3e38, 3e38)),
    err("uniform_(-1e308,1e308) float64", lambda: torch.empty(3, dtype=torch.float64).uniform_(-1e308, 1e308)),
    err("uniform_(nan,1)", lambda: torch.empty(3).uniform_(float("nan"), 1)),
    err("uniform_(0,inf)", lambda: torch.empty(3).uniform_(0, float("inf"))),
    err("uniform_(0,1e39)", lambda: torch.empty(3).uniform_(0, 1e39)),
    err("normal_(0,-1)", lambda: torch.empty(3).normal_(0, -1)),
    err("normal_(0,-0.5)", lambda: torch.empty(3).normal_(0, -0.5)),
    err("normal_(0,nan)", lambda: torch.empty(3).normal_(0, float("nan"))),
    err("exponential_(-1)", lambda: torch.empty(3).exponential_(-1)),
    err("bernoulli_(1.5)", lambda: torch.empty(3).bernoulli_(1.5)),
    err("bernoulli_(-0.5)", lambda: torch.empty(3).bernoulli_(-0.5)),
    err("bernoulli_(nan)", lambda: torch.empty(3).bernoulli_(float("nan"))),
    err("bernoulli([0.5,1.5])", lambda: torch.bernoulli(torch.tensor([0.5, 1.5]))),
    err("multinomial neg", lambda: torch.multinomial(torch.tensor([0.5, -0.5]), 1)),
    err("multinomial neg repl", lambda: torch.multinomial(torch.tensor([0.5, -0.5]), 2, True)),
    err("multinomial nan", lambda: torch.multinomial(torch.tensor([0.5, float("nan")]), 1)),
    err("multinomial inf repl", lambda: torch.multinomial(torch.tensor([0.5, float("inf")]), 2, True)),
    err("multinomial zero", lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1)),
    err("multinomial zero repl", lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 2, True)),
    err("multinomial k>n", lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3)),
    err("multinomial k0", lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 0)),
    err("multinomial 3d", lambda: torch.multinomial(torch.ones(2, 2, 2), 1)),
    err("multinomial int", lambda: torch.multinomial(torch.tensor([1, 2]), 1)),
    err("randperm(300) int8", lambda: torch.randperm(300, dtype=torch.int8)),
    err("randperm(2^24+2) float32", lambda: torch.randperm(2 ** 24 + 2, dtype=torch.float32)),
    err("dropout p=1.5", lambda: torch.nn.functional.dropout(torch.ones(3), 1.5)),
    err("set_rng_state size 10", lambda: torch.set_rng_state(torch.zeros(10, dtype=torch.uint8))),
    err("set_rng_state zeros", lambda: torch.set_rng_state(torch.zeros(5056, dtype=torch.uint8))),
]
seed(0)
st = torch.get_rng_state()
st[8:12] = torch.tensor([0, 0, 0, 0], dtype=torch.uint8)
E.append(err("set_rng_state left=0", lambda: torch.set_rng_state(st)))
cases.append({"op": "errors", "seed": "none", "args": {}, "errors": E, "dtype": "uint8", "n": 0, "b64": ""})

# ------------------------------------------- PyTorch 2.x cases from ref.py --
if ref is not None:
    def rg(s):
        return ref.Generator(s)
    spec = []
    for s in [0, 7, 42]:
        for dt in ["float32", "float64"]:
            spec.append({"op": "randn", "seed": str(s), "args": {"n": 15, "dtype": dt, "contiguous": True},
                         "dtype": dt, "values": [H(v) for v in ref.randn(rg(s), 15, dt, version="main")]})
            spec.append({"op": "exponential_", "seed": str(s), "args": {"n": 50, "lambd": H(1.5), "dtype": dt},
                         "dtype": dt, "values": [H(v) for v in ref.exponential_(rg(s), 50, 1.5, dt, version="main")]})
        probs = [((i * 7) % 13 + 1) / 10.0 for i in range(20)]
        p32 = [ref.f32(p) for p in probs]
        spec.append({"op": "multinomial", "seed": str(s),
                     "args": {"probs": [H(p) for p in p32], "probs_dtype": "float32", "k": 1, "replacement": True},
                     "dtype": "int64", "values": ref.multinomial(rg(s), p32, 1, True, "float32", version="main")})
        # inside-out shuffle with random64 (2.x, n >= 214748364), shown on a small n
        g = rg(s)
        r = [0] * 10
        for i in range(10):
            z = g.random64() % (i + 1)
            r[i] = r[z]
            r[z] = i
        spec.append({"op": "randperm.inside_out", "seed": str(s), "args": {"n": 10}, "dtype": "int64", "values": r})
    for c in spec:
        c["source"] = "ref.py"
else:
    spec = []

meta = {"torch": torch.__version__, "cpu_capability": CAP, "mkl": torch.backends.mkl.is_available(),
        "generator": "tools/golden/rng_fixtures.py"}
os.makedirs(OUT_DIR, exist_ok=True)
with open(os.path.join(OUT_DIR, f"torch113_{CAP}.json"), "w") as f:
    json.dump({**meta, "cases": cases, "spec_2x": spec}, f, separators=(",", ":"))

# ---------------------------------------------------- large samples -------
large = []
for s in [0, 7, 42, 2 ** 32 + 5, 2 ** 63 - 1, -1]:
    for dt in ["float32", "float64"]:
        seed(s)
        t = torch.rand(100000, dtype=DT[dt])
        large.append({"op": "rand", "seed": str(s), "args": {"n": 100000, "dtype": dt}, "dtype": dt, "n": 100000,
                      "sha256": hashlib.sha256(raw(t)).hexdigest()})
        seed(s)
        t = torch.randn(100000, dtype=DT[dt])
        c = {"op": "randn", "seed": str(s), "args": {"n": 100000, "dtype": dt, "contiguous": True}, "dtype": dt,
             "n": 100000}
        if dt == "float32":
            c["sha256"] = hashlib.sha256(raw(t)).hexdigest()  # bit-exact everywhere: a hash suffices
        elif s == 0:
            c["b64"] = b64(t)  # float64 (libm): full values, compared via rng_crmath.py's analysis
        else:
            continue
        large.append(c)
# float64 scalar path (non-contiguous) in bulk, full values
for s in [0, 42]:
    seed(s)
    x = torch.empty(200, 100, dtype=torch.float64).t()
    x.normal_()
    large.append({"op": "randn", "seed": str(s), "args": {"n": 20000, "dtype": "float64", "contiguous": False},
                  "dtype": "float64", "n": 20000, "b64": b64(storage_order(x))})
seed(3)
t = torch.randperm(300000)
large.append({"op": "randperm", "seed": "3", "args": {"n": 300000, "dtype": "int64"}, "dtype": "int64", "n": 300000,
              "sha256": hashlib.sha256(raw(t)).hexdigest()})
seed(4)
t = torch.empty(1000, 1000).uniform_(-0.0441941738, 0.0441941738)
large.append({"op": "uniform_", "seed": "4", "args": {"n": 1000000, "from": H(-0.0441941738), "to": H(0.0441941738),
                                                     "dtype": "float32"}, "dtype": "float32", "n": 1000000,
              "sha256": hashlib.sha256(raw(t)).hexdigest()})
with open(os.path.join(OUT_DIR, f"torch113_{CAP}_large.json"), "w") as f:
    json.dump({**meta, "cases": large}, f, separators=(",", ":"))

print("wrote", len(cases), "cases,", len(spec), "ref.py cases,", len(large), "large cases to", OUT_DIR)
