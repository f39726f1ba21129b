"""Golden loss and functional cases from real PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_losses.py`.
Writes packages/nn/test/fixtures/nn_losses.json:
- `losses`: each loss module with its options (reduction, weights, ignore_index,
  label smoothing, pos_weight, beta/delta, log_target) on random float64 inputs:
  the loss, and the gradient of the input for a random output gradient;
- `functional`: functional ops that have no layer case (pad, one_hot, normalize,
  conv/pool keyword forms): inputs, options and outputs.
"""
import torch
import torch.nn.functional as F
from torch import nn

from _common import enc_result, write_json

F64 = torch.float64
torch.manual_seed(0)


def rnd(*s):
    return torch.randn(*s, dtype=F64)


def probs(*s):
    return torch.rand(*s, dtype=F64).mul(0.98).add(0.01)


LOSSES = []


def loss_case(name, make, inp, target, opts):
    LOSSES.append((name, make, inp, target, opts))


cls3 = torch.tensor([0, 2, 1, 2, 0, 1])
for red in ('mean', 'sum', 'none'):
    loss_case(f'mse_{red}', lambda red=red: nn.MSELoss(reduction=red), rnd(4, 5), rnd(4, 5), {'reduction': red})
    loss_case(f'l1_{red}', lambda red=red: nn.L1Loss(reduction=red), rnd(4, 5), rnd(4, 5), {'reduction': red})
    loss_case(f'cross_entropy_{red}', lambda red=red: nn.CrossEntropyLoss(reduction=red), rnd(6, 3) * 3, cls3, {'reduction': red})
    loss_case(f'nll_{red}', lambda red=red: nn.NLLLoss(reduction=red), torch.log_softmax(rnd(6, 3), 1), cls3, {'reduction': red})
    loss_case(f'bce_{red}', lambda red=red: nn.BCELoss(reduction=red), probs(3, 4), probs(3, 4), {'reduction': red})
    loss_case(f'bce_logits_{red}', lambda red=red: nn.BCEWithLogitsLoss(reduction=red), rnd(3, 4) * 4, probs(3, 4), {'reduction': red})
    loss_case(f'smooth_l1_{red}', lambda red=red: nn.SmoothL1Loss(reduction=red, beta=0.5), rnd(4, 5), rnd(4, 5), {'reduction': red, 'beta': 0.5})
    loss_case(f'huber_{red}', lambda red=red: nn.HuberLoss(reduction=red, delta=0.7), rnd(4, 5), rnd(4, 5), {'reduction': red, 'delta': 0.7})
for red in ('mean', 'batchmean', 'sum', 'none'):
    loss_case(f'kl_div_{red}', lambda red=red: nn.KLDivLoss(reduction=red), torch.log_softmax(rnd(3, 4), 1), torch.softmax(rnd(3, 4), 1), {'reduction': red})
loss_case('kl_div_log_target', lambda: nn.KLDivLoss(reduction='batchmean', log_target=True), torch.log_softmax(rnd(3, 4), 1), torch.log_softmax(rnd(3, 4), 1), {'reduction': 'batchmean', 'logTarget': True})
kl_t = torch.softmax(rnd(3, 4), 1)
kl_t[0, 1] = 0.0
loss_case('kl_div_zero_target', lambda: nn.KLDivLoss(reduction='sum'), torch.log_softmax(rnd(3, 4), 1), kl_t, {'reduction': 'sum'})
loss_case('smooth_l1_beta0', lambda: nn.SmoothL1Loss(beta=0.0), rnd(4, 5), rnd(4, 5), {'beta': 0.0})
loss_case('smooth_l1_default', lambda: nn.SmoothL1Loss(), rnd(4, 5) * 2, rnd(4, 5), {})
loss_case('huber_default', lambda: nn.HuberLoss(), rnd(4, 5) * 2, rnd(4, 5), {})

