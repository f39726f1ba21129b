#!/usr/bin/python3
"""Golden fixtures for the tensor printing module of @antorcha/core.

Run with Debian's python3-torch:

    /usr/bin/python3 tools/golden/printing.py

Writes packages/core/test/fixtures/printing.json with three keys:

* ``cases``: tensors built with real PyTorch and their ``repr(t)``. Each case
  is ``{name, shape, dtype, values | recipe, device, requiresGrad,
  gradFnName, isParameter, options, expected}``. Float values are written
  with Python's repr (exact for float32 and float64); non-finite values are
  the strings "nan", "inf", "-inf" and negative zero is "-0". Large tensors
  carry a ``recipe`` instead of ``values`` (see ``recipe_values``).
* ``pyFloat``: ``[value, repr(value)]`` pairs for ``formatPythonFloat``,
  including ``f"{t}"`` of 0-dim float tensors.
* ``pyFormat``: ``[value, precision, '{:.Nf}', '{:.Ne}']`` rows that check the
  exact fixed/exponent formatters directly (rounding ties, carries, ...).

Print options are reset to the default profile after every case.

The installed torch is 1.13; its ``torch/_tensor_str.py`` matches PyTorch
2.x on every branch exercised here (dense strided tensors: _Formatter,
_vector_str, summarization, _add_suffixes, empty/size/dtype suffixes,
grad_fn/requires_grad, Parameter header), so the expected text is valid for
2.x. Torch cannot place tensors on a 'webgpu' device, so device cases shadow
``torch.Tensor.device`` with a stand-in object while ``repr`` runs: the text
still comes from torch's printing code, only the device's name is faked.
"""

import json
import math
import os
import random
from contextlib import contextmanager

import torch

from _common import enc_value

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "packages", "core", "test", "fixtures", "printing.json")

DTYPES = {
    torch.float32: "float32",
    torch.float64: "float64",
    torch.int32: "int32",
    torch.int64: "int64",
    torch.uint8: "uint8",
    torch.bool: "bool",
}
BY_NAME = {v: k for k, v in DTYPES.items()}
# tensors with more elements than this are stored as a recipe, not as values
MAX_STORED = 1500

torch.manual_seed(20240611)
rng = random.Random(1234)

cases = []
py_float = []
py_format = []


# ---------------------------------------------------------------- encoding
enc = enc_value  # JSON-safe encoding of one element (shared with the other golden scripts)


def enc_options(opts):
    out = dict(opts)
    if out.get("threshold") == math.inf:
        out["threshold"] = "inf"
    return out


def torch_options(opts):
    m = {"precision": "precision", "threshold": "threshold", "edgeitems": "edgeitems",
         "linewidth": "linewidth", "sciMode": "sci_mode", "profile": "profile"}
    return {m[k]: v for k, v in opts.items()}


class FakeDevice:
    """Stand-in for torch.device: only .type, .index and str() are used by _str_intern."""

    def __init__(self, name):
        self.name = name
        self.type, _, idx = name.partition(":")
        self.index = int(idx) if idx else None

    def __str__(self):
        return self.name


@contextmanager
def fake_device(name):
    if name is None or name == "cpu":
        yield
        return
    dev = FakeDevice(name)
    torch.Tensor.device = property(lambda self: dev)
    try:
        yield
    finally:
        del torch.Tensor.device


# ---------------------------------------------------------------- recipes
def recipe_values(r, numel):
    """values[i] = ((i*mul + add) % mod - sub) * scale, computed in double,
    then cast to the dtype; ``set`` lists [index, encoded value] overrides.
    The TS test evaluates the same formula (Math.fround for float32)."""
    vals = [float((i * r["mul"] + r["add"]) % r["mod"] - r["sub"]) * r["scale"] for i in range(numel)]
    for idx, v in r.get("set", []):
        vals[idx] = dec(v)
    return vals


def dec(v):
    """Inverse of enc for float elements."""
    if v == "-0":
        return -0.0
    return float(v)


def from_recipe(shape, dtype, mul=7, add=3, mod=101, sub=50, scale=0.25, set_=()):
    r = {"mul": mul, "add": add, "mod": mod, "sub": sub, "scale": scale, "set": [list(s) for s in set_]}
    numel = math.prod(shape)
    vals = recipe_values(r, numel)
    t = torch.tensor(vals, dtype=torch.float64).reshape(shape).to(BY_NAME[dtype])
    return t, r


