"""The demo Playground's Export, checked by PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/demo_export.py`.

1. Trains, in PyTorch, the Playground's model on the Playground's data set for CONFIG below
   (apps/demo/src/playground/model.ts, line for line: the same generator draws, the same
   `nn.Linear` initialisation from `torch.manual_seed`, full-batch BCE-with-logits steps) and
   records the trained state dict; also records every data set the page offers and the first
   losses of every activation with every optimizer (the unit test repeats them).
2. Loads `apps/demo/test/fixtures/playground-export.pt` — the file the Playground's Export
   button saved in Chromium for CONFIG (written by `DEMO_WRITE_FIXTURE=1 npx vitest run
   test/playground.e2e.test.ts`) — with `torch.load(f, weights_only=True)`, loads it into the
   model with `load_state_dict(strict=True)`, and records the file's sha256, keys, shapes and
   values, the model's predictions on the data set, and how far the file's values are from
   PyTorch's own training (float32 rounding only: same data, same initial weights, same steps).

Writes `apps/demo/test/fixtures/playground-export.json`. The end-to-end test requires the
exported file to be byte-identical to the one PyTorch loaded here (sha256), and the unit test
requires the TypeScript training to match PyTorch's state dict.
"""
import hashlib
import math
import os
import sys

import torch
from torch import nn

from _common import ROOT, enc_result, write_json

FIX = os.path.join(ROOT, 'apps/demo/test/fixtures')
PT = os.path.join(FIX, 'playground-export.pt')

# What the end-to-end test sets in the page before training (and the unit test repeats).
CONFIG = {
    'dataset': 'moons',
    'layers': 2,
    'width': 8,
    'activation': 'tanh',
    'optimizer': 'adam',
    'lr': 0.03,
    'seed': 7,
    'points': 200,
    'noise': 0.05,
}
STEPS = 200


def make_dataset(name, points, noise, seed):
    """model.ts makeDataset: every draw in the same order from one seeded generator."""
    g = torch.Generator().manual_seed(seed)
    m = points // 2

    def half(cls):
        if name == 'spirals':
            t = torch.rand(m, generator=g)
            angle = t.mul(3 * math.pi).add(cls * math.pi)
            px, py = t.mul(angle.cos()), t.mul(angle.sin())
        elif name == 'circles':
            r = torch.rand(m, generator=g).mul(0.5 if cls == 0 else 0.3).add(0 if cls == 0 else 0.7)
            angle = torch.rand(m, generator=g).mul(2 * math.pi)
            px, py = r.mul(angle.cos()), r.mul(angle.sin())
        elif name == 'xor':
            u = torch.rand(m, 2, generator=g).mul(2).sub(1)
            sx, sy = u.select(1, 0), u.select(1, 1)
            sign = sx.sign().mul(-1 if cls == 0 else 1)
            px, py = sx, sy.abs().mul(sign)
        else:
            theta = torch.rand(m, generator=g).mul(math.pi)
            cx = theta.cos() if cls == 0 else torch.ones_like(theta).sub(theta.cos())
            cy = theta.sin() if cls == 0 else torch.full_like(theta, 0.5).sub(theta.sin())
            px, py = cx.sub(0.5).div(1.5), cy.sub(0.25).div(1.5)
        xy = torch.stack([px, py], 1)
        return xy.add(torch.randn(m, 2, generator=g).mul(noise)), torch.full((m, 1), cls, dtype=torch.float32)

    x0, y0 = half(0)
    x1, y1 = half(1)
    return torch.cat([x0, x1]), torch.cat([y0, y1])


ACT = {'tanh': nn.Tanh, 'relu': nn.ReLU, 'sigmoid': nn.Sigmoid, 'gelu': nn.GELU}


def make_model(cfg):
    torch.manual_seed(cfg['seed'])
    mods, in_f = [], 2
    for _ in range(cfg['layers']):
        mods += [nn.Linear(in_f, cfg['width']), ACT[cfg['activation']]()]
        in_f = cfg['width']
    mods.append(nn.Linear(in_f, 1))
    return nn.Sequential(*mods)


