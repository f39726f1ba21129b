"""The device-independent training script of issue #13, run by real PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/train_anywhere.py`.
Writes packages/backend-webgpu/test/fixtures/train_anywhere.json: for two runs,
the loss of every step and the trained state dict. The TypeScript test runs the
same script on 'cpu' and on 'webgpu' (one `tidy` per step) and compares both
with these values.

- `classifier`: `torch.manual_seed(0)`, data `randn(96, 6)` with labels from a
  fixed rule, an MLP 6-32-3 (Linear, Tanh, Linear), `CrossEntropyLoss`, Adam
  (lr 1e-2), a shuffled `DataLoader` (batch 32, its own generator seeded 1), 4 epochs.
- `embedding`: `torch.manual_seed(1)`, tokens `randint(0, 20, (64, 5))` with labels
  from a fixed rule, `Embedding(20, 8)` → mean over tokens → `Linear(8, 4)` →
  `LogSoftmax(1)`, `NLLLoss`, SGD (lr 0.1, momentum 0.9), 30 full-batch steps.
"""
import os

import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

from _common import ROOT, enc_result, write_json


def classifier():
    torch.manual_seed(0)
    x = torch.randn(96, 6)
    y = torch.bucketize((x * torch.linspace(-1, 1, 6)).sum(1), torch.tensor([-0.5, 0.5]))
    model = nn.Sequential(nn.Linear(6, 32), nn.Tanh(), nn.Linear(32, 3))
    opt = optim.Adam(model.parameters(), lr=1e-2)
    loss_fn = nn.CrossEntropyLoss()
    loader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(1))
    losses = []
    for _ in range(4):
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            losses.append(loss.item())
    return {'losses': losses, 'state': {k: enc_result(v) for k, v in model.state_dict().items()}}


class Bag(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(20, 8)
        self.out = nn.Linear(8, 4)
        self.log_softmax = nn.LogSoftmax(1)

    def forward(self, tokens):
        return self.log_softmax(self.out(self.emb(tokens).mean(1)))


def embedding():
    torch.manual_seed(1)
    tokens = torch.randint(0, 20, (64, 5))
    y = tokens.sum(1) % 4
    model = Bag()
    opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss_fn = nn.NLLLoss()
    losses = []
    for _ in range(30):
        opt.zero_grad()
        loss = loss_fn(model(tokens), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return {'losses': losses, 'state': {k: enc_result(v) for k, v in model.state_dict().items()}}


if __name__ == '__main__':
    write_json(os.path.join(ROOT, 'packages/backend-webgpu/test/fixtures/train_anywhere.json'),
               {'torch': torch.__version__, 'classifier': classifier(), 'embedding': embedding()})
