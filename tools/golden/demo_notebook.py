"""What PyTorch prints for the demo notebook's cells beyond the seed's own
(apps/demo/src/notebook): the backward pass of Activity 1, and the edits the
demo's end-to-end test makes to a cell (the seed set to 8 instead of 7).

The seed's cells themselves come from seed_notebook.py
(packages/antorcha/test/fixtures/seed-notebook.json).

Writes apps/demo/test/fixtures/notebook.json:
{ "activity-1-backward": stdout, "edited": { "generate-data": stdout, "sum-solutions": stdout } }.
"""
import contextlib
import io

import torch

from _common import write_json


def activation(x):
    return 1 / (1 + torch.exp(-x))


def run(fn):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        fn()
    return buf.getvalue()


out = {}


# Activity 1, then `output.backward()` and the leaves' gradients (the demo's extra cell).
def backward():
    torch.manual_seed(7)
    features = torch.randn(1, 3)
    W1 = torch.randn((3, 2), requires_grad=True)
    W2 = torch.randn((2,), requires_grad=True)
    B1 = torch.randn((2), requires_grad=True)
    B2 = torch.randn((), requires_grad=True)
    h1 = activation(torch.mm(features, W1) + B1)
    output = torch.sigmoid((h1 @ W2) + B2)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        output.backward()
        print(W1.grad)
        print(W2.grad)
        print(B1.grad)
        print(B2.grad)
    return buf.getvalue()


out['activity-1-backward'] = backward()

# The test edits the first data cell to seed 8, runs it, then runs the next cell unchanged.
state = {}


def generate_data_seed_8():
    torch.manual_seed(8)
    features = torch.randn((1, 5))
    print(features)
    weights = torch.randn_like(features)
    print(weights)
    bias = torch.randn((1, 1))
    state.update(features=features, weights=weights, bias=bias)


def sum_solutions():
    f, w, b = state['features'], state['weights'], state['bias']
    print(activation(torch.sum(f * w) + b))
    print(activation((f * w).sum() + b))


out['edited'] = {'generate-data': run(generate_data_seed_8), 'sum-solutions': run(sum_solutions)}
write_json('apps/demo/test/fixtures/notebook.json', out)