w3 = torch.tensor([0.2, 1.0, 3.0], dtype=F64)
cls_ign = torch.tensor([0, 2, -100, 2, 0, 1])
cls_ign5 = torch.tensor([0, 2, 5, 2, 0, 1])
for red in ('mean', 'sum', 'none'):
    loss_case(f'ce_weight_{red}', lambda red=red: nn.CrossEntropyLoss(weight=w3, reduction=red), rnd(6, 3), cls3, {'reduction': red, 'weight': w3})
    loss_case(f'ce_ignore_{red}', lambda red=red: nn.CrossEntropyLoss(reduction=red), rnd(6, 3), cls_ign, {'reduction': red})
    loss_case(f'ce_ignore5_weight_smooth_{red}', lambda red=red: nn.CrossEntropyLoss(weight=w3, ignore_index=5, label_smoothing=0.2, reduction=red), rnd(6, 3), cls_ign5, {'reduction': red, 'weight': w3, 'ignoreIndex': 5, 'labelSmoothing': 0.2})
    loss_case(f'ce_smooth_{red}', lambda red=red: nn.CrossEntropyLoss(label_smoothing=0.1, reduction=red), rnd(6, 3), cls_ign, {'reduction': red, 'labelSmoothing': 0.1})
    loss_case(f'ce_probs_{red}', lambda red=red: nn.CrossEntropyLoss(reduction=red), rnd(6, 3), torch.softmax(rnd(6, 3), 1), {'reduction': red})
    loss_case(f'ce_probs_weight_smooth_{red}', lambda red=red: nn.CrossEntropyLoss(weight=w3, label_smoothing=0.3, reduction=red), rnd(6, 3), torch.softmax(rnd(6, 3), 1), {'reduction': red, 'weight': w3, 'labelSmoothing': 0.3})
    loss_case(f'nll_weight_ignore_{red}', lambda red=red: nn.NLLLoss(weight=w3, ignore_index=2, reduction=red), torch.log_softmax(rnd(6, 3), 1), cls3, {'reduction': red, 'weight': w3, 'ignoreIndex': 2})
loss_case('ce_spatial', lambda: nn.CrossEntropyLoss(), rnd(2, 3, 4, 5), torch.randint(0, 3, (2, 4, 5)), {})
loss_case('ce_spatial_smooth_weight', lambda: nn.CrossEntropyLoss(weight=w3, label_smoothing=0.15), rnd(2, 3, 4), torch.randint(0, 3, (2, 4)), {'weight': w3, 'labelSmoothing': 0.15})
loss_case('ce_unbatched', lambda: nn.CrossEntropyLoss(), rnd(5), torch.tensor(3), {})
loss_case('ce_extreme_logits', lambda: nn.CrossEntropyLoss(), torch.tensor([[1000.0, -1000.0, 0.0], [-800.0, 800.0, 1.0]], dtype=F64), torch.tensor([1, 1]), {})
pw = torch.tensor([0.5, 2.0, 1.0, 3.0], dtype=F64)
bw = torch.tensor([1.0, 0.5, 2.0, 1.5], dtype=F64)
loss_case('bce_logits_pos_weight', lambda: nn.BCEWithLogitsLoss(pos_weight=pw), rnd(3, 4) * 4, probs(3, 4), {'posWeight': pw})
loss_case('bce_logits_weight_pos_weight_sum', lambda: nn.BCEWithLogitsLoss(weight=bw, pos_weight=pw, reduction='sum'), rnd(3, 4) * 4, probs(3, 4), {'weight': bw, 'posWeight': pw, 'reduction': 'sum'})
loss_case('bce_logits_extreme', lambda: nn.BCEWithLogitsLoss(), torch.tensor([[80.0, -80.0], [700.0, -700.0]], dtype=F64), torch.tensor([[0.0, 1.0], [0.3, 0.9]], dtype=F64), {})
loss_case('bce_weight', lambda: nn.BCELoss(weight=bw), probs(3, 4), probs(3, 4), {'weight': bw})
loss_case('bce_saturated', lambda: nn.BCELoss(reduction='none'), torch.tensor([0.0, 1.0, 0.5], dtype=F64), torch.tensor([1.0, 0.0, 0.5], dtype=F64), {'reduction': 'none'})

pm1 = lambda *s: torch.randint(0, 2, s).to(F64).mul(2).sub(1)  # noqa: E731  targets ±1
for red in ('mean', 'sum', 'none'):
    loss_case(f'soft_margin_{red}', lambda red=red: nn.SoftMarginLoss(reduction=red), rnd(4, 5), pm1(4, 5), {'reduction': red})
    loss_case(f'multilabel_soft_margin_{red}', lambda red=red: nn.MultiLabelSoftMarginLoss(reduction=red), rnd(4, 5) * 2,
              torch.randint(0, 2, (4, 5)).to(F64), {'reduction': red})
    loss_case(f'hinge_embedding_{red}', lambda red=red: nn.HingeEmbeddingLoss(margin=0.7, reduction=red), rnd(4, 5), pm1(4, 5), {'reduction': red, 'margin': 0.7})
    loss_case(f'poisson_nll_{red}', lambda red=red: nn.PoissonNLLLoss(reduction=red), rnd(4, 5), torch.poisson(torch.full((4, 5), 2.0, dtype=F64)), {'reduction': red})