# ---------------------------------------------------------------- cases
def add(name, t, options=None, device=None, recipe=None):
    opts = options or {}
    torch.set_printoptions(**torch_options(opts))
    try:
        with fake_device(device):
            expected = repr(t)
    finally:
        # profile='default' also resets sci_mode to None
        torch.set_printoptions(profile="default")
    data = t.detach()
    case = {
        "name": name,
        "shape": list(data.shape),
        "dtype": DTYPES[data.dtype],
        "device": device or "cpu",
        "requiresGrad": bool(t.requires_grad),
        "gradFnName": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
        "isParameter": isinstance(t, torch.nn.Parameter),
        "options": enc_options(opts),
        "expected": expected,
    }
    if recipe is not None:
        # the recipe must reproduce the tensor exactly, since the test rebuilds values from it
        rebuilt = torch.tensor(recipe_values(recipe, data.numel()), dtype=torch.float64).to(data.dtype)
        assert [enc(v) for v in rebuilt.tolist()] == [enc(v) for v in data.reshape(-1).tolist()], name
        case["recipe"] = recipe
    else:
        assert data.numel() <= MAX_STORED, name
        case["values"] = [enc(v) for v in data.reshape(-1).tolist()]
    cases.append(case)


def T(values, dtype="float32", **kw):
    return torch.tensor(values, dtype=BY_NAME[dtype], **kw)


def add_recipe(name, shape, dtype, options=None, **kw):
    t, r = from_recipe(shape, dtype, **kw)
    add(name, t, options, recipe=r)


nan, inf = math.nan, math.inf

# --- 0-dim tensors
for v in [0.2405461221933365, 0.0, -0.0, nan, inf, -inf, 1e-5, 1.5e10, 123456789.0, 3.0,
          -2.5, 1e8, 1.0e9, 0.0001, 0.00009, 12345.678, -0.5, 1e-30, 3.4028234663852886e38]:
    add(f"scalar float32 {v!r}", T(v))
for v in [0.1, -7.0, 1e300, 5e-324, 2.0 ** 60, 0.123456789]:
    add(f"scalar float64 {v!r}", T(v, "float64"))
for dt, v in [("int64", 0), ("int64", -123456789012), ("int32", 42), ("int32", -2147483648),
              ("uint8", 255), ("uint8", 0), ("bool", True), ("bool", False)]:
    add(f"scalar {dt} {v}", T(v, dt))
add("scalar requires_grad", T(1.5, requires_grad=True))
add("scalar grad_fn sum", (torch.randn(4, requires_grad=True) * 3).sum())
add("scalar float64 requires_grad", T(2.0, "float64", requires_grad=True))
add("scalar threshold 0", T(0.75), {"threshold": 0})

# --- 1-D random normals at many scales (fixed / scientific decisions)
for k in range(-10, 13):
    add(f"randn 1e{k} float32", torch.randn(6) * (10.0 ** k))
for k in [-10, -7, -5, -4, -3, -1, 0, 2, 4, 6, 8, 9, 12]:
    add(f"randn 1e{k} float64", torch.randn(5, dtype=torch.float64) * (10.0 ** k))
# ratio max/min just below and above 1000, max around 1e8, min around 1e-4
add("ratio 999", T([1.0, 999.0, 0.5]))
add("ratio 1001", T([1.0, 1001.5, 0.5]))
add("ratio exact 1000", T([0.5, 500.0]))
add("max just under 1e8 fractional", T([99999999.5, 99999990.25], "float64"))
add("max over 1e8 fractional", T([100000000.5, 100000010.25], "float64"))
add("min exactly 1e-4", T([1e-4, 0.05], "float64"))
add("min below 1e-4", T([0.99e-4, 0.05], "float64"))
add("min 1e-4 float32", T([1e-4, 0.05]))

