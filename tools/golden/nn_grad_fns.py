"""PyTorch's backward node names for nn functional ops (`type(out.grad_fn).__name__`),
with the names of the top node's `next_functions`.

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_grad_fns.py`.
Writes packages/nn/test/fixtures/nn_grad_fns.json: case name -> {grad_fn, next}.
The TypeScript test builds the same calls (shapes and arguments as below) on its own
random inputs: node names do not depend on values.
"""
import torch
import torch.nn.functional as F

from _common import write_json

torch.manual_seed(0)


def rg(*shape):
    return torch.randn(*shape, requires_grad=True)


x = rg(2, 3, 8, 8)
w = rg(4, 3, 3, 3)
b = rg(4)
v = rg(5, 6)
W = rg(7, 6)
B = rg(7)
t = torch.tensor([1, 0, 3, 2, 1])
p = torch.rand(5, 6, requires_grad=True)
z = torch.zeros(5, 6)

cases = {
    'linear/bias': lambda: F.linear(v, W, B),
    'linear/nobias': lambda: F.linear(v, W),
    'linear/3d': lambda: F.linear(rg(2, 5, 6), W, B),
    'linear/1d': lambda: F.linear(rg(6), W, B),
    'conv2d/bias': lambda: F.conv2d(x, w, b),
    'conv2d/nobias': lambda: F.conv2d(x, w),
    'conv2d/unbatched': lambda: F.conv2d(rg(3, 8, 8), w),
    'conv1d': lambda: F.conv1d(rg(2, 3, 9), rg(4, 3, 3)),
    'conv_transpose2d': lambda: F.conv_transpose2d(rg(1, 3, 4, 4), rg(3, 2, 3, 3)),
    'max_pool2d': lambda: F.max_pool2d(x, 2),
    'max_pool2d/unbatched': lambda: F.max_pool2d(rg(3, 8, 8), 2),
    'max_pool1d': lambda: F.max_pool1d(rg(2, 3, 8), 2),
    'avg_pool2d': lambda: F.avg_pool2d(x, 2),
    'avg_pool1d': lambda: F.avg_pool1d(rg(2, 3, 8), 2),
    'adaptive_avg_pool2d/1': lambda: F.adaptive_avg_pool2d(x, 1),
    'adaptive_avg_pool2d/2': lambda: F.adaptive_avg_pool2d(x, 2),
    'adaptive_max_pool2d': lambda: F.adaptive_max_pool2d(x, 2),
    'batch_norm/train': lambda: F.batch_norm(x, torch.zeros(3), torch.ones(3), rg(3), rg(3), training=True),
    'batch_norm/eval': lambda: F.batch_norm(x, torch.zeros(3), torch.ones(3), rg(3), rg(3), training=False),
    'layer_norm': lambda: F.layer_norm(v, [6], rg(6), rg(6)),
    'group_norm': lambda: F.group_norm(rg(2, 4, 3), 2),
    'cross_entropy': lambda: F.cross_entropy(v, t),
    'nll_loss': lambda: F.nll_loss(F.log_softmax(v, 1), t),
    'nll_loss/4d': lambda: F.nll_loss(rg(2, 3, 4, 4), torch.zeros(2, 4, 4, dtype=torch.long)),
    'mse_loss': lambda: F.mse_loss(v, z),
    'mse_loss/none': lambda: F.mse_loss(v, z, reduction='none'),
    'l1_loss': lambda: F.l1_loss(v, z),
    'binary_cross_entropy': lambda: F.binary_cross_entropy(p, torch.rand(5, 6)),
    'binary_cross_entropy_with_logits': lambda: F.binary_cross_entropy_with_logits(v, torch.rand(5, 6)),
    'smooth_l1_loss': lambda: F.smooth_l1_loss(v, z),
    'huber_loss': lambda: F.huber_loss(v, z),
    'kl_div': lambda: F.kl_div(F.log_softmax(v, 1), F.softmax(torch.randn(5, 6), 1), reduction='batchmean'),
    'softmax': lambda: F.softmax(v, 1),
    'log_softmax': lambda: F.log_softmax(v, 1),
    'relu': lambda: F.relu(v),
    'gelu': lambda: F.gelu(v),
    'silu': lambda: F.silu(v),
    'leaky_relu': lambda: F.leaky_relu(v),
    'elu': lambda: F.elu(v),
    'softplus': lambda: F.softplus(v),
    'hardtanh': lambda: F.hardtanh(v),
    'dropout/train': lambda: F.dropout(v, 0.5, training=True),
    'embedding': lambda: F.embedding(t, W),
    'pad': lambda: F.pad(v, (1, 1)),
    'hardswish': lambda: F.hardswish(v),
    'hardsigmoid': lambda: F.hardsigmoid(v),
    'mish': lambda: F.mish(v),
    'selu': lambda: F.selu(v),
    'celu': lambda: F.celu(v),
    'softsign': lambda: F.softsign(v),
    'tanhshrink': lambda: F.tanhshrink(v),
    'threshold': lambda: F.threshold(v, 0.1, 20.0),
    'glu': lambda: F.glu(v),
    'prelu': lambda: F.prelu(v, torch.tensor([0.25], requires_grad=True)),
    'interpolate/nearest2d': lambda: F.interpolate(x, scale_factor=2),
    'interpolate/bilinear2d': lambda: F.interpolate(x, size=(5, 7), mode='bilinear'),
    'interpolate/nearest1d': lambda: F.interpolate(rg(2, 3, 5), size=8),
    'pixel_shuffle': lambda: F.pixel_shuffle(rg(1, 8, 2, 3), 2),
    'pixel_unshuffle': lambda: F.pixel_unshuffle(rg(1, 2, 4, 6), 2),
    'conv_transpose1d': lambda: F.conv_transpose1d(rg(2, 3, 5), rg(3, 2, 3), stride=2),
    'interpolate/linear1d': lambda: F.interpolate(rg(2, 3, 5), scale_factor=1.5, mode='linear'),
}


def name(fn):
    return None if fn is None else type(fn).__name__


out = {}
for k, f in cases.items():
    r = f()
    out[k] = {'grad_fn': name(r.grad_fn), 'next': [name(n) for n, _ in r.grad_fn.next_functions]}
write_json('packages/nn/test/fixtures/nn_grad_fns.json', {'torch': torch.__version__, 'cases': out})