w5 = torch.tensor([0.5, 1.0, 2.0, 1.5, 0.3], dtype=F64)
loss_case('multilabel_soft_margin_weight', lambda: nn.MultiLabelSoftMarginLoss(weight=w5), rnd(4, 5), torch.randint(0, 2, (4, 5)).to(F64), {'weight': w5})
loss_case('poisson_nll_rates_full', lambda: nn.PoissonNLLLoss(log_input=False, full=True), torch.rand(4, 5, dtype=F64).mul(3).add(0.1),
          torch.poisson(torch.full((4, 5), 3.0, dtype=F64)), {'logInput': False, 'full': True})

LOSSES3 = []
for red in ('mean', 'sum', 'none'):
    LOSSES3.append((f'margin_ranking_{red}', lambda red=red: nn.MarginRankingLoss(margin=0.3, reduction=red), [rnd(6), rnd(6), pm1(6)], {'reduction': red, 'margin': 0.3}))
    LOSSES3.append((f'cosine_embedding_{red}', lambda red=red: nn.CosineEmbeddingLoss(margin=0.2, reduction=red), [rnd(5, 4), rnd(5, 4), pm1(5)], {'reduction': red, 'margin': 0.2}))
    LOSSES3.append((f'triplet_margin_{red}', lambda red=red: nn.TripletMarginLoss(reduction=red), [rnd(5, 4), rnd(5, 4), rnd(5, 4)], {'reduction': red}))
    LOSSES3.append((f'gaussian_nll_{red}', lambda red=red: nn.GaussianNLLLoss(reduction=red), [rnd(4, 3), rnd(4, 3), torch.rand(4, 3, dtype=F64).add(0.1)], {'reduction': red}))
    loss_case(f'multi_margin_{red}', lambda red=red: nn.MultiMarginLoss(reduction=red), rnd(4, 5), torch.randint(0, 5, (4,)), {'reduction': red})
LOSSES3.append(('gaussian_nll_homoscedastic_full', lambda: nn.GaussianNLLLoss(full=True, eps=0.05), [rnd(4, 3), rnd(4, 3), torch.rand(4, dtype=F64)], {'full': True, 'eps': 0.05}))
loss_case('multi_margin_p2_weight', lambda: nn.MultiMarginLoss(p=2, margin=0.5, weight=w5), rnd(4, 5), torch.randint(0, 5, (4,)), {'p': 2, 'margin': 0.5, 'weight': w5})
LOSSES3.append(('triplet_margin_p1_swap', lambda: nn.TripletMarginLoss(margin=0.5, p=1, swap=True), [rnd(5, 4), rnd(5, 4), rnd(5, 4)], {'margin': 0.5, 'p': 1, 'swap': True}))


def run_loss3(name, make, inputs, opts):
    xs = [inputs[0].clone().requires_grad_(True), inputs[1].clone().requires_grad_(True), inputs[2]]
    if name.startswith('triplet') or name.startswith('gaussian'):
        xs[2] = xs[2].clone().requires_grad_(True)
    out = make()(*xs)
    g = torch.randn(out.shape, dtype=F64)
    wrt = [x for x in xs if x.requires_grad]
    grads = torch.autograd.grad(out, wrt, g)
    return {'name': name, 'inputs': [enc_result(x) for x in inputs], 'opts': opts, 'output': enc_result(out),
            'out_grad': enc_result(g), 'input_grads': [enc_result(x) for x in grads]}


def enc_opts(o):
    return {k: (enc_result(v) if isinstance(v, torch.Tensor) else v) for k, v in o.items()}


def run_loss(name, make, inp, target, opts):
    x = inp.clone().requires_grad_(True)
    out = make()(x, target)
    entry = {'name': name, 'input': enc_result(inp), 'target': enc_result(target), 'opts': enc_opts(opts), 'output': enc_result(out)}
    g = torch.randn(out.shape, dtype=F64)
    if torch.isfinite(out).all():
        (gx,) = torch.autograd.grad(out, x, g)
        entry['out_grad'] = enc_result(g)
        entry['input_grad'] = enc_result(gx)
    return entry


FUNCTIONAL = []


def fcase(name, op, args, opts, fn):
    FUNCTIONAL.append((name, op, args, opts, fn))