# --- integer-valued floats (int_mode)
add("int mode small", T([1.0, 2.0, -3.0, 10.0]))
add("int mode with zero", T([0.0, 5.0, -0.0]))
add("int mode 1e8", T([1e8, 2.0, 3.0], "float64"))
add("int mode above 1e8", T([100000001.0, 200000000.0], "float64"))
add("int mode ratio 1000", T([1.0, 1000.0]))
add("int mode ratio 1001", T([1.0, 1001.0]))
add("int mode large ints float32", T([16777216.0, 33554432.0]))
add("int mode negative", T([-1.0, -22.0, -333.0]))
add("int mode 2-D", torch.arange(12, dtype=torch.float32).reshape(3, 4) - 5)
add("int mode 3-D", torch.arange(24, dtype=torch.float64).reshape(2, 3, 4) * 7)
add("int mode with nan", T([1.0, nan, 3.0]))
add("int mode with inf", T([1.0, inf, -inf, 2.0]))
add("int mode sci with nan", T([1.0, 1e6, nan, -inf]))
add("int mode 1e15 float64", T([1e15, -3e15], "float64"))
add("int mode 2^60", T([2.0 ** 60, 1.0], "float64"))

# --- non-finite mixtures
add("fixed with nan inf", T([0.5, nan, inf, -inf, -1.25]))
add("sci with nan inf", T([1e-6, nan, inf, -inf, 3.5]))
add("all nan", T([nan, nan]))
add("all inf", T([inf, -inf, inf]))
add("nan inf zero", T([0.0, nan, inf, -0.0]))
add("all zeros", torch.zeros(5))
add("all zeros float64 2-D", torch.zeros(2, 3, dtype=torch.float64))
add("negative zeros", T([-0.0, -0.0]))
add("neg zero fixed", T([-0.0, 0.5, -0.25]))
add("neg zero sci", T([-0.0, 1e-5, 2.0]))
add("nan 2-D", T([[nan, 1.5], [2.25, inf]]))
add("nan in float64 sci", T([1e20, nan, 1.0], "float64"))

# --- huge / tiny / subnormal
add("float32 max", T([3.4028234663852886e38, -1.0]))
add("float32 tiny", T([1.1754943508222875e-38, 1.0]))
add("float32 subnormal", T([1.401298464324817e-45, 2.0]))
add("float64 huge", T([1e300, -1e-300], "float64"))
add("float64 subnormal", T([5e-324, 1.0], "float64"))
add("float64 1e308", T([1.7976931348623157e308, 1e308], "float64"))
add("huge ints float32", T([1e30, 2e30]))
add("tiny values only", T([1e-10, 2e-10, 3e-10]))

# --- rounding: ties must round half-to-even on the exact value
add("ties precision 4", T([0.03125, 0.09375, 0.15625, 0.21875]))
add("ties precision 2", T([0.125, 0.375, 0.625, 0.875]), {"precision": 2})
add("ties precision 0", T([0.5, 1.5, 2.5, 3.5, -0.5]), {"precision": 0})
add("ties precision 1", T([0.25, 0.75, 1.25, -1.75]), {"precision": 1})
add("carry 9.99995", T([9.99995, 1.0], "float64"))
add("carry 99.99996", T([99.99996, 0.5]))
add("sci carry 9.99995e-5", T([9.99995e-05, 1.0], "float64"))
add("sci carry float32", T([9.99999e-06, 0.5]))
add("sci 2^-16", T([2.0 ** -16, 1.0]))
add("sci tie int mode", T([123445000000.0, 1.0], "float64"))
add("sci tie int mode odd", T([123455000000.0, -1.0], "float64"))
add("sci ties precision 0", T([0.25, 0.75, 1e-5, -0.375]), {"precision": 0})
add("sci ties precision 1", T([125.0, 0.3125, 1e6]), {"precision": 1})
add("non-tie near half", T([0.1, 0.2, 0.3, 0.7]), {"precision": 0})

