"""The differential suite's oracle: real PyTorch answers for generated op calls.

The cases come from the TypeScript generator (packages/antorcha/test/differential/
generator.ts, fast-check with a fixed seed); this script evaluates each with torch and
records the result (dtype, shape, values, layout) or the exception PyTorch raises.

    /usr/bin/python3 tools/golden/differential.py [--seed S] [--count N]
        draws the cases (through vitest), evaluates them and writes
        packages/antorcha/test/fixtures/differential.json
    /usr/bin/python3 tools/golden/differential.py --cases IN.json --out OUT.json
        evaluates a case list written elsewhere
    /usr/bin/python3 tools/golden/differential.py --serve
        the live oracle of `pnpm test:fuzz`: one JSON case per stdin line, one JSON
        answer per stdout line ({"expected": ...}), after a first {"ready": ...} line

The case format is the golden one (_common.py): tensors with their storage and exact
size/stride/offset, {"float": v} for Python floats, {"dtype": name}, {"slice": [...]}.
"""
import argparse
import json
import math
import operator
import os
import subprocess
import sys
import tempfile
import warnings

import torch

from _common import DTYPES, ROOT, enc_output, enc_value, write_json

warnings.filterwarnings('ignore')
torch.set_num_threads(1)

FIXTURE = 'packages/antorcha/test/fixtures/differential.json'
DEFAULT_SEED = 10_2024
DEFAULT_COUNT = 3000


def dec_value(v):
    if isinstance(v, str):
        return {'nan': math.nan, 'inf': math.inf, '-inf': -math.inf, '-0': -0.0}[v]
    return v


def dec_arg(a):
    if isinstance(a, list):
        return [dec_arg(x) for x in a]
    if isinstance(a, dict):
        if a.get('tensor'):
            dt = DTYPES[a['dtype']]
            vals = [dec_value(v) for v in a['storage']]
            storage = torch.tensor(vals, dtype=dt) if vals else torch.empty(0, dtype=dt)
            return storage.as_strided(a['size'], a['stride'], a['offset'])
        if 'float' in a:
            return float(dec_value(a['float']))
        if 'dtype' in a:
            return DTYPES[a['dtype']]
        if 'slice' in a:
            return slice(*a['slice'])
    if a == '...':
        return Ellipsis
    return a


def method(name):
    return lambda x, *a, **k: getattr(x, name)(*a, **k)


def inplace(name):
    """In-place ops write into a clone of the input, as OP_CALLS does."""
    return lambda x, *a, **k: getattr(x.clone(), name)(*a, **k)


def with_dim(f):
    """torch.var/std take `correction` only next to an explicit `dim` in 1.13."""
    def call(x, **k):
        if 'correction' in k and 'dim' not in k:
            k['dim'] = None
        return f(x, **k)
    return call


SCALAR_LEFT = {'add': operator.add, 'sub': operator.sub, 'mul': operator.mul, 'div': operator.truediv}

CALLS = {
    'repeat': lambda x, *s: x.repeat(*s),
    'index': lambda x, spec: x[tuple(spec)],
    'expand': method('expand'),
    'view': method('view'),
    'contiguous': method('contiguous'),
    'clone': method('clone'),
    'as_strided': method('as_strided'),
    'var': with_dim(torch.var),
    'std': with_dim(torch.std),
    'tensor': lambda d: torch.tensor(d),
}


def call_of(op, args):
    if op in SCALAR_LEFT and args and not isinstance(args[0], torch.Tensor):
        return lambda a, b: SCALAR_LEFT[op](a, b)
    if op in CALLS:
        return CALLS[op]
    if op.endswith('_'):
        return inplace(op)
    if hasattr(torch, op):
        return getattr(torch, op)
    return method(op)


