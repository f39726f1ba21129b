"""A training step of a tiny model in float16 and in bfloat16 on the CPU (PyTorch 1.13), golden for
autograd through the 16-bit dtypes: forward, MSE loss, backward (gradients in the parameters'
dtype), one SGD step with momentum, a second forward. Writes packages/nn/test/fixtures/half/half_training.json.

    /usr/bin/python3 tools/golden/half_training.py

The layers are built from the ops 1.13's CPU has for float16 (mul, add, sub, sum, mean, maximum):
1.13 has no float16 `addmm` ("addmm_impl_cpu_" not implemented for 'Half'), no `relu`
("clamp_min_cpu") and no `mse_loss` kernel for either dtype ("mse_cpu" not implemented for
'BFloat16'), so `linear(x) = (x[:, :, None] * w.t()).sum(1) + b`, `relu(h) = maximum(h, 0)`,
`mse(y, t) = ((y - t) * (y - t)).mean()`; the same expressions run in Antorcha. (With nn.Linear
and F.relu, float16 needs 2.x's kernels, which compute in float32 and round once, as Antorcha does;
the op cases of ops_half.py cover those.)
"""
import torch

from _common import enc_value, write_json

out = {}
for dt in [torch.float16, torch.bfloat16]:
    torch.manual_seed(11)
    w1 = (torch.randn(6, 4) * 0.5).to(dt).requires_grad_()
    b1 = (torch.randn(6) * 0.1).to(dt).requires_grad_()
    w2 = (torch.randn(2, 6) * 0.5).to(dt).requires_grad_()
    b2 = (torch.randn(2) * 0.1).to(dt).requires_grad_()
    x = torch.randn(5, 4).to(dt)
    t = torch.randn(5, 2).to(dt)
    params = [w1, b1, w2, b2]
    init = [p.detach().clone() for p in params]

    def forward():
        h = (x[:, :, None] * w1.t()).sum(1) + b1
        h = torch.maximum(h, torch.zeros((), dtype=dt))
        y = (h[:, :, None] * w2.t()).sum(1) + b2
        d = y - t
        return (d * d).mean()

    # lr = 2^-3: lr·grad is exact, so the update rounds once however the kernel orders it (1.13's
    # bfloat16 add_ with alpha fuses alpha·grad + p in float in its vector body but rounds alpha·grad
    # to bfloat16 first in its scalar tail; 2.x and Antorcha compute in float and round once)
    opt = torch.optim.SGD(params, lr=0.125, momentum=0.9)
    loss = forward()
    loss.backward()
    grads = [p.grad.detach().clone() for p in params]
    opt.step()
    loss2 = forward()
    enc = lambda a: {'dtype': str(a.dtype).replace('torch.', ''), 'shape': list(a.shape), 'values': [enc_value(v) for v in a.detach().reshape(-1).tolist()]}
    out[str(dt).replace('torch.', '')] = {
        'params': [enc(p) for p in init], 'x': enc(x), 't': enc(t), 'loss': enc(loss), 'grad_fn': type(loss.grad_fn).__name__,
        'grads': [enc(g) for g in grads], 'updated': [enc(p) for p in params], 'loss2': enc(loss2),
    }
write_json('packages/nn/test/fixtures/half/half_training.json', out)