# --- integer dtypes and bool
add("int64 1-D", T([1, -2, 300, 4000], "int64"))
add("int64 big", T([9007199254740991, -9007199254740991, 0], "int64"))
add("int32 1-D", T([1, 2, 3], "int32"))
add("int32 negative 2-D", T([[-1, 20], [300, -4000]], "int32"))
add("uint8 1-D", T([0, 7, 255], "uint8"))
add("uint8 2-D", torch.arange(12, dtype=torch.uint8).reshape(3, 4) * 20)
add("bool 1-D", T([True, False, True], "bool"))
add("bool all true", T([True, True], "bool"))
add("bool 2-D", T([[True, False], [False, False]], "bool"))
add("bool 3-D", torch.arange(8).reshape(2, 2, 2) % 3 == 0)
add("int64 arange 30", torch.arange(30))
add("int64 arange 100 wraps", torch.arange(100) * 1001)
add("int32 wraps", torch.arange(60, dtype=torch.int32) - 30)
add("uint8 wraps", torch.arange(80, dtype=torch.uint8))
add("bool wraps", torch.arange(50) % 2 == 0)
add("int64 4-D", torch.arange(36).reshape(2, 3, 2, 3) - 18)
add("int64 single", T([5], "int64"))
add("int64 randint", torch.randint(-1000, 1000, (4, 5)))

# --- shapes 1-D to 4-D, float
for shape in [(1,), (3,), (1, 1), (2, 3), (3, 1), (1, 4), (2, 2, 2), (2, 3, 4), (1, 2, 1, 2),
              (2, 2, 2, 2), (3, 1, 2, 2), (2, 3, 2, 3)]:
    add(f"randn shape {shape}", torch.randn(shape))
for shape in [(2, 3), (2, 2, 3), (2, 1, 2, 2)]:
    add(f"randn float64 shape {shape}", torch.randn(shape, dtype=torch.float64))
add("3-D sci", torch.randn(2, 2, 3) * 1e-6)
add("4-D int mode", torch.arange(16.0).reshape(2, 2, 2, 2))
add("4-D nan", torch.tensor([nan, 1.5, -2.0, inf] * 4).reshape(2, 2, 2, 2))

# --- empty tensors
for dt in ["float32", "float64", "int32", "int64", "uint8", "bool"]:
    add(f"empty (0,) {dt}", torch.zeros(0, dtype=BY_NAME[dt]))
    add(f"empty (0, 3) {dt}", torch.zeros(0, 3, dtype=BY_NAME[dt]))
add("empty (2, 0, 4)", torch.zeros(2, 0, 4))
add("empty (2, 0, 4) int64", torch.zeros(2, 0, 4, dtype=torch.int64))
add("empty (3, 0)", torch.zeros(3, 0))
add("empty (1, 0, 1, 0)", torch.zeros(1, 0, 1, 0, dtype=torch.float64))
add("empty requires_grad", torch.zeros(0, requires_grad=True))
add("empty (0, 3) float64 requires_grad", torch.zeros(0, 3, dtype=torch.float64, requires_grad=True))
add("empty grad_fn", torch.zeros(0, 2, requires_grad=True) * 2)
add("empty parameter", torch.nn.Parameter(torch.zeros(0)))

# --- wide rows that wrap at linewidth
add("wrap 1-D 30 floats", torch.randn(30))
add("wrap 1-D 100 floats", torch.randn(100) * 100)
add("wrap 2-D 3x30", torch.randn(3, 30))
add("wrap 3-D 2x2x20", torch.randn(2, 2, 20))
add("wrap sci 1-D", torch.randn(25) * 1e-7)
add("wrap int mode", torch.arange(40.0) * 13)
add("wrap float64 dtype suffix", torch.randn(20, dtype=torch.float64))
for n in [8, 9, 10, 11, 12, 13]:
    add(f"wrap boundary fixed n={n}", torch.linspace(-1, 1, n))

# --- suffix wrapping: grow the last line until each suffix moves to a new line
for n in range(1, 12):
    add(f"suffix float64 requires_grad n={n}", torch.linspace(-1, 1, n, dtype=torch.float64).requires_grad_())
for n in range(5, 11):
    add(f"suffix grad_fn n={n}", torch.linspace(0.5, 2, n, requires_grad=True).sigmoid())
for n in [6, 7, 8, 9]:
    add(f"suffix int32 n={n}", torch.arange(n, dtype=torch.int32) * 1000)