# Tolerance policy, the one of the golden op suite (tools/golden/ops.py, op-cases.ts):
# float results within DEFAULT_TOLERANCE, widened by PyTorch's own accumulation error
# bound for ops that sum many terms. Stricter here: ops that move or select values, or
# round once the IEEE way (the same rounding in any correct implementation), are
# compared bit for bit (`exact`).
ACCUMULATING = {'mm', 'matmul', 'bmm', 'dot', 'mv', 'sum', 'nansum', 'mean', 'cumsum'}
EXACT_OPS = {
    # data movement and selection
    'view', 'reshape', 'permute', 'transpose', 't', 'expand', 'squeeze', 'unsqueeze', 'flatten', 'unflatten', 'narrow',
    'select', 'unbind', 'movedim', 'as_strided', 'contiguous', 'clone', 'index', 'cat', 'stack', 'split', 'chunk', 'gather',
    'index_select', 'masked_fill', 'masked_fill_', 'masked_select', 'nonzero', 'sort', 'argsort', 'topk', 'flip', 'roll',
    'repeat', 'tile', 'tril', 'triu', 'where', 'copy_', 'fill_', 'zero_', 'full', 'zeros', 'eye', 'tensor',
    'maximum', 'minimum', 'fmax', 'fmin', 'amax', 'amin', 'max', 'min', 'argmax', 'argmin', 'clamp', 'clamp_', 'scatter_',
    # one IEEE rounding (or none)
    'neg', 'neg_', 'abs', 'sign', 'relu', 'floor', 'ceil', 'round', 'trunc', 'frac', 'square', 'sqrt', 'reciprocal',
    'mul', 'mul_', 'div', 'div_', 'fmod', 'isnan', 'isinf', 'isfinite', 'logical_not', 'bitwise_not',
    'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logical_and', 'logical_or', 'logical_xor', 'all', 'any',
}
# add/sub are one rounding only without alpha (with alpha: one FMA, exact only on
# the paths ops.py lists), div only without a rounding mode, scatter only without reduce.
CONDITIONAL_EXACT = {
    'add': lambda kw: 'alpha' not in kw, 'sub': lambda kw: 'alpha' not in kw,
    'add_': lambda kw: 'alpha' not in kw, 'sub_': lambda kw: 'alpha' not in kw,
    'div': lambda kw: 'rounding_mode' not in kw,
    'scatter': lambda kw: 'reduce' not in kw,
}

INT64_LIMIT = 2 ** 53


