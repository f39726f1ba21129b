"""PyTorch programs for the guide pages tensors.md, reproducibility.md and autograd.md."""

EXAMPLES = {
    # ---------------------------------------------------------------- guide/tensors.md
    'guide_a.create': '''
a = torch.tensor([[1, 2], [3, 4]])
b = torch.zeros(2, 3, dtype=torch.float64)
c = torch.arange(0, 1, 0.25)
d = torch.full((2, 2), 7.5)
print(a)
print(b)
print(c)
print(d)
''',
    'guide_a.default-dtype': '''
print(torch.get_default_dtype())
print(torch.tensor([1.5]).dtype)
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.5]).dtype)
''',
    'guide_a.promotion': '''
i = torch.tensor([1, 2, 3], dtype=torch.int32)
f = torch.tensor([1, 2, 3], dtype=torch.float32)
d0 = torch.tensor(2.5, dtype=torch.float64)
print(i + 2.5)
print(i + d0)
print(f + d0)
print(torch.result_type(i, torch.tensor(5)))
print(torch.promote_types(torch.uint8, torch.int32))
''',
    'guide_a.view-shares': '''
x = torch.arange(6)
v = x.view(2, 3)
print(v.shape)
v[0, 1] = 100
v[:, 2].fill_(-1)
print(x)
''',
    'guide_a.resize': '''
r = torch.tensor([1.5, 2, 3, 4, 5, 6])
r.resize_(2, 2)
print(r)
''',
    'guide_a.broadcast': '''
col = torch.tensor([[0], [10], [20]])
row = torch.tensor([1, 2, 3, 4])
print(col + row)
try:
    torch.ones(2, 3) + torch.ones(4)
except RuntimeError as e:
    print(e)
''',
    'guide_a.indexing': '''
x = torch.arange(12).view(3, 4)
print(x[:, 1:3])
print(x[x > 8])
print(x[torch.tensor([2, 0])])
x[x % 2 == 0] = 0
x[0, 1:3] = -7
print(x)
''',
    'guide_a.inplace': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32)
x.mul_(2).add_(1)
print(x)
w = torch.ones(3, requires_grad=True)
try:
    w.add_(1)
except RuntimeError as e:
    print(e)
''',
    # ---------------------------------------------------------------- guide/reproducibility.md
    'guide_a.seed-streams': '''
torch.manual_seed(0)
print(torch.rand(2, 3))
print(torch.randn(2, 3))
print(torch.randint(0, 10, (6,)))
print(torch.randperm(8))
''',
    'guide_a.every-digit': '''
torch.manual_seed(0)
x = torch.randn(16)
for v in x[13:16].tolist():
    print(v)
''',
    'guide_a.fills': '''
torch.manual_seed(0)
print(torch.empty(4).normal_(2, 0.5))
print(torch.empty(4).uniform_(-1, 1))
print(nn.functional.dropout(torch.ones(8), 0.5))
torch.manual_seed(0)
layer = nn.Linear(3, 2)
print(layer.weight)
print(layer.bias)
''',
    'guide_a.generator': '''
g = torch.Generator().manual_seed(42)
print(torch.randn(3, generator=g))
print(torch.rand(3, generator=g))
print(g.initial_seed())
''',
    'guide_a.rng-state': '''
torch.manual_seed(1)
state = torch.get_rng_state()
print(state.shape)
print(torch.randn(3))
torch.set_rng_state(state)
print(torch.randn(3))
''',
    'guide_a.compat-113': '''
torch.manual_seed(3)
x = torch.randn(4, dtype=torch.float64)
for v in x.tolist():
    print(v)
''',
    # ---------------------------------------------------------------- guide/autograd.md
    'guide_a.grad-fn': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
y = (x * 2).sigmoid()
print(x)
print(y)
print(y.grad_fn.name())
loss = y.sum()
print(loss)
''',
    'guide_a.backward': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
(x * 2).sigmoid().sum().backward()
print(x.grad)
(x * x).backward(torch.tensor([1, 0.5, 0.25]))
print(x.grad)
x.grad = None
''',
    'guide_a.retain-graph': '''
w = torch.tensor([1, 2], dtype=torch.float32, requires_grad=True)
s = w.exp().sum()
s.backward(None, retain_graph=True)
s.backward()
print(w.grad)
try:
    s.backward()
except RuntimeError as e:
    print(e)
''',
    'guide_a.no-grad': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y)
d = x.detach()
print(d)
d[0] = 10
print(x)
''',
    'guide_a.higher-order': '''
x = torch.tensor([2], dtype=torch.float32, requires_grad=True)
y = x.pow(3)
dy, = torch.autograd.grad(y, [x], create_graph=True)
print(dy)
d2y, = torch.autograd.grad(dy, [x])
print(d2y)
''',
    'guide_a.version': '''
x = torch.tensor([1, 2], dtype=torch.float32, requires_grad=True)
e = x.exp()
e.add_(1)
try:
    e.sum().backward()
except RuntimeError as err:
    print(err)
''',
    'guide_a.custom-function': '''
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * x * 2


x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
q = Square.apply(x)
print(q)
q.sum().backward()
print(x.grad)
''',
    'guide_a.anomaly': '''
import warnings
x = torch.tensor([0, 1], dtype=torch.float32, requires_grad=True)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    try:
        with torch.autograd.detect_anomaly():
            x.sqrt().mul(0).sum().backward()
    except RuntimeError as e:
        print(e)
''',
}