add("suffix 2-D float64 grad", (torch.randn(3, 7, dtype=torch.float64, requires_grad=True) * 2))
add("suffix empty size dtype grad", torch.zeros(2, 0, 4, dtype=torch.float64, requires_grad=True))
add("suffix wrap linewidth 40", torch.randn(5, dtype=torch.float64, requires_grad=True), {"linewidth": 40})
add("suffix wrap linewidth 20", torch.randn(2, dtype=torch.float64, requires_grad=True), {"linewidth": 20})

# sweep linewidth across the exact boundaries of _add_suffixes (single- and multi-line bodies)
sweep_1d = T([1.5, 2.5], "float64", requires_grad=True)
for lw in range(40, 71):
    add(f"suffix boundary 1-D linewidth {lw}", sweep_1d, {"linewidth": lw})
sweep_2d = T([[1.5, 2.5], [3.5, 4.5]], "float64", requires_grad=True) * 2
for lw in range(28, 60):
    add(f"suffix boundary 2-D linewidth {lw}", sweep_2d, {"linewidth": lw})
add("suffix boundary device", T([1, 2], "int32"), {"linewidth": 37}, device="webgpu:0")
add("suffix boundary device +1", T([1, 2], "int32"), {"linewidth": 38}, device="webgpu:0")

# sweep linewidth across the elements-per-line boundaries of _vector_str
sweep_row = torch.randn(12)
for lw in range(20, 51, 1):
    add(f"row wrap 1-D linewidth {lw}", sweep_row, {"linewidth": lw})
sweep_nested = torch.randn(2, 2, 6) * 10
for lw in range(30, 70, 3):
    add(f"row wrap 3-D linewidth {lw}", sweep_nested, {"linewidth": lw})

# --- autograd: requires_grad and grad_fn names
x = torch.randn(4, requires_grad=True)
add("leaf requires_grad", x)
add("MulBackward0", x * 2)
add("SigmoidBackward0", x.sigmoid())
add("AddBackward0", x + 1)
add("TanhBackward0", x.tanh())
add("ExpBackward0", x.exp())
add("ViewBackward0", (x * 1).view(2, 2))
add("SumBackward0", x.sum())
add("MeanBackward0 float64", torch.randn(3, dtype=torch.float64, requires_grad=True).mean())
add("MmBackward0", torch.randn(2, 3, requires_grad=True) @ torch.randn(3, 2))
add("grad_fn 3-D", torch.randn(2, 2, 2, requires_grad=True) * 3)
add("grad_fn sci", torch.randn(3, requires_grad=True) * 1e-6)
add("requires_grad float64 2-D", torch.randn(2, 2, dtype=torch.float64, requires_grad=True))

# --- nn.Parameter
add("parameter 1-D", torch.nn.Parameter(torch.randn(3)))
add("parameter 2-D", torch.nn.Parameter(torch.randn(2, 4)))
add("parameter float64", torch.nn.Parameter(torch.randn(3, dtype=torch.float64)))
add("parameter no grad", torch.nn.Parameter(torch.randn(3), requires_grad=False))
add("parameter scalar", torch.nn.Parameter(torch.tensor(0.5)))
add("parameter wide", torch.nn.Parameter(torch.randn(20)))
t, r = from_recipe((40, 40), "float32", scale=0.125)
add("parameter large", torch.nn.Parameter(t), recipe=r)

# --- devices (see fake_device)
add("device webgpu", torch.randn(3), device="webgpu:0")
add("device webgpu int64", torch.arange(4), device="webgpu:0")
add("device webgpu float64 grad", torch.randn(3, dtype=torch.float64, requires_grad=True), device="webgpu:0")
add("device webgpu wraps", torch.randn(9, dtype=torch.float64, requires_grad=True), device="webgpu:0")
add("device webgpu empty", torch.zeros(0, 3), device="webgpu:0")
add("device cuda:1 scalar", T(2.5), device="cuda:1")
add("device webgpu parameter", torch.nn.Parameter(torch.randn(2)), device="webgpu:0")
add("device webgpu no index", T([1, 2], "uint8"), device="webgpu")
add("device webgpu grad_fn", torch.randn(2, 3, requires_grad=True).exp(), device="webgpu:0")

