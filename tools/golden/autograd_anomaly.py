"""Golden results of autograd's anomaly detection (torch.autograd.detect_anomaly /
set_detect_anomaly): the NaN error of each scenario (text and class), the first line of
each warning PyTorch emits, gradients where backward succeeds, and the mode flags.
Writes packages/autograd/test/fixtures/anomaly.json; the scenarios are mirrored by name
in packages/autograd/test/anomaly.test.ts.

    /usr/bin/python3 tools/golden/autograd_anomaly.py
"""
import json
import os
import re
import warnings

import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
nan = float('nan')


def enc(t):
    return ['nan' if v != v else ('inf' if v == float('inf') else ('-inf' if v == -float('inf') else v)) for v in t.flatten().tolist()]


def run(fn):
    """Runs a scenario: its error, warnings' first lines, and what it returns."""
    out = {}
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            r = fn()
            if r is not None:
                out['result'] = r
        except Exception as e:
            out['error'] = str(e).split('\n')[0]
            out['type'] = type(e).__name__
    # a C++ TORCH_WARN appends where it fired: ' (Triggered internally at  ./torch/csrc/….cpp:92.)'
    out['warnings'] = [re.sub(r' \(Triggered internally at .*\)$', '', str(x.message).split('\n')[0]) for x in w]
    torch.autograd.set_detect_anomaly(False)
    return out


def leaf(v):
    return torch.tensor(v, dtype=torch.float64, requires_grad=True)


S = {}


def mul_nan():
    x = leaf([0.0, 1.0])
    with torch.autograd.detect_anomaly():
        (x * nan).sum().backward()


def div_zero():
    x = leaf([0.0, 1.0])
    with torch.autograd.detect_anomaly():
        (x / x).sum().backward()


def mul_weight_nan():
    x = leaf([0.0, 1.0])
    w = leaf([1.0, nan])
    torch.autograd.set_detect_anomaly(True)
    (w * x).sum().backward()


def grad_unneeded_edge():
    # only w's gradient is asked for: x's (NaN) is not computed, so not checked
    x = leaf([2.0, 3.0])
    w = leaf([1.0, nan])
    torch.autograd.set_detect_anomaly(True)
    (g,) = torch.autograd.grad((w * x).sum(), [w])
    return enc(g)


def grad_needed_edge():
    x = leaf([2.0, 3.0])
    w = leaf([1.0, nan])
    torch.autograd.set_detect_anomaly(True)
    torch.autograd.grad((w * x).sum(), [x])


def check_nan_off():
    x = leaf([0.0, 1.0])
    with torch.autograd.detect_anomaly(check_nan=False):
        (x * nan).sum().backward()
    return enc(x.grad)


def disabled():
    x = leaf([0.0, 1.0])
    (x * nan).sum().backward()
    return enc(x.grad)


def inf_is_not_nan():
    x = leaf([0.0, 4.0])
    with torch.autograd.detect_anomaly():
        x.sqrt().sum().backward()
    return enc(x.grad)


def chain():
    x = leaf([1.0, 2.0])
    with torch.autograd.detect_anomaly():
        y = x.exp()
        z = y * torch.tensor([nan, 1.0], dtype=torch.float64)
        (z.sin() + 1).sum().backward()


def graph_before_enabling():
    x = leaf([0.0, 1.0])
    y = (x * nan).sum()
    torch.autograd.set_detect_anomaly(True)
    y.backward()


def flags():
    r = {'default': [torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()]}
    with torch.autograd.detect_anomaly():
        r['inside'] = [torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()]
        with torch.autograd.detect_anomaly(check_nan=False):
            r['nested'] = [torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()]
        r['after_nested'] = [torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()]
    r['after'] = [torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()]
    torch.autograd.set_detect_anomaly(True, False)
    r['set_true_false'] = [torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()]
    torch.autograd.set_detect_anomaly(False)
    r['set_false'] = [torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()]
    return r


for f in [mul_nan, div_zero, mul_weight_nan, grad_unneeded_edge, grad_needed_edge, check_nan_off, disabled,
          inf_is_not_nan, chain, graph_before_enabling, flags]:
    S[f.__name__] = run(f)
S['bad_mode_int'] = run(lambda: torch.autograd.set_detect_anomaly(1))
S['bad_mode_str'] = run(lambda: torch.autograd.set_detect_anomaly('yes'))
S['bad_check_nan'] = run(lambda: torch.autograd.set_detect_anomaly(True, 'no'))

path = os.path.join(ROOT, 'packages/autograd/test/fixtures/anomaly.json')
with open(path, 'w') as f:
    json.dump(S, f, indent=1, allow_nan=False)
    f.write('\n')
print('wrote packages/autograd/test/fixtures/anomaly.json')
