"""Golden nn.Module behaviour from real PyTorch (1.13): reprs, traversal order,
state-dict keys and load_state_dict error texts.

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_module.py`.
Writes packages/nn/test/fixtures/nn_module.json (also `clip_grad_norm_` for
norm types 2, 1, inf and 3, and `clip_grad_value_`, on float32 gradients).
"""
import torch
from torch import nn

from _common import write_json


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 3)
        self.act = nn.ReLU()
        self.blocks = nn.ModuleList([nn.Linear(3, 3), nn.Linear(3, 3)])
        self.heads = nn.ModuleDict({'a': nn.Linear(3, 1)})
        self.register_buffer('scale', torch.ones(1))
        self.register_buffer('tmp', torch.zeros(1), persistent=False)
        self.w = nn.Parameter(torch.zeros(2))

    def forward(self, x):
        x = self.act(self.fc1(x))
        for b in self.blocks:
            x = b(x)
        return self.heads['a'](x) * self.scale + self.w.sum()


def load_error(m, edit):
    sd = m.state_dict()
    edit(sd)
    try:
        m.load_state_dict(sd)
    except RuntimeError as e:
        return str(e)
    return None


def clip_cases():
    torch.manual_seed(5)
    grads = [torch.randn(3, 4), torch.randn(5)]
    out = {'grads': [g.tolist() for g in grads], 'norm': []}
    for norm_type in (2.0, 1.0, float('inf'), 3.0):
        ps = [nn.Parameter(torch.zeros_like(g)) for g in grads]
        for p, g in zip(ps, grads):
            p.grad = g.clone()
        total = nn.utils.clip_grad_norm_(ps, max_norm=0.5, norm_type=norm_type)
        out['norm'].append({'norm_type': 'inf' if norm_type == float('inf') else norm_type, 'total': total.item(), 'grads': [p.grad.tolist() for p in ps]})
    ps = [nn.Parameter(torch.zeros_like(g)) for g in grads]
    for p, g in zip(ps, grads):
        p.grad = g.clone()
    nn.utils.clip_grad_value_(ps, 0.3)
    out['value'] = [p.grad.tolist() for p in ps]
    return out


def main():
    torch.manual_seed(0)
    net = Net()
    seq = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3))

    def edit(sd):
        del sd['0.bias']
        sd['extra.w'] = torch.zeros(1)
        sd['1.weight'] = torch.zeros(4)

    x = torch.randn(4, 2)
    out = net(x)
    write_json('packages/nn/test/fixtures/nn_module.json', {
        'net_repr': repr(net),
        'named_parameters': [n for n, _ in net.named_parameters()],
        'named_buffers': [n for n, _ in net.named_buffers()],
        'named_modules': [n for n, _ in net.named_modules()],
        'named_children': [n for n, _ in net.named_children()],
        'state_dict_keys': list(net.state_dict().keys()),
        'load_error': load_error(seq, edit),
        'missing_only_error': load_error(seq, lambda sd: sd.pop('1.running_var')),
        'parameter_repr': repr(nn.Parameter(torch.tensor([1.0, 2.0]))),
        'parameter_no_grad_repr': repr(nn.Parameter(torch.tensor([1.0, 2.0]), requires_grad=False)),
        'x': x.tolist(),
        'out': out.detach().tolist(),
        'seq_slice_repr': repr(nn.Sequential(nn.Linear(1, 2), nn.ReLU(), nn.Tanh())[1:]),
        'empty_sequential_repr': repr(nn.Sequential()),
        'losses_repr': [repr(nn.MSELoss()), repr(nn.CrossEntropyLoss(label_smoothing=0.1))],
        'clip': clip_cases(),
    })


if __name__ == '__main__':
    main()