# --- summarization (numel > threshold) — large tensors as recipes
add_recipe("summarize 1-D 1001", (1001,), "float32")
add_recipe("summarize 1-D 5000 int64", (5000,), "int64", scale=1)
add_recipe("summarize 2-D 40x40", (40, 40), "float32", scale=0.01)
add_recipe("summarize 2-D 2x600", (2, 600), "float32", scale=0.5)
add_recipe("summarize 2-D 600x2", (600, 2), "float64", scale=0.125)
add_recipe("summarize 3-D 12x12x12", (12, 12, 12), "float32", scale=0.001)
add_recipe("summarize 3-D 3x20x20", (3, 20, 20), "float32", scale=1)
add_recipe("summarize 4-D 8x8x8x8", (8, 8, 8, 8), "float32", mul=13, mod=1009, sub=500, scale=0.0625)
add_recipe("summarize 4-D int64", (7, 2, 9, 10), "int64", mul=13, mod=1009, sub=500, scale=1)
add_recipe("summarize bool", (2000,), "bool", mod=3, sub=0, scale=1)
add_recipe("summarize uint8 2-D", (50, 50), "uint8", mod=256, sub=0, scale=1)
add_recipe("summarize int32 3-D", (10, 10, 11), "int32", mod=100000, sub=50000, scale=1)
add_recipe("summarize hidden huge middle", (50, 50), "float32", scale=0.01, set_=[(1275, 1e10)])
add_recipe("summarize huge at edge", (50, 50), "float32", scale=0.01, set_=[(0, 1e10)])
add_recipe("summarize nan at edge", (1200,), "float32", scale=0.3, set_=[(1, "nan"), (1199, "-inf")])
add_recipe("summarize sci", (30, 40), "float32", scale=1e-7)
add_recipe("summarize float64 wide", (3, 1000), "float64", scale=1.1)
add_recipe("summarize int mode", (1001,), "float32", scale=1)
add_recipe("summarize neg zero", (1001,), "float32", mod=5, sub=2, scale=-0.0)
add_recipe("summarize 2-D wrap rows", (8, 200), "float32", scale=123.456)
add_recipe("summarize 1-D 1001 full profile", (1001,), "float32", {"profile": "full"}, scale=0.5)
add_recipe("summarize 3-D full profile", (2, 3, 400), "int64", {"profile": "full"}, scale=1)
add_recipe("summarize short profile", (1200,), "float32", {"profile": "short"}, scale=0.37)
add_recipe("summarize short 3-D", (10, 10, 12), "float32", {"profile": "short"}, scale=0.37)
add_recipe("summarize edgeitems 1", (30, 40), "float32", {"edgeitems": 1}, scale=0.2)
add_recipe("summarize edgeitems 5", (30, 40), "float32", {"edgeitems": 5}, scale=0.2)
add_recipe("summarize threshold 10000", (30, 40), "float32", {"threshold": 10000}, scale=0.2)
add_recipe("summarize linewidth 120", (20, 60), "float32", {"linewidth": 120}, scale=0.2)
t, r = from_recipe((2000,), "float32", scale=0.5)
add("summarize requires_grad", t.requires_grad_(), recipe=r)
# x * 2 of a recipe tensor is the same recipe with twice the scale (exact: power of two)
t, r = from_recipe((10, 300), "float64", scale=0.25)
add("summarize grad_fn float64", t.requires_grad_() * 2, recipe={**r, "scale": 0.5})

add_recipe("threshold boundary 1000 elements", (1000,), "float32", scale=0.25)
add_recipe("threshold boundary 10x100", (10, 100), "int64", scale=1)

