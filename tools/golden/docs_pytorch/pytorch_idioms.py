"""PyTorch programs for apps/docs/guide/coming-from-pytorch.md: each prints what its ```ts block shows."""

EXAMPLES = {
    'pytorch_idioms.naming': '''
torch.manual_seed(0)
x = torch.randn(2, 3, requires_grad=True)
print(x.sum(1, keepdim=True))
y = torch.zeros_like(x)
y.add_(x.detach())
print(y.abs().amax(1))
''',
    'pytorch_idioms.operators': '''
a = torch.tensor([[1., 2.], [3., 4.]])
b = torch.tensor([[0.5, -1.], [2., 0.]])
print(a + b)
print(a @ b)
print(2 - a)
print(a ** 2)
print(a > 2)
a += b
print(a)
''',
    'pytorch_idioms.dtypes': '''
print(torch.float32)
print(torch.tensor([1, 2]).dtype)
print(torch.tensor([1.5, 2]).dtype)
print(torch.tensor([1, 2], dtype=torch.float32))
print(torch.ones(2).to(torch.int32))
print(torch.tensor([1, 2], dtype=torch.float64).dtype)
''',
    'pytorch_idioms.shape': '''
x = torch.zeros(3, 4)
print(x.shape)
print(x.size())
print(x.size(1), x.shape[0], x.shape[-1])
print(x.dim(), x.numel())
''',
    'pytorch_idioms.slicing': '''
x = torch.arange(12).reshape(3, 4)
print(x[:, 1:3])
print(x[-1, ::2])
print(x[..., 0])
print(x[None].shape)
''',
    'pytorch_idioms.advanced-index': '''
x = torch.arange(12).reshape(3, 4)
idx = torch.tensor([2, 0])
print(x[idx])
print(x[:, idx])
print(x[x > 8])
''',
    'pytorch_idioms.set-index': '''
x = torch.tensor([[1.5, -2.], [3., -4.]])
x[x < 0] = 0
print(x)
x[:, 0] = 1
print(x)
''',
    'pytorch_idioms.no-grad': '''
w = torch.tensor([1., 2.], requires_grad=True)
print(w * 2)
with torch.no_grad():
    y = w * 2
print(y)
''',
    'pytorch_idioms.backward': '''
w = torch.tensor([1., 2., 3.], requires_grad=True)
loss = (w * w).sum()
print(loss)
loss.backward()
print(w.grad)
''',
    'pytorch_idioms.training-loop': '''
torch.manual_seed(0)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(8, 3)
y = torch.randn(8, 1)
for step in range(3):
    optimizer.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    print(step, loss.item())
''',
    'pytorch_idioms.device': '''
model = nn.Linear(2, 1)
model.to('cpu')
x = torch.ones(1, 2, device='cpu')
print(model.weight.device, x.device)
''',
    'pytorch_idioms.item': '''
loss = torch.tensor([0.5, 1.25]).mean()
print(loss.item())
''',
    'pytorch_idioms.seed': '''
torch.manual_seed(42)
print(torch.rand(3))
print(torch.randn(2, 2))
g = torch.Generator().manual_seed(1)
print(torch.rand(2, generator=g))
''',
    'pytorch_idioms.printing': '''
x = torch.tensor([1 / 3, 2 / 3])
print(x)
print(f'x = {x}')
torch.set_printoptions(precision=2)
print(x)
torch.set_printoptions(profile='default')
''',
    'pytorch_idioms.save': '''
import io
torch.manual_seed(0)
model = nn.Linear(2, 1)
buf = io.BytesIO()
torch.save(model.state_dict(), buf)
buf.seek(0)
state = torch.load(buf)
print(', '.join(state.keys()))
print(state['bias'])
copy = nn.Linear(2, 1)
copy.load_state_dict(state)
print(copy.weight)
''',
    'pytorch_idioms.errors': '''
try:
    torch.mm(torch.ones(2, 3), torch.ones(2, 3))
except RuntimeError as e:
    print(f'{type(e).__name__}: {e}')
try:
    torch.arange(3)[5]
except IndexError as e:
    print(f'{type(e).__name__}: {e}')
''',
}
