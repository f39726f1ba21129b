"""PyTorch programs for apps/docs/tutorial/notebook.md (the seed notebook as a tutorial).

The tutorial's ```ts blocks are sessions (`session=nb`, `session=net`): each block runs after the
earlier blocks of its session and shows only what it prints itself. The same holds here: a
session is a list of cells, and the program of a cell is the session's earlier cells, run with
their output thrown away, followed by the cell itself. Cells without an id print nothing.
"""
import textwrap


def session(cells):
    programs = {}
    for k, (key, code) in enumerate(cells):
        if key is None:
            continue
        prelude = '\n'.join(c for _, c in cells[:k]) or 'pass'
        programs[key] = (
            'import contextlib as _contextlib, io as _io\n'
            'with _contextlib.redirect_stdout(_io.StringIO()):\n'
            + textwrap.indent(prelude, '    ', lambda line: True)
            + '\n'
            + code
        )
    return programs


NB = [
    (None, '''
def activation(x):
    return 1 / (1 + torch.exp(-x))
'''),
    ('tutorial.data', '''
torch.manual_seed(7)
features = torch.randn((1, 5))
weights = torch.randn_like(features)
bias = torch.randn((1, 1))
print(features)
print(weights)
print(bias)
'''),
    ('tutorial.product', '''
print(features * weights)
'''),
    ('tutorial.sum', '''
y = activation(torch.sum(features * weights) + bias)
print(y)
y = activation((features * weights).sum() + bias)
print(y)
'''),
    ('tutorial.shape-error', '''
try:
    torch.mm(features, weights)
except RuntimeError as e:
    print(e)
print(features.shape, weights.shape)
'''),
    ('tutorial.view', '''
print(weights.view(5, 1))
y = activation(torch.mm(features, weights.view(5, 1)) + bias)
print(y)
print(activation(torch.matmul(features, weights.reshape(5, 1)) + bias))
'''),
    ('tutorial.resize', '''
grown = weights.clone()
grown.resize_(5, 1)
print(grown)
shrunk = weights.clone()
shrunk.resize_(2, 2)
print(shrunk)
'''),
    ('tutorial.requires-grad', '''
weights.requires_grad_()
print(weights)
y = activation(torch.mm(features, weights.view(5, 1)) + bias)
print(y)
print(torch.sigmoid(torch.mm(features, weights.view(5, 1)) + bias))
'''),
    ('tutorial.grad-fn', '''
print(y.grad_fn.name())
print(y.grad_fn.next_functions[0][0].name())
y.sum().backward()
print(weights.grad)
'''),
]

NET = [
    (None, '''
def activation(x):
    return 1 / (1 + torch.exp(-x))
'''),
    ('tutorial.net-params', '''
torch.manual_seed(7)
features = torch.randn(1, 3)
W1 = torch.randn((3, 2), requires_grad=True)
W2 = torch.randn((2,), requires_grad=True)
B1 = torch.randn((2,), requires_grad=True)
B2 = torch.randn((), requires_grad=True)
print(features)
print(W1)
print(W2)
print(B1)
print(B2)
'''),
    ('tutorial.net-forward', '''
h1 = activation(torch.mm(features, W1) + B1)
output = torch.sigmoid(h1 @ W2 + B2)
print(h1)
print(output)
'''),
    ('tutorial.net-backward', '''
output.backward()
print(W1.grad)
print(W2.grad)
print(B1.grad)
print(B2.grad)
'''),
]

EXAMPLES = {**session(NB), **session(NET)}
