"""Runs the seed notebook's cells (shared/seed/DL02-tensores-en-pytorch.txt) in real
PyTorch and records what each cell prints. Checks that every output the seed shows
appears verbatim in what PyTorch prints here, so the fixture is the seed's output.

Writes packages/antorcha/test/fixtures/seed-notebook.json: a list of cells, each
{ "cell": name, "stdout": text, "autograd": whether it needs autograd }.
"""
import contextlib
import io
import os
import sys

import torch

from _common import ROOT, write_json

cells = []


def cell(name, needs_autograd=False):
    def wrap(fn):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            fn()
        cells.append({'cell': name, 'stdout': buf.getvalue(), 'autograd': needs_autograd})
        return fn
    return wrap


def activation(x):
    return 1 / (1 + torch.exp(-x))


state = {}


@cell('generate-data')
def _():
    torch.manual_seed(7)
    features = torch.randn((1, 5))
    print(features)
    weights = torch.randn_like(features)
    print(weights)
    bias = torch.randn((1, 1))
    state.update(features=features, weights=weights, bias=bias)


@cell('sum-solutions')
def _():
    f, w, b = state['features'], state['weights'], state['bias']
    y = activation(torch.sum(f * w) + b)
    print(y)
    y = activation((f * w).sum() + b)
    print(y)


@cell('mm-shape-error')
def _():
    try:
        torch.mm(state['features'], state['weights'])
    except RuntimeError as e:
        print(f'RuntimeError: {e}')


@cell('mm-view')
def _():
    f, w, b = state['features'], state['weights'], state['bias']
    print(w.shape)
    y = activation(torch.mm(f, w.view(5, 1)) + b)
    print(y)


@cell('reshape-resize')
def _():
    w = state['weights']
    print(w.reshape(5, 1))
    print(w.view(5, 1))
    r = w.clone()
    r.resize_(5, 1)
    print(r)
    r = w.clone()
    r.resize_(2, 2)
    print(r)


@cell('activity-1-tensors')
def _():
    torch.manual_seed(7)
    features = torch.randn(1, 3)
    W1 = torch.randn((3, 2), requires_grad=True)
    W2 = torch.randn((2,), requires_grad=True)
    B1 = torch.randn((2), requires_grad=True)
    B2 = torch.randn((), requires_grad=True)
    print(f"Atributos:\n{features}\n\n")
    print(f"Vector de pesos capa de entrada:\n{W1}\n\n")
    print(f"Vector de pesos capa oculta:\n{W2}\n\n")
    print(f"Vector de bias para capa oculta:\n{B1}\n\n")
    print(f"Vector de bias para capa de salida:\n{B2}\n\n")
    state.update(features1=features, W1=W1, W2=W2, B1=B1, B2=B2)


@cell('activity-1-network', needs_autograd=True)
def _():
    s = state
    h1 = activation(torch.mm(s['features1'], s['W1']) + s['B1'])
    output = torch.sigmoid((h1 @ s['W2']) + s['B2'])
    print(f"Vector de outputs capa oculta:\n{h1}")
    print(f"Resultado final:\n{output}\n\n")


# The seed's printed blocks must appear verbatim in PyTorch's output here.
seed = open(os.path.join(ROOT, '..', 'shared', 'seed', 'DL02-tensores-en-pytorch.txt')).read()
printed = ''.join(c['stdout'] for c in cells)
blocks = [
    'tensor([[-0.1468,  0.7861,  0.9468, -1.1143,  1.6908]])\ntensor([[-0.8948, -0.3556,  1.2324,  0.1382, -1.6822]])',
    'tensor([[0.1595]])\ntensor([[0.1595]])',
]
start = seed.index('Atributos:\ntensor')
end = seed.index('<font color=\'green\'>**Fin Actividad 1**')
blocks.append(seed[start:end].strip())
for b in blocks:
    assert b in seed, 'block not in seed'
    if b not in printed:
        sys.exit(f'seed output not reproduced by PyTorch here:\n{b}')
write_json('packages/antorcha/test/fixtures/seed-notebook.json', cells)
