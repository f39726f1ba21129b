"""PyTorch programs for the examples of apps/docs/guide/models.md, devices.md and saving-loading.md."""

EXAMPLES = {
    # ---------------------------------------------------------------- models.md
    'guide_b.module-repr': '''
class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))

net = TinyNet()
print(net)
for name, p in net.named_parameters():
    print(name, p.shape)
''',
    'guide_b.sequential-init': '''
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 2), nn.Tanh())
print(model)
print(model[0].weight)
print(len(list(model.parameters())))
''',
    'guide_b.losses': '''
torch.manual_seed(0)
logits = torch.randn(4, 3, requires_grad=True)
target = torch.tensor([0, 2, 1, 2])
ce = nn.CrossEntropyLoss()
print(ce(logits, target))
print(F.mse_loss(logits, torch.zeros_like(logits), reduction='sum'))
''',
    'guide_b.sgd-adam': '''
torch.manual_seed(0)
x = torch.randn(16, 3)
y = x.matmul(torch.tensor([[1.0], [-2.0], [0.5]])).add(0.1)

for name in ['SGD', 'Adam']:
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    if name == 'SGD':
        opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    else:
        opt = torch.optim.Adam(model.parameters(), lr=0.1)
    for step in range(4):
        opt.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        opt.step()
        print(f'{name} step {step}: {loss.item():.6f}')
''',
    'guide_b.steplr': '''
opt = torch.optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, 2, 0.5)
for epoch in range(6):
    print(f'epoch {epoch}: lr {sched.get_last_lr()[0]}')
    opt.step()
    sched.step()
''',
    'guide_b.dataloader': '''
ds = torch.utils.data.TensorDataset(torch.arange(10), torch.arange(10).mul(10))
g = torch.Generator().manual_seed(42)
loader = torch.utils.data.DataLoader(ds, batch_size=4, shuffle=True, generator=g)
for xb, yb in loader:
    print(xb, yb)
''',
    'guide_b.train-eval': '''
torch.manual_seed(0)
drop = nn.Dropout(0.5)
x = torch.ones(6)
print(drop(x))
drop.eval()
print(drop(x))
''',
    'guide_b.training-loop': '''
torch.manual_seed(0)
x = torch.randn(64, 2)
y = x.select(1, 0).mul(x.select(1, 1)).gt(0).long()

model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.05)
sched = torch.optim.lr_scheduler.StepLR(opt, 10, 0.5)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=16, shuffle=True)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(20):
    model.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * xb.size(0)
    sched.step()
    if epoch % 5 == 4:
        print(f'epoch {epoch}: loss {total / x.size(0):.4f}')

model.eval()
with torch.no_grad():
    accuracy = model(x).argmax(1).eq(y).float().mean()
print(f'accuracy {accuracy.item():.4f}')
''',
    # ---------------------------------------------------------------- devices.md
    'guide_b.cpu-device': """
x = torch.ones(2, 3)
print(str(x.device))
print(x.device.type, str(torch.device('cpu:0')))
""",
    'guide_b.either-device': """
device = 'cpu'
torch.manual_seed(0)
model = nn.Linear(4, 1).to(device)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(32, 4).to(device)
y = x.sum(1, keepdim=True)

for step in range(3):
    opt.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    print(f'step {step}: {loss.item():.4f}')
""",
    # ---------------------------------------------------------------- saving-loading.md
    'guide_b.state-dict': """
def make_model():
    return nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))

torch.manual_seed(0)
model = make_model()
sd = model.state_dict()
for name, t in sd.items():
    print(name, t.shape)

copy = make_model()
result = copy.load_state_dict(sd)
print(result.missing_keys, result.unexpected_keys)
x = torch.ones(1, 3)
print(model(x))
print(copy(x))
""",
    'guide_b.strict': """
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
partial = nn.Linear(3, 4).state_dict()
try:
    model.load_state_dict(partial)
except RuntimeError as e:
    print(e)
result = model.load_state_dict(partial, strict=False)
print(', '.join(result.missing_keys))
print(', '.join(result.unexpected_keys))
""",
    'guide_b.save-load': """
import io
torch.manual_seed(0)
model = nn.Linear(2, 2)
f = io.BytesIO()
torch.save({'epoch': 3, 'model': model.state_dict()}, f)
f.seek(0)

restored = nn.Linear(2, 2)
ckpt = torch.load(f, weights_only=True)
restored.load_state_dict(ckpt['model'])
print(ckpt['epoch'])
print(restored.weight)
""",
    'guide_b.load-pytorch-file': """
import io
torch.manual_seed(0)
f = io.BytesIO()
torch.save(nn.Linear(3, 2).state_dict(), f)  # what tools/golden/docs_guide_b_files.py writes
f.seek(0)
layer = nn.Linear(3, 2)
layer.load_state_dict(torch.load(f, weights_only=True))
print(layer.weight)
print(layer.bias)
""",
    'guide_b.half': """
import io
torch.manual_seed(0)
model = nn.Linear(3, 1)
f = io.BytesIO()
torch.save({'half': model.weight.half(), 'bf16': model.weight.bfloat16()}, f)
f.seek(0)
loaded = torch.load(f)
print(loaded['half'])
print(loaded['bf16'])
print(str(model.half().weight.dtype))
""",
    'guide_b.load-type': """
import io
f = io.BytesIO()
torch.save({'step': 10, 'scale': torch.tensor([0.5, 2])}, f)
f.seek(0)
loaded = torch.load(f, weights_only=True)
print(loaded['scale'].mul(2))
print(loaded['step'] + 1)
""",
    'guide_b.custom-dataset': """
class Squares(torch.utils.data.Dataset):
    def __len__(self):
        return 5

    def __getitem__(self, i):
        return {'x': torch.tensor([i, i * i]), 'label': i % 2}

loader = torch.utils.data.DataLoader(Squares(), batch_size=2)
for batch in loader:
    print(batch['x'], batch['label'])
""",
}
