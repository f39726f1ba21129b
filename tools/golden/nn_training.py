"""Golden training runs and data loading order from real PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_training.py`.
Writes packages/nn/test/fixtures/nn_training.json:
- `loaders`: batches (as dataset indices) of `DataLoader(TensorDataset(arange(n)),
  batch_size, shuffle, drop_last, generator)` over two epochs right after
  `torch.manual_seed(seed)`, then 3 values of `torch.rand` (where the default
  stream stands afterwards); `random_split` subsets;
- `runs`: 50 training steps of an MLP (SGD + momentum), an MLP with dropout
  (Adam), and a small CNN (conv, batch norm, max pool, linear; AdamW with a
  cosine schedule stepped per batch). Everything (data, initialisation, shuffling,
  dropout masks) comes from `torch.manual_seed(seed)`, in this order: data
  (`torch.randn`, labels from a fixed rule), model, then the loop. Records the
  loss of every step and a checksum of the data.
"""
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset, random_split

from _common import write_json


def loader_case(n, batch_size, shuffle, drop_last, seed, use_generator):
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed + 1000) if use_generator else None
    dl = DataLoader(TensorDataset(torch.arange(n)), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last, generator=g)
    epochs = []
    for _ in range(2):
        epochs.append([b[0].tolist() for b in dl])
    return {'n': n, 'batch_size': batch_size, 'shuffle': shuffle, 'drop_last': drop_last, 'seed': seed,
            'generator_seed': seed + 1000 if use_generator else None, 'epochs': epochs, 'after': torch.rand(3).tolist()}


def split_case(n, lengths, seed):
    torch.manual_seed(seed)
    parts = random_split(TensorDataset(torch.arange(n)), lengths)
    return {'n': n, 'lengths': lengths, 'seed': seed, 'subsets': [list(p.indices) for p in parts]}


def make_data(n, shape, classes):
    x = torch.randn(n, *shape)
    w = torch.linspace(-1, 1, x[0].numel())
    score = (x.reshape(n, -1) * w).sum(1)
    y = torch.bucketize(score, torch.linspace(-2, 2, classes - 1))
    return x, y


def mlp(din, dh, dout, p=0.0):
    layers = [nn.Linear(din, dh), nn.ReLU()]
    if p > 0:
        layers.append(nn.Dropout(p))
    layers.append(nn.Linear(dh, dout))
    return nn.Sequential(*layers)


def cnn():
    # Convolutions feeding batch norm have no bias (as usual): such a bias gets only
    # rounding noise as gradient, which Adam's normalisation would amplify into a
    # trajectory that depends on summation order, not on the maths.
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(4, 8, 3, padding=1, bias=False), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(8 * 3 * 3, 5),
    )


def run(name, seed, n, shape, classes, make_model, make_opt, make_sched, batch_size):
    torch.manual_seed(seed)
    x, y = make_data(n, shape, classes)
    model = make_model()
    opt = make_opt(model.parameters())
    sched = make_sched(opt) if make_sched else None
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=True)
    loss_fn = nn.CrossEntropyLoss()
    losses, lrs = [], []
    model.train()
    while len(losses) < 50:
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            if sched:
                sched.step()
            losses.append(loss.item())
            lrs.append(opt.param_groups[0]['lr'])
            if len(losses) == 50:
                break
    model.eval()
    with torch.no_grad():
        eval_loss = loss_fn(model(x), y).item()
    return {'name': name, 'seed': seed, 'n': n, 'shape': list(shape), 'classes': classes, 'batch_size': batch_size,
            'x_sum': x.double().sum().item(), 'y': y.tolist(), 'losses': losses, 'lrs': lrs, 'eval_loss': eval_loss}


def main():
    loaders = [
        loader_case(10, 4, True, False, 0, False),
        loader_case(10, 4, True, True, 1, False),
        loader_case(37, 8, True, False, 5, False),
        loader_case(37, 8, True, False, 5, True),
        loader_case(9, 2, False, False, 3, False),
    ]
    splits = [split_case(10, [3, 7], 0), split_case(11, [0.3, 0.7], 4)]
    runs = [
        run('mlp_sgd_momentum', 0, 256, (20,), 4, lambda: mlp(20, 64, 4),
            lambda p: optim.SGD(p, lr=0.05, momentum=0.9, foreach=False), None, 32),
        run('mlp_dropout_adam', 1, 256, (20,), 4, lambda: mlp(20, 64, 4, p=0.2),
            lambda p: optim.Adam(p, lr=1e-3, foreach=False), None, 32),
        run('cnn_adamw_cosine', 2, 128, (1, 12, 12), 5, cnn,
            lambda p: optim.AdamW(p, lr=1e-2, weight_decay=1e-2, foreach=False),
            lambda o: optim.lr_scheduler.CosineAnnealingLR(o, T_max=50), 16),
    ]
    write_json('packages/nn/test/fixtures/nn_training.json', {'loaders': loaders, 'splits': splits, 'runs': runs})


if __name__ == '__main__':
    main()