def make_optimizer(model, cfg):
    p = model.parameters()
    if cfg['optimizer'] == 'adam':
        return torch.optim.Adam(p, lr=cfg['lr'])
    if cfg['optimizer'] == 'sgd':
        return torch.optim.SGD(p, lr=cfg['lr'], momentum=0.9)
    return torch.optim.RMSprop(p, lr=cfg['lr'])


def train(cfg, steps):
    x, y = make_dataset(cfg['dataset'], cfg['points'], cfg['noise'], cfg['seed'])
    model = make_model(cfg)
    opt = make_optimizer(model, cfg)
    loss_fn = nn.BCEWithLogitsLoss()
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return model, x, y, losses


DATASETS = ['spirals', 'circles', 'xor', 'moons']
OPTIMIZERS = ['adam', 'sgd', 'rmsprop']
SHORT_STEPS = 20


def main():
    torch.set_num_threads(1)
    model, x, y, losses = train(CONFIG, STEPS)
    out = {
        'config': CONFIG,
        'steps': STEPS,
        'pytorch': {
            'first_loss': losses[0],
            'last_loss': losses[-1],
            'state_dict': {k: enc_result(v) for k, v in model.state_dict().items()},
        },
        # every data set the page offers, drawn for CONFIG's seed, points and noise
        'datasets': {
            name: dict(zip(('x', 'y'), map(enc_result, make_dataset(name, CONFIG['points'], CONFIG['noise'], CONFIG['seed']))))
            for name in DATASETS
        },
        # every activation with every optimizer: SHORT_STEPS losses on the spirals, at lr 0.01
        # (at 0.03, RMSprop's first steps, about lr * sign(grad), amplify a last-bit difference
        # in GELU's value threefold per step, which would test the rounding, not the code)
        'runs': [
            {'config': cfg, 'losses': train(cfg, SHORT_STEPS)[3]}
            for cfg in (dict(CONFIG, dataset='spirals', activation=a, optimizer=o, lr=0.01) for a in ACT for o in OPTIMIZERS)
        ],
    }
    if not os.path.exists(PT):
        # first run: write PyTorch's part, which the end-to-end test needs to drive the page
        write_json('apps/demo/test/fixtures/playground-export.json', out)
        sys.exit(f'{PT} is missing: run DEMO_WRITE_FIXTURE=1 npx vitest run test/playground.e2e.test.ts in apps/demo, then this script again')
    with open(PT, 'rb') as f:
        raw = f.read()
    sd = torch.load(PT, weights_only=True)  # the check: a file PyTorch cannot load stops here
    loaded = make_model(CONFIG)
    loaded.load_state_dict(sd, strict=True)  # and one whose keys or shapes differ stops here
    with torch.no_grad():
        probs = loaded(x).sigmoid().reshape(-1)
    diff = max((sd[k] - v).abs().max().item() for k, v in model.state_dict().items())
    out['file'] = {
        'sha256': hashlib.sha256(raw).hexdigest(),
        'bytes': len(raw),
        'keys': list(sd.keys()),
        'state_dict': {k: enc_result(v) for k, v in sd.items()},
        'loss': nn.BCEWithLogitsLoss()(loaded(x), y).item(),
        'accuracy': ((probs > 0.5).float() == y.reshape(-1)).float().mean().item(),
        'max_abs_diff_vs_pytorch_training': diff,
    }
    print(f'loaded {len(raw)} bytes with weights_only=True: keys {list(sd.keys())}; '
          f'max |file - PyTorch training| = {diff:.3g}; PyTorch loss {losses[0]:.4f} -> {losses[-1]:.4f}')
    write_json('apps/demo/test/fixtures/playground-export.json', out)


if __name__ == '__main__':
    main()