def accumulation_bound(op, call, args, kwargs, out):
    """The bound tools/golden/ops.py records: K * eps * (the op on |inputs|, in float64)."""
    if op not in ACCUMULATING or not isinstance(out, torch.Tensor) or not out.dtype.is_floating_point:
        return None
    x = args[0]
    if not isinstance(x, torch.Tensor):
        return None
    if op in ('mm', 'matmul', 'bmm', 'dot', 'mv'):
        terms = x.shape[-1] if x.dim() else 1
    elif op == 'cumsum':
        d = args[1] if len(args) > 1 else kwargs.get('dim', 0)
        terms = x.shape[d] if x.dim() else 1
    else:
        terms = max(1, x.numel() // max(out.numel(), 1))
    abs_args = [a.detach().double().abs() if isinstance(a, torch.Tensor) else a for a in args]
    kw = {k: v for k, v in kwargs.items() if k != 'dtype'}
    scale = call(*abs_args, **kw).double()
    eps = 2.0 ** -24 if out.dtype == torch.float32 else 2.0 ** -53
    return [enc_value(v * terms * eps) for v in scale.reshape(-1).tolist()]


def int64_beyond(out):
    if isinstance(out, torch.Tensor):
        return out.dtype == torch.int64 and any(abs(v) > INT64_LIMIT for v in out.reshape(-1).tolist())
    if isinstance(out, (list, tuple)):
        return any(int64_beyond(o) for o in out)
    return False


def is_tensor_of(a, pred):
    return isinstance(a, torch.Tensor) and pred(a)


# Where PyTorch 2.x answers differently from the 1.13 build that runs here, the 2.x
# behaviour, as written in PyTorch's source (cited per rule). Each rule maps a case to
# the 2.x answer, or None where it does not apply.
def override_2x(op, args, kwargs, answer):
    # aten/src/ATen/native/TensorAdvancedIndexing.cpp (masked_fill_impl_cpu, masked_select_out_impl_cpu):
    # TORCH_CHECK(mask.dtype() == ScalarType::Bool, ...) before anything else; 1.13 still took uint8
    # (and, for masked_fill, other integer masks holding 0/1), with a deprecation warning.
    if op in ('masked_fill', 'masked_fill_', 'masked_select') and is_tensor_of(args[1], lambda m: m.dtype != torch.bool):
        if op == 'masked_select':
            return {'error': 'masked_select: expected BoolTensor for mask', 'type': 'RuntimeError'}
        return {'error': f'masked_fill_ only supports boolean masks, but got mask with dtype {args[1].dtype}', 'type': 'RuntimeError'}
    # aten/src/ATen/native/TriangularOps.cpp (TORCH_META_FUNC(tril), (triu)):
    # TORCH_CHECK(self.dim() >= 2, "tril: input tensor must have at least 2 dimensions"); 1.13 let empty 1-d inputs through.
    if op in ('tril', 'triu') and is_tensor_of(args[0], lambda x: x.dim() < 2):
        return {'error': f'{op}: input tensor must have at least 2 dimensions', 'type': 'RuntimeError'}
    return None


def skip_reason(op, args, kwargs, answer, call):
    """Why a case is not compared (None: it is). Every reason is listed in differential.test.ts."""
    if isinstance(answer, dict) and 'INTERNAL ASSERT FAILED' in answer.get('error', ''):
        return 'PyTorch 1.13 fails an internal assert (a PyTorch bug, not an answer)'
    # PyTorch's log1p (SLEEF's, on the vectorised path) returns inf above 1e38 in float32 and
    # 1e307 in float64, where log1p is about 88 and 707: a PyTorch inaccuracy, not a value to reproduce.
    if op == 'log1p' and is_tensor_of(args[0], lambda x: x.dtype.is_floating_point and x.numel() > 0 and
                                      bool((x >= (1e38 if x.dtype == torch.float32 else 1e307)).any())):
        return LOG1P_REASON
    # SLEEF's vectorised sinhf/coshf overflow where sinh/cosh themselves do not (PyTorch's answer
    # depends on the tensor's length: 16+ elements take that path)
    if op in ('sinh', 'cosh') and is_tensor_of(args[0], lambda x: x.numel() > 0 and near(x.double().abs(), *SINH_EDGE[x.dtype == torch.float64])):
        return VECTOR_REASON
    # ... and its fmod/remainder/floor division return nan where the quotient a/b overflows
    if (op in ('fmod', 'remainder', 'floor_divide') or op == 'div' and 'rounding_mode' in kwargs) and quotient_overflows(args):
        return VECTOR_REASON
    # float -> integer conversion of a non-finite or out-of-range value: undefined behaviour in C++
    if op == 'sum' and isinstance(kwargs.get('dtype'), torch.dtype) and not kwargs['dtype'].is_floating_point and \
            is_tensor_of(args[0], lambda x: x.dtype.is_floating_point and x.numel() > 0 and not fits(x, kwargs['dtype'])):
        return UB_REASON
    # index_select of a 0-d tensor with an empty index returns a 0-d tensor of uninitialised memory
    if op == 'index_select' and is_tensor_of(args[0], lambda x: x.dim() == 0) and is_tensor_of(args[2], lambda i: i.numel() == 0):
        return 'PyTorch 1.13 index_select(0-d, dim, empty index) returns uninitialised memory'
    if overflows_midway(op, args, kwargs, call):
        return OVERFLOW_REASON
    if isinstance(answer, dict) and 'error' in answer:
        return None
    if int64_beyond(answer):
        return INT64_REASON
    if int64_midway(op, args, kwargs, call):
        return INT64_REASON
    return None


SINH_EDGE = {False: (88.7, 89.5), True: (709.7, 710.5)}
VECTOR_REASON = 'PyTorch\'s vectorised (SLEEF) kernel loses this value, and only for 16+ elements: no single answer'


UB_REASON = 'a float converted to an integer dtype is non-finite or out of range: undefined behaviour in PyTorch\'s C++'


def fits(x, dt):
    if dt == torch.bool:
        return True
    info = torch.iinfo(dt)
    d = x.detach().double()
    return bool(torch.isfinite(d).all()) and bool(((d > float(info.min) - 1) & (d < float(info.max) + 1)).all())


def quotient_overflows(args):
    a, b = args[0], args[1] if len(args) > 1 else None
    if not isinstance(a, torch.Tensor) or not a.dtype.is_floating_point or a.numel() == 0:
        return False
    try:
        bt = b if isinstance(b, torch.Tensor) else torch.tensor(b, dtype=torch.float64)
        a64, b64 = a.detach().double(), bt.detach().double()
        q = a64.abs() / b64.abs()
        ok = torch.isfinite(a64) & torch.isfinite(b64) & (b64 != 0)
        limit = FLOAT_MAX[torch.result_type(a, b) if torch.result_type(a, b).is_floating_point else torch.float32]
        return bool((ok & ~(q <= limit)).any())
    except Exception:
        return False


def near(a, lo, hi):
    return bool(((a >= lo) & (a <= hi)).any())


INT64_REASON = "int64 result beyond 2^53 (outside Antorcha's documented int64 range)"
LOG1P_REASON = 'PyTorch log1p is inf above SLEEF\'s domain (1e38 float32, 1e307 float64), not log1p'
OVERFLOW_REASON = 'a partial sum or product overflows: PyTorch\'s inf/nan or finite answer depends on its evaluation order'
FLOAT_MAX = {torch.float32: 3.4028234663852886e38, torch.float64: 1.7976931348623157e308}
SUMS = {'sum', 'nansum', 'mean', 'cumsum', 'mm', 'matmul', 'bmm', 'dot', 'mv'}


INT64_ARITH = {'add', 'sub', 'mul', 'pow', 'sum', 'nansum', 'prod', 'cumsum', 'cumprod', 'mm', 'matmul', 'bmm', 'dot', 'mv',
               'outer', 'addcmul', 'add_', 'sub_', 'mul_', 'pow_', 'addcmul_', 'square'}
SCALAR_OPERAND = {'add', 'sub', 'mul', 'add_', 'sub_', 'mul_'}


def int64_midway(op, args, kwargs, call):
    """int64 arithmetic whose result or partial results leave ±2^53 (and may wrap back in range):
    the op on |inputs| in float64 bounds every partial result (a difference by the sum)."""
    if op not in INT64_ARITH:
        return False
    if not any(is_tensor_of(a, lambda t: t.dtype == torch.int64) for a in args) and kwargs.get('dtype') != torch.int64 and \
            not (op in ('prod', 'sum', 'nansum', 'cumsum', 'cumprod') and is_tensor_of(args[0], lambda t: not t.dtype.is_floating_point)):
        return False
    try:
        f = call_of('add' if op == 'sub' else 'add_' if op == 'sub_' else op, args)
        wide_args = [a.detach().double().abs() if isinstance(a, torch.Tensor) and not (op in ('pow', 'pow_') and i == 1) else
                     a.detach().double() if isinstance(a, torch.Tensor) else
                     abs(a) if op in SCALAR_OPERAND and isinstance(a, (int, float)) and not isinstance(a, bool) else a
                     for i, a in enumerate(args)]
        kw = {k: (abs(v) if k in ('alpha', 'value') and isinstance(v, (int, float)) and not isinstance(v, bool) else v)
              for k, v in kwargs.items() if k != 'dtype'}
        wide = f(*wide_args, **kw)
        return isinstance(wide, torch.Tensor) and wide.numel() > 0 and bool((wide.abs() > INT64_LIMIT).any())
    except Exception:
        return False


def finite_abs(t):
    d = t.detach().double().abs()
    return torch.where(torch.isfinite(d), d, torch.zeros_like(d))


def overflows_midway(op, args, kwargs, call):
    """Float sums (products) whose partial results may overflow although the exact result need
    not: Σ|finite terms| (Π max(|finite x|, 1)) beyond the dtype's range, in float64."""
    if op not in SUMS and op not in ('prod', 'cumprod'):
        return False
    x = args[0]
    if not is_tensor_of(x, lambda t: t.numel() > 0):
        return False
    try:
        out = call(*args, **kwargs)
        if not isinstance(out, torch.Tensor) or not out.dtype.is_floating_point:
            return False
        limit = FLOAT_MAX[out.dtype]
        if op in SUMS:
            f = torch.sum if op == 'mean' else call
            wide = f(*[finite_abs(a) if isinstance(a, torch.Tensor) else a for a in args],
                     **{k: v for k, v in kwargs.items() if k != 'dtype'})
            return bool((wide > limit).any())
        return finite_abs(x).clamp(min=1).log().sum().item() > math.log(limit)
    except Exception:
        return False


def evaluate(case):
    """PyTorch's answer to one case: the encoded result(s), {error, type}, or {skip}."""
    op, kwargs = case['op'], {k: dec_arg(v) for k, v in case['kwargs'].items()}
    args = [dec_arg(a) for a in case['args']]
    call = call_of(op, args)
    try:
        out = call(*args, **kwargs)
    except Exception as e:  # PyTorch's error is the expected result
        out = {'error': str(e).split('\n')[0][:300], 'type': type(e).__name__}
    fresh = [dec_arg(a) for a in case['args']]  # in-place ops may have written into views of the inputs
    reason = skip_reason(op, fresh, kwargs, out, call)
    if reason:
        return {'skip': reason}
    v2 = override_2x(op, fresh, kwargs, out)
    if v2 is not None:
        return v2
    if isinstance(out, dict):
        return out
    expected = enc_output(out)
    exact = op in EXACT_OPS or (op in CONDITIONAL_EXACT and CONDITIONAL_EXACT[op](kwargs))
    if isinstance(expected, dict) and 'dtype' in expected:
        if exact:
            expected['exact'] = True
        bound = accumulation_bound(op, call, fresh, kwargs, out)
        if bound is not None:
            expected['bound'] = bound
    elif isinstance(expected, list) and exact:
        for e in expected:
            if isinstance(e, dict):
                e['exact'] = True
    return expected
def draw_cases(seed, count):
    """Runs the TypeScript generator (through vitest) and reads the case list it writes."""
    pkg = os.path.join(ROOT, 'packages', 'antorcha')
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'cases.json')
        env = dict(os.environ, DIFF_TOOL='write-cases', DIFF_CASES_OUT=out, DIFF_SEED=str(seed), DIFF_COUNT=str(count))
        subprocess.run(['npx', 'vitest', 'run', '--config', 'test/differential/vitest.fuzz.config.ts', 'write-cases'],
                       cwd=pkg, env=env, check=True, stdout=subprocess.DEVNULL)
        with open(out) as f:
            return json.load(f)


