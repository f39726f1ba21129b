#!/usr/bin/env python3
"""PyTorch's column of `pnpm bench`: times the same rows, with the same shapes, as bench/src/run.mjs.

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 torch_rows.py --threads 1 --time 0.6 --rows matmul-512,mlp-64
Prints one JSON object: {"torch": version, "threads": n, "blas": [libraries mapped], "rows": {id: seconds per call}}.
Seconds are the median over samples; tiny ops are timed in batches so the loop's cost is spread over many calls.
run.mjs starts it once per thread count (OpenBLAS reads OPENBLAS_NUM_THREADS when it loads, so a 2-thread pass
needs its own process).
"""
import argparse
import json
import re
import statistics
import time

import torch
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument('--threads', type=int, default=1)
p.add_argument('--time', type=float, default=0.6, help='seconds per row')
p.add_argument('--rows', default='', help='comma-separated row ids (empty: all)')
args = p.parse_args()
torch.set_num_threads(args.threads)
torch.manual_seed(0)

ROWS = {}


def row(rid):
    def deco(fn):
        ROWS[rid] = fn
        return fn
    return deco


for n in (128, 256, 512, 1024):
    def mm(n=n):
        a, b = torch.randn(n, n), torch.randn(n, n)
        return lambda: a @ b
    row(f'matmul-{n}')(mm)


@row('conv2d')
def conv2d():
    x = torch.randn(8, 32, 64, 64)
    w = torch.randn(64, 32, 3, 3)
    return lambda: F.conv2d(x, w, padding=1)


for label, n in (('1M', 1 << 20), ('16M', 1 << 24)):
    def add(n=n):
        a, b = torch.randn(n), torch.randn(n)
        return lambda: a + b
    row(f'add-{label}')(add)

    def exp(n=n):
        a = torch.randn(n)
        return lambda: a.exp()
    row(f'exp-{label}')(exp)


@row('sum-16M')
def sum16m():
    a = torch.randn(1 << 24)
    return lambda: a.sum()


@row('softmax')
def softmax():
    a = torch.randn(1024, 1024)
    return lambda: a.softmax(-1)


@row('fft-1M')
def fft1m():
    x = torch.complex(torch.randn(1 << 20), torch.randn(1 << 20))
    return lambda: torch.fft.fft(x)


def train_step(model, x, y, lr=0.01):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()
        opt.step()
    return step


for batch in (64, 256):
    def mlp(batch=batch):
        model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
        return train_step(model, torch.randn(batch, 784), torch.randint(0, 10, (batch,)))
    row(f'mlp-{batch}')(mlp)


@row('cnn-64')
def cnn():
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.ReLU(),
                          nn.MaxPool2d(2), nn.Flatten(), nn.Linear(16 * 5 * 5, 10))
    return train_step(model, torch.randn(64, 1, 28, 28), torch.randint(0, 10, (64,)))


@row('add1x5')
def add1x5():
    a, b = torch.randn(1, 5), torch.randn(1, 5)
    return lambda: a + b


@row('add1x5-grad')
def add1x5_grad():
    a, b = torch.randn(1, 5, requires_grad=True), torch.randn(1, 5)
    return lambda: a + b


def measure(fn, budget):
    """Median seconds per call: warm up, pick a batch size of >= 1 ms, sample until the budget is spent (>= 3)."""
    fn()
    t0 = time.perf_counter()
    fn()
    one = max(time.perf_counter() - t0, 1e-9)
    inner = max(1, int(1e-3 / one))
    samples = []
    start = time.perf_counter()
    while len(samples) < 3 or (time.perf_counter() - start < budget and len(samples) < 10000):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - t0) / inner)
    return statistics.median(samples)


wanted = [r for r in args.rows.split(',') if r] or list(ROWS)
out = {}
for rid in wanted:
    if rid in ROWS:
        out[rid] = measure(ROWS[rid](), args.time)

maps = open('/proc/self/maps').read()
blas = sorted(set(re.findall(r'/\S*(?:blas|mkl)\S*\.so\S*', maps)))
print(json.dumps({'torch': torch.__version__, 'threads': torch.get_num_threads(), 'blas': blas, 'rows': out}))