# --- small thresholds / edgeitems
add("threshold 10 exactly 10", torch.arange(10), {"threshold": 10})
add("threshold 10 exactly 11", torch.arange(11), {"threshold": 10})
add("threshold 5 arange 10", torch.arange(10), {"threshold": 5})
add("threshold 5 float", torch.linspace(0, 1, 10), {"threshold": 5})
add("threshold 5 2-D", torch.arange(30.0).reshape(5, 6), {"threshold": 5})
add("threshold 5 2-D small rows", torch.arange(14.0).reshape(7, 2), {"threshold": 5})
add("threshold 5 3-D", torch.arange(60).reshape(3, 4, 5), {"threshold": 5})
add("threshold 5 edgeitems 1 3-D", torch.arange(60).reshape(3, 4, 5), {"threshold": 5, "edgeitems": 1})
add("threshold 0 1-D", T([1.5, 2.5]), {"threshold": 0})
add("threshold 3 edgeitems 0 1-D", torch.arange(5), {"threshold": 3, "edgeitems": 0})
add("threshold 3 edgeitems 0 float", torch.linspace(0, 1, 5), {"threshold": 3, "edgeitems": 0})
add("threshold 10 edgeitems 2", torch.randn(4, 8), {"threshold": 10, "edgeitems": 2})
add("threshold 10 edgeitems 10", torch.randn(4, 8), {"threshold": 10, "edgeitems": 10})
add("threshold 10 grad", torch.randn(20, requires_grad=True) * 2, {"threshold": 10})
add("threshold 10 sci nan", torch.tensor([1e-8, nan] + [1.0] * 20 + [inf, 3.0]), {"threshold": 10})
add("threshold 10 wide ints", torch.arange(100) * 123456789, {"threshold": 10, "linewidth": 40})
add("threshold 20 edgeitems 8 wraps", torch.randn(100), {"threshold": 20, "edgeitems": 8})

# --- precision
for p in [0, 1, 2, 6, 8, 10]:
    add(f"precision {p} fixed", torch.randn(5), {"precision": p})
    add(f"precision {p} sci", torch.randn(4) * 1e-6, {"precision": p})
add("precision 8 float64", torch.randn(6, dtype=torch.float64), {"precision": 8})
add("precision 12 float64", torch.randn(4, dtype=torch.float64) * 1e3, {"precision": 12})
add("precision 2 int mode", T([1.0, 2.0, 1e9]), {"precision": 2})
add("precision 2 wraps", torch.randn(40), {"precision": 2})
add("precision 20 float32", T([0.1, 0.2]), {"precision": 20})

# --- linewidth
for lw in [20, 40, 120, 200]:
    add(f"linewidth {lw} 1-D", torch.randn(40), {"linewidth": lw})
    add(f"linewidth {lw} 2-D", torch.randn(3, 25), {"linewidth": lw})
add("linewidth 10 sci", torch.randn(4) * 1e-9, {"linewidth": 10})
add("linewidth 40 int64", torch.arange(50) * 37, {"linewidth": 40})
add("linewidth 40 grad_fn suffix", torch.randn(4, dtype=torch.float64, requires_grad=True) + 1, {"linewidth": 40})

# --- sci_mode forced
for sm in [True, False]:
    tag = "on" if sm else "off"
    add(f"sci {tag} fixed data", torch.randn(4), {"sciMode": sm})
    add(f"sci {tag} sci data", torch.randn(4) * 1e-7, {"sciMode": sm})
    add(f"sci {tag} int mode", T([1.0, 2.0, 30.0]), {"sciMode": sm})
    add(f"sci {tag} int mode large", T([1e9, 2.0]), {"sciMode": sm})
    add(f"sci {tag} huge ints float32", T([1e30, -2e30]), {"sciMode": sm})
    add(f"sci {tag} all zeros", torch.zeros(3), {"sciMode": sm})
    add(f"sci {tag} nan inf", T([0.5, nan, -inf]), {"sciMode": sm})
    add(f"sci {tag} scalar", T(0.2405461221933365), {"sciMode": sm})
    add(f"sci {tag} 2-D", torch.randn(2, 3) * 1e5, {"sciMode": sm})
    add(f"sci {tag} int64", torch.arange(4), {"sciMode": sm})
    add(f"sci {tag} float64 precision 2", torch.randn(3, dtype=torch.float64) * 1e-3, {"sciMode": sm, "precision": 2})
    add(f"sci {tag} neg zero", T([-0.0, 0.5]), {"sciMode": sm})
    add(f"sci {tag} wraps", torch.randn(30) * 3, {"sciMode": sm})

# --- profiles
for prof in ["default", "short", "full"]:
    add(f"profile {prof} 1-D", torch.randn(6), {"profile": prof})
    add(f"profile {prof} 2-D", torch.randn(3, 4) * 100, {"profile": prof})