def serve():
    print(json.dumps({'ready': True, 'torch': torch.__version__}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        try:
            ans = {'expected': evaluate(case)}
        except Exception as e:  # a case this script cannot even decode
            ans = {'oracle_error': f'{type(e).__name__}: {e}'}
        print(json.dumps(ans, allow_nan=False), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--serve', action='store_true')
    ap.add_argument('--cases')
    ap.add_argument('--out')
    ap.add_argument('--seed', type=int, default=DEFAULT_SEED)
    ap.add_argument('--count', type=int, default=DEFAULT_COUNT)
    a = ap.parse_args()
    if a.serve:
        return serve()
    if a.cases:
        with open(a.cases) as f:
            doc = json.load(f)
    else:
        doc = draw_cases(a.seed, a.count)
    for c in doc['cases']:
        c['expected'] = evaluate(c)
    doc['torch'] = torch.__version__
    if a.out:
        with open(a.out, 'w') as f:
            json.dump(doc, f, separators=(',', ':'), allow_nan=False)
    else:
        write_json(FIXTURE, doc)
    kinds = {}
    for c in doc['cases']:
        e = c['expected']
        k = 'skip' if isinstance(e, dict) and 'skip' in e else 'error' if isinstance(e, dict) and 'error' in e else 'value'
        kinds[k] = kinds.get(k, 0) + 1
    print(f'{len(doc["cases"])} cases: {kinds}')


if __name__ == '__main__':
    main()