x4 = rnd(2, 3, 5, 6)
fcase('pad_2d', 'pad', [rnd(2, 3, 4)], {'pad': [1, 2, 0, 1], 'value': 0.5}, lambda a: F.pad(a, (1, 2, 0, 1), value=0.5))
fcase('pad_crop', 'pad', [rnd(2, 3, 4)], {'pad': [-1, 2, 1, -1]}, lambda a: F.pad(a, (-1, 2, 1, -1)))
fcase('normalize', 'normalize', [rnd(3, 4)], {'dim': 1}, lambda a: F.normalize(a, dim=1))
fcase('normalize_p1_dim0', 'normalize', [rnd(3, 4)], {'p': 1, 'dim': 0}, lambda a: F.normalize(a, p=1, dim=0))
fcase('conv2d_fn', 'conv2d', [x4, rnd(4, 3, 3, 2), rnd(4)], {'stride': [2, 1], 'padding': [1, 1], 'dilation': [1, 2]}, lambda a, w, b: F.conv2d(a, w, b, stride=(2, 1), padding=(1, 1), dilation=(1, 2)))
fcase('conv_transpose2d_fn', 'convTranspose2d', [rnd(1, 2, 3, 3), rnd(2, 3, 2, 2), None], {'stride': 2, 'padding': 1}, lambda a, w, b: F.conv_transpose2d(a, w, b, stride=2, padding=1))
fcase('max_pool2d_fn', 'maxPool2d', [x4], {'kernel': 3, 'stride': 2, 'padding': 1}, lambda a: F.max_pool2d(a, 3, 2, 1))
fcase('avg_pool2d_divisor', 'avgPool2d', [x4], {'kernel': 2, 'divisorOverride': 3}, lambda a: F.avg_pool2d(a, 2, divisor_override=3))
fcase('adaptive_avg_pool1d', 'adaptiveAvgPool1d', [rnd(2, 3, 7)], {'output': 3}, lambda a: F.adaptive_avg_pool1d(a, 3))
fcase('softmax_dtype', 'softmax', [rnd(3, 4).float()], {'dim': 0, 'dtype': 'float64'}, lambda a: F.softmax(a, 0, dtype=torch.float64))
fcase('dropout_eval', 'dropout', [rnd(3, 4)], {'p': 0.5, 'training': False}, lambda a: F.dropout(a, 0.5, False))
fcase('cosine_similarity', 'cosineSimilarity', [rnd(4, 6), rnd(4, 6)], {'dim': 1}, lambda a, b: F.cosine_similarity(a, b, dim=1))
fcase('cosine_similarity_dim0_broadcast', 'cosineSimilarity', [rnd(3, 5), rnd(3, 1)], {'dim': 0}, lambda a, b: F.cosine_similarity(a, b, dim=0))
fcase('pairwise_distance', 'pairwiseDistance', [rnd(4, 6), rnd(4, 6)], {'p': 2}, lambda a, b: F.pairwise_distance(a, b))
fcase('pairwise_distance_p1_keepdim', 'pairwiseDistance', [rnd(4, 6), rnd(6)], {'p': 1, 'keepdim': True}, lambda a, b: F.pairwise_distance(a, b, p=1, keepdim=True))


def run_functional(name, op, args, opts, fn):
    out = fn(*args)
    return {'name': name, 'op': op, 'args': [None if a is None else enc_result(a) for a in args], 'opts': opts, 'output': enc_result(out)}


one_hot_in = torch.tensor([[0, 3], [1, 1]])
seqs = [rnd(3, 2), rnd(5, 2), rnd(1, 2)]
FIXED = {
    'one_hot': {'input': enc_result(one_hot_in), 'output': enc_result(F.one_hot(one_hot_in)), 'output5': enc_result(F.one_hot(one_hot_in, 5))},
    'pad_sequence': {'in0': enc_result(seqs[0]), 'in1': enc_result(seqs[1]), 'in2': enc_result(seqs[2]),
                     'output': enc_result(nn.utils.rnn.pad_sequence(seqs)),
                     'output_bf': enc_result(nn.utils.rnn.pad_sequence(seqs, batch_first=True, padding_value=-1.5))},
}


def main():
    write_json('packages/nn/test/fixtures/nn_losses.json', {
        'losses': [run_loss(*c) for c in LOSSES],
        'losses3': [run_loss3(*c) for c in LOSSES3],
        'functional': [run_functional(*c) for c in FUNCTIONAL],
        'fixed': FIXED,
    })


if __name__ == '__main__':
    main()