add("profile short + precision 6", torch.randn(4), {"profile": "short", "precision": 6})
add("profile full + linewidth 120", torch.randn(40), {"profile": "full", "linewidth": 120})
add("profile short + sci", torch.randn(4), {"profile": "short", "sciMode": True})
add("profile full int64 1500", torch.arange(1500) % 7, {"profile": "full"})
add("threshold inf explicit", torch.arange(1200) % 11, {"threshold": math.inf})

# --- random mixtures with hand-picked generators
for i in range(30):
    scale = 10.0 ** rng.uniform(-10, 12)
    n = rng.randint(1, 12)
    dt = rng.choice(["float32", "float64"])
    t = torch.randn(n, dtype=BY_NAME[dt]) * scale
    if rng.random() < 0.3:
        t[rng.randrange(n)] = rng.choice([nan, inf, -inf, 0.0, -0.0])
    if rng.random() < 0.3:
        t = t.round()
    add(f"random mix {i}", t)
for i in range(10):
    shape = tuple(rng.randint(1, 4) for _ in range(rng.randint(2, 4)))
    t = (torch.rand(shape) - 0.5) * 10.0 ** rng.randint(-5, 9)
    add(f"random shape {i} {shape}", t)

# ---------------------------------------------------------------- python float formatting
floats = [0.0, -0.0, nan, inf, -inf, 1.0, -1.0, 0.1, 0.2405461221933365, 1e-5, 1e-4, 9.999e-5,
          0.0001, 0.001, 1e15, 1e16, 1e17, 1234567890123456.0, 12345678901234567.0, 1e22, 1e21,
          123456789.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.5, 100.0,
          1.5e300, 2.0 ** 53, 2.0 ** 53 + 2, 1 / 3, 2 / 3, 3.14159, 1e-7, 123.456, 9.5, 0.3,
          9007199254740993.0, 4.35, 0.000123, 1.0000000000000002, 0.9999999999999999]
for k in range(-30, 31):
    floats.append(10.0 ** k)
    floats.append(1.5 * 10.0 ** k)
for _ in range(150):
    floats.append(rng.gauss(0, 1) * 10.0 ** rng.randint(-20, 20))
for v in torch.randn(60).tolist():  # float32 values seen as doubles
    floats.append(v)
for v in (torch.randn(40) * 1e-6).tolist():
    floats.append(v)
for v in floats:
    py_float.append([enc(v), repr(v)])
# f"{t}" of 0-dim float tensors is str(t.item())
for v in [0.2405461221933365, 1e-5, 3.0, -0.0, nan, 1e20, 0.1]:
    for dt in [torch.float32, torch.float64]:
        t = torch.tensor(v, dtype=dt)
        py_float.append([enc(t.item()), f"{t}"])

# ---------------------------------------------------------------- fixed/exp formatters
fmt_vals = [0.0, -0.0, nan, inf, -inf, 0.125, 0.375, 2.5, 1.5, 0.5, -0.5, 0.03125, 9.99995,
            9.5, 99.5, 0.05, 0.15, 0.25, 1e21, 1e22, 123456789012345678901234.0, 5e-324,
            1.7976931348623157e308, 1e-5, 9.999999e-5, 0.00015, 1.0, 10.0, 1e100, 2.0 ** 70,
            0.3, 0.1 + 0.2, -1.25, 6.02214076e23, 1.6e-19]
for _ in range(120):
    fmt_vals.append(rng.gauss(0, 1) * 10.0 ** rng.randint(-12, 25))
for _ in range(40):
    # dyadic values with short binary expansions produce exact ties
    fmt_vals.append(rng.randint(-4000, 4000) / 2.0 ** rng.randint(1, 12))
for i, v in enumerate(fmt_vals):
    for p in sorted({0, 1, 2, 4, (i % 17) + 3}):
        py_format.append([enc(v), p, "{:.{}f}".format(v, p), "{:.{}e}".format(v, p)])

# ---------------------------------------------------------------- write
names = [c["name"] for c in cases]
assert len(names) == len(set(names)), "duplicate case names"
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"torchVersion": torch.__version__, "cases": cases, "pyFloat": py_float, "pyFormat": py_format},
              f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {len(cases)} cases, {len(py_float)} float reprs, {len(py_format)} format rows to {OUT}"
      f" ({os.path.getsize(OUT)} bytes)")
