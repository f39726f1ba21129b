"""Golden cases for the nn surface additions: CTC, multilabel margin, triplet margin with
distance, adaptive log-softmax, NLLLoss2d, optim.LBFGS, and the packed-sequence utilities
(with RNN/LSTM/GRU on packed input), from real PyTorch 1.13.

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_surface_losses.py`.
Writes packages/nn/test/fixtures/nn_surface_losses.json.
"""
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import rnn as R

import os

from _common import ROOT, enc_result, write_json

F64 = torch.float64
torch.manual_seed(0)


def rnd(*s, dtype=F64):
    return torch.randn(*s, dtype=dtype)


def err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return {'type': type(e).__name__, 'message': str(e)}
    raise AssertionError('expected an error')


def enc_or_list(v):
    return enc_result(v) if isinstance(v, torch.Tensor) else v


# ---------------------------------------------------------------------------- CTC
CTC = []


def ctc_case(name, T, N, C, targets, input_lengths, target_lengths, dtype=F64, logits=False, **kw):
    x = rnd(T, N, C, dtype=dtype) if N is not None else rnd(T, C, dtype=dtype)
    if logits:
        leaf = x.clone().requires_grad_()
        lp = leaf.log_softmax(-1)
    else:
        leaf = x.log_softmax(-1).detach().requires_grad_()
        lp = leaf
    out = F.ctc_loss(lp, targets, input_lengths, target_lengths, **kw)
    g = torch.rand_like(out) + 0.5
    out.backward(g)
    CTC.append({
        'name': name, 'input': enc_result(leaf.detach()), 'logits': logits, 'targets': enc_result(targets),
        'input_lengths': enc_or_list(input_lengths), 'target_lengths': enc_or_list(target_lengths),
        'opts': kw, 'output': enc_result(out.detach()), 'out_grad': enc_result(g), 'input_grad': enc_result(leaf.grad),
    })


pad_t = torch.tensor([[1, 2, 2, 3], [3, 1, 0, 0], [2, 2, 2, 0]])
cat_t = torch.tensor([1, 2, 2, 3, 3, 1, 2, 2, 2])
il = torch.tensor([8, 6, 7])
tl = torch.tensor([4, 2, 3])
for red in ('mean', 'sum', 'none'):
    ctc_case(f'padded_{red}', 8, 3, 5, pad_t, il, tl, reduction=red)
    ctc_case(f'concat_{red}', 8, 3, 5, cat_t, il, tl, reduction=red)
ctc_case('lists', 8, 3, 5, pad_t, [8, 6, 7], [4, 2, 3])
ctc_case('tuple_concat', 8, 3, 5, cat_t, (8, 8, 8), (4, 2, 3), reduction='sum')
ctc_case('blank_last', 7, 2, 4, torch.tensor([[0, 1, 1], [2, 0, 0]]), torch.tensor([7, 5]), torch.tensor([3, 1]), blank=3, reduction='none')
ctc_case('blank_middle', 7, 2, 4, torch.tensor([[0, 1, 3], [3, 3, 0]]), torch.tensor([7, 6]), torch.tensor([3, 2]), blank=2)
ctc_case('empty_target', 5, 2, 3, torch.tensor([[1, 2], [0, 0]]), torch.tensor([5, 4]), torch.tensor([2, 0]), reduction='none')
ctc_case('empty_target_mean', 5, 2, 3, torch.tensor([[1, 2], [0, 0]]), torch.tensor([5, 4]), torch.tensor([2, 0]))
# infeasible: 3 repeated labels need 5 frames
ctc_case('infinite_none', 4, 2, 3, torch.tensor([[1, 1, 1], [1, 2, 0]]), torch.tensor([4, 4]), torch.tensor([3, 2]), reduction='none', zero_infinity=True)
ctc_case('infinite_zero_mean', 4, 2, 3, torch.tensor([[1, 1, 1], [1, 2, 0]]), torch.tensor([4, 4]), torch.tensor([3, 2]), zero_infinity=True)
ctc_case('logits', 6, 2, 4, torch.tensor([[1, 2, 3], [3, 3, 0]]), torch.tensor([6, 6]), torch.tensor([3, 2]), logits=True)
ctc_case('unbatched', 6, None, 4, torch.tensor([1, 2, 1]), torch.tensor(6), torch.tensor(3), reduction='sum')
ctc_case('unbatched_mean', 6, None, 4, torch.tensor([3, 3]), torch.tensor(5), torch.tensor(2))
ctc_case('float32', 8, 3, 5, pad_t, il, tl, dtype=torch.float32)
ctc_case('int32_targets', 8, 3, 5, pad_t.int(), il.int(), tl.int(), reduction='sum')

lp0 = rnd(6, 2, 4).log_softmax(2)


def _ctc_double_backward():
    x = lp0.detach().requires_grad_()
    g, = torch.autograd.grad(F.ctc_loss(x, torch.tensor([[1, 2], [1, 1]]), [6, 6], [2, 2]), x, create_graph=True)
    g.sum().backward()


CTC_ERRORS = {
    'double_backward': err(_ctc_double_backward),
    'blank_out_of_range': err(lambda: F.ctc_loss(lp0, torch.tensor([[1, 2], [1, 1]]), [6, 6], [2, 2], blank=4)),
    'input_length_too_long': err(lambda: F.ctc_loss(lp0, torch.tensor([[1, 2], [1, 1]]), [7, 6], [2, 2])),
    'input_lengths_size': err(lambda: F.ctc_loss(lp0, torch.tensor([[1, 2], [1, 1]]), [6], [2, 2])),
    'target_lengths_size': err(lambda: F.ctc_loss(lp0, torch.tensor([[1, 2], [1, 1]]), [6, 6], [2, 2, 1])),
    'targets_too_short': err(lambda: F.ctc_loss(lp0, torch.tensor([[1, 2], [1, 1]]), [6, 6], [3, 2])),
    'concat_too_short': err(lambda: F.ctc_loss(lp0, torch.tensor([1, 2, 1]), [6, 6], [2, 2])),
    'bad_reduction': err(lambda: F.ctc_loss(lp0, torch.tensor([[1, 2], [1, 1]]), [6, 6], [2, 2], reduction='avg')),
}

# ---------------------------------------------------------------------------- elementwise-ish losses
LOSSES = []


def loss3(name, fn, inputs, opts, targ=None):
    leaves = [t.clone().requires_grad_() for t in inputs]
    out = fn(*leaves) if targ is None else fn(*leaves, targ)
    g = torch.rand_like(out) + 0.5
    out.backward(g)
    LOSSES.append({
        'name': name, 'inputs': [enc_result(t.detach()) for t in leaves], 'target': None if targ is None else enc_result(targ),
        'opts': opts, 'output': enc_result(out.detach()), 'out_grad': enc_result(g), 'input_grads': [enc_result(t.grad) for t in leaves],
    })


mlm_t = torch.tensor([[3, 0, -1, 1], [0, 1, 2, 3], [1, -1, 0, 2], [-1, 1, 2, 0]])
for red in ('mean', 'sum', 'none'):
    loss3(f'multilabel_margin_{red}', lambda x, t, red=red: nn.MultiLabelMarginLoss(reduction=red)(x, t), [rnd(4, 4)], {'reduction': red}, mlm_t)
    loss3(f'multilabel_margin_1d_{red}', lambda x, t, red=red: F.multilabel_margin_loss(x, t, reduction=red), [rnd(5)], {'reduction': red}, torch.tensor([2, 4, -1, 0, 1]))
loss3('multilabel_margin_float32', lambda x, t: F.multilabel_margin_loss(x, t), [rnd(4, 4, dtype=torch.float32)], {}, mlm_t)
loss3('multilabel_margin_ties', lambda x, t: F.multilabel_margin_loss(x, t, reduction='none'), [torch.tensor([[0.1, 0.1, 0.5, 1.2], [0.3, 0.3, 0.3, 0.3]], dtype=F64)], {'reduction': 'none'}, torch.tensor([[1, 2, -1, 0], [2, -1, 1, 1]]))

for red in ('mean', 'sum', 'none'):
    loss3(f'triplet_distance_default_{red}', lambda a, p, n, red=red: nn.TripletMarginWithDistanceLoss(reduction=red)(a, p, n), [rnd(5, 4), rnd(5, 4), rnd(5, 4)], {'reduction': red})
loss3('triplet_distance_cosine', lambda a, p, n: F.triplet_margin_with_distance_loss(a, p, n, distance_function=lambda x, y: 1.0 - F.cosine_similarity(x, y), margin=0.5),
      [rnd(5, 4), rnd(5, 4), rnd(5, 4)], {'distance': 'cosine', 'margin': 0.5})
loss3('triplet_distance_swap', lambda a, p, n: nn.TripletMarginWithDistanceLoss(distance_function=nn.PairwiseDistance(p=1.0), swap=True, margin=2.0, reduction='sum')(a, p, n),
      [rnd(6, 3), rnd(6, 3), rnd(6, 3)], {'distance': 'pairwise_l1', 'swap': True, 'margin': 2.0, 'reduction': 'sum'})
loss3('triplet_distance_1d', lambda a, p, n: F.triplet_margin_with_distance_loss(a, p, n), [rnd(4), rnd(4), rnd(4)], {})

for red in ('mean', 'sum', 'none'):
    w = torch.tensor([0.5, 2.0, 1.0], dtype=F64)
    loss3(f'nll2d_{red}', lambda x, t, red=red, w=w: nn.NLLLoss2d(weight=w, reduction=red, ignore_index=1)(x, t),
          [rnd(2, 3, 4, 5).log_softmax(1)], {'reduction': red, 'weight': enc_result(w), 'ignoreIndex': 1}, torch.randint(0, 3, (2, 4, 5)))

LOSS_ERRORS = {
    'mlm_target_shape': err(lambda: F.multilabel_margin_loss(rnd(3, 4), torch.tensor([[0, 1, -1, 2], [0, 1, -1, 2]]))),
    'mlm_target_range': err(lambda: F.multilabel_margin_loss(rnd(2, 4), torch.tensor([[0, 4, -1, 2], [0, 1, -1, 2]]))),
    'mlm_input_3d': err(lambda: F.multilabel_margin_loss(rnd(2, 2, 4), torch.zeros(2, 2, 4, dtype=torch.long))),
    'triplet_reduction': err(lambda: F.triplet_margin_with_distance_loss(rnd(3, 4), rnd(3, 4), rnd(3, 4), reduction='avg')),
}

# ---------------------------------------------------------------------------- AdaptiveLogSoftmaxWithLoss
ASM = []


def asm_case(name, seed, in_f, n_classes, cutoffs, x, target, **kw):
    torch.manual_seed(seed)
    m = nn.AdaptiveLogSoftmaxWithLoss(in_f, n_classes, cutoffs, **kw)
    init = {k: enc_result(v) for k, v in m.state_dict().items()}
    m = m.double()
    xl = x.clone().requires_grad_()
    out, loss = m(xl, target)
    loss.backward()
    entry = {
        'name': name, 'seed': seed, 'in_features': in_f, 'n_classes': n_classes, 'cutoffs': cutoffs,
        'opts': {k: v for k, v in kw.items()}, 'init': init, 'repr': repr(m),
        'input': enc_result(x), 'target': enc_result(target), 'output': enc_result(out.detach()), 'loss': enc_result(loss.detach()),
        'input_grad': enc_result(xl.grad), 'param_grads': {k: None if p.grad is None else enc_result(p.grad) for k, p in m.named_parameters()},
    }
    xx = x if x.dim() == 2 else x.unsqueeze(0)
    entry['log_prob'] = enc_result(m.log_prob(xx).detach())
    entry['predict'] = enc_result(m.predict(xx))
    ASM.append(entry)


asm_case('two_clusters', 1, 8, 10, [3, 6], rnd(6, 8), torch.tensor([0, 4, 9, 2, 7, 5]))
asm_case('head_bias_div', 2, 16, 12, [4], rnd(5, 16) * 2, torch.tensor([11, 0, 5, 3, 4]), div_value=2.0, head_bias=True)
asm_case('shortlist_only_targets', 3, 8, 10, [5, 8], rnd(4, 8), torch.tensor([0, 1, 2, 3]))
asm_case('unbatched', 4, 8, 10, [3, 6], rnd(8), torch.tensor(7))

ASM_ERRORS = {
    'bad_cutoffs': err(lambda: nn.AdaptiveLogSoftmaxWithLoss(8, 10, [6, 3])),
    'cutoff_too_big': err(lambda: nn.AdaptiveLogSoftmaxWithLoss(8, 10, [3, 10])),
    'batch_mismatch': err(lambda: nn.AdaptiveLogSoftmaxWithLoss(8, 10, [3, 6])(rnd(4, 8).float(), torch.tensor([1, 2, 3]))),
    'target_range': err(lambda: nn.AdaptiveLogSoftmaxWithLoss(8, 10, [3, 6])(rnd(3, 8).float(), torch.tensor([1, 12, 3]))),
    'multi_target': err(lambda: nn.AdaptiveLogSoftmaxWithLoss(8, 10, [3, 6])(rnd(3, 8).float(), torch.zeros(3, 2, dtype=torch.long))),
}

# ---------------------------------------------------------------------------- LBFGS
LBFGS = []


def rosenbrock(xy):
    x, y = xy[0], xy[1]
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2


def lbfgs_run(name, params0, loss_fn, steps, opts, save_after=None):
    params = [p.clone().requires_grad_() for p in params0]
    opt = torch.optim.LBFGS(params, **opts)
    evals = [0]

    def closure():
        opt.zero_grad()
        loss = loss_fn(params)
        loss.backward()
        evals[0] += 1
        return loss

    rec = []
    saved = None
    for i in range(steps):
        ret = opt.step(closure)
        rec.append({'returned': ret.item(), 'params': [enc_result(p.detach().clone()) for p in params], 'closure_calls': evals[0]})
        if save_after is not None and i + 1 == save_after:
            sd = opt.state_dict()
            st = sd['state'][0]
            torch.save(sd, os.path.join(ROOT, f'packages/nn/test/fixtures/lbfgs_state_{name}.pt'))
            saved = {'after': save_after, 'state_keys': sorted(st.keys()), 'func_evals': st['func_evals'], 'n_iter': st['n_iter'],
                     'history': len(st['old_dirs']), 'param_groups': [{k: v for k, v in g.items()} for g in sd['param_groups']]}
    st = opt.state[opt._params[0]]
    LBFGS.append({'name': name, 'init': [enc_result(p) for p in params0], 'opts': opts, 'steps': rec, 'saved': saved,
                  'final_state': {'func_evals': st['func_evals'], 'n_iter': st['n_iter'], 'history': len(st['old_dirs'])}})


start = torch.tensor([-1.5, 2.0], dtype=F64)
lbfgs_run('rosenbrock_plain', [start], lambda ps: rosenbrock(ps[0]), 6, {'lr': 0.1, 'max_iter': 5})
lbfgs_run('rosenbrock_wolfe', [start], lambda ps: rosenbrock(ps[0]), 5, {'lr': 1, 'max_iter': 20, 'line_search_fn': 'strong_wolfe'}, save_after=2)
lbfgs_run('rosenbrock_wolfe_short_history', [start], lambda ps: rosenbrock(ps[0]), 3, {'max_iter': 15, 'history_size': 3, 'line_search_fn': 'strong_wolfe'})
# float32 is left out: PyTorch carries the line-search scalars as float32 0-d tensors, Antorcha as doubles
# lbfgs_run('rosenbrock_f32', [start.float()], lambda ps: rosenbrock(ps[0]), 3, {'lr': 1, 'max_iter': 10, 'line_search_fn': 'strong_wolfe'})

torch.manual_seed(5)
X = rnd(20, 3)
Y = X @ torch.tensor([[1.5], [-2.0], [0.5]], dtype=F64) + 0.3 + 0.1 * rnd(20, 1)
W0 = rnd(1, 3) * 0.1
B0 = torch.zeros(1, dtype=F64)


def linear_loss(ps):
    return ((X @ ps[0].t() + ps[1] - Y) ** 2).mean()


lbfgs_run('linear_plain', [W0, B0], linear_loss, 4, {'lr': 0.5, 'max_iter': 4, 'history_size': 2})
lbfgs_run('linear_wolfe', [W0, B0], linear_loss, 3, {'max_iter': 6, 'line_search_fn': 'strong_wolfe', 'tolerance_grad': 1e-9, 'tolerance_change': 1e-12}, save_after=1)
X32, Y32 = X.float(), Y.float()


def linear_loss32(ps):
    return ((X32 @ ps[0].t() + ps[1] - Y32) ** 2).mean()


lbfgs_run('linear32_plain', [W0.float(), B0.float()], linear_loss32, 3, {'lr': 0.5, 'max_iter': 4, 'history_size': 2})
LBFGS_DATA = {'X': enc_result(X), 'Y': enc_result(Y)}


def _bad_ls():
    q = torch.ones(2, requires_grad=True)
    o = torch.optim.LBFGS([q], line_search_fn='armijo')

    def c():
        o.zero_grad()
        loss = (q * q).sum()
        loss.backward()
        return loss
    o.step(c)


LBFGS_ERRORS = {
    'two_groups': err(lambda: torch.optim.LBFGS([{'params': [torch.zeros(2, requires_grad=True)]}, {'params': [torch.zeros(2, requires_grad=True)]}])),
    'bad_line_search': err(lambda: _bad_ls()),
}

# ---------------------------------------------------------------------------- packing
PACK = []


def enc_packed(p):
    return {'data': enc_result(p.data), 'batch_sizes': p.batch_sizes.tolist(),
            'sorted_indices': None if p.sorted_indices is None else p.sorted_indices.tolist(),
            'unsorted_indices': None if p.unsorted_indices is None else p.unsorted_indices.tolist()}


padded = rnd(5, 4, 3)
lengths = [5, 2, 4, 1]
for bf in (False, True):
    x = padded.transpose(0, 1).contiguous() if bf else padded
    p = R.pack_padded_sequence(x, lengths, batch_first=bf, enforce_sorted=False)
    out, lens = R.pad_packed_sequence(p, batch_first=bf)
    out7, _ = R.pad_packed_sequence(p, batch_first=bf, padding_value=-1.0, total_length=7)
    PACK.append({'name': f'unsorted_bf{int(bf)}', 'input': enc_result(x), 'lengths': lengths, 'batch_first': bf, 'enforce_sorted': False,
                 'packed': enc_packed(p), 'padded': enc_result(out), 'padded_lengths': lens.tolist(), 'padded_total7': enc_result(out7)})
sorted_len = torch.tensor([5, 4, 2, 1])
p = R.pack_padded_sequence(padded, sorted_len)
PACK.append({'name': 'sorted', 'input': enc_result(padded), 'lengths': sorted_len.tolist(), 'batch_first': False, 'enforce_sorted': True,
             'packed': enc_packed(p), 'padded': enc_result(R.pad_packed_sequence(p)[0]), 'padded_lengths': sorted_len.tolist(),
             'padded_total7': enc_result(R.pad_packed_sequence(p, padding_value=-1.0, total_length=7)[0])})
seqs = [rnd(3, 2), rnd(1, 2), rnd(4, 2)]
ps = R.pack_sequence(seqs, enforce_sorted=False)
SEQ = {'seqs': [enc_result(s) for s in seqs], 'packed': enc_packed(ps), 'unpacked': [enc_result(s) for s in R.unpack_sequence(ps)],
       'pad_bf': enc_result(R.pad_sequence(seqs, batch_first=True, padding_value=2.5)),
       'unpadded': [enc_result(s) for s in R.unpad_sequence(R.pad_sequence(seqs, batch_first=True), torch.tensor([3, 1, 4]), batch_first=True)]}
seqs_sorted = [rnd(4), rnd(3), rnd(3)]
SEQ['sorted_seqs'] = [enc_result(s) for s in seqs_sorted]
SEQ['sorted_packed'] = enc_packed(R.pack_sequence(seqs_sorted))
PACK_ERRORS = {
    'unsorted_enforced': err(lambda: R.pack_padded_sequence(padded, lengths)),
    'zero_length': err(lambda: R.pack_padded_sequence(padded, [5, 0, 2, 1], enforce_sorted=False)),
    'total_length_short': err(lambda: R.pad_packed_sequence(R.pack_padded_sequence(padded, lengths, enforce_sorted=False), total_length=3)),
    'lengths_count': err(lambda: R.pack_padded_sequence(padded, [5, 4, 2])),
}
# gradients through packing: d/dx of sum(pad(pack(x)) * w)
xg = padded.clone().requires_grad_()
pg = R.pack_padded_sequence(xg, lengths, enforce_sorted=False)
outg, _ = R.pad_packed_sequence(pg, total_length=5)
wg = rnd(5, 4, 3)
(outg * wg).sum().backward()
PACK_GRAD = {'w': enc_result(wg), 'grad': enc_result(xg.grad)}

RNNS = []


def rnn_case(name, cls, seed, in_f, hid, opts, lengths, bf, with_hx, enforce_sorted=False):
    torch.manual_seed(seed)
    m = cls(in_f, hid, **opts).double()
    L = max(lengths)
    B = len(lengths)
    x = rnd(B, L, in_f) if bf else rnd(L, B, in_f)
    dirs = 2 if opts.get('bidirectional') else 1
    nl = opts.get('num_layers', 1)
    hx = None
    if with_hx:
        h0 = rnd(nl * dirs, B, opts.get('proj_size', 0) or hid)
        hx = (h0, rnd(nl * dirs, B, hid)) if cls is nn.LSTM else h0
    xl = x.clone().requires_grad_()
    packed = R.pack_padded_sequence(xl, lengths, batch_first=bf, enforce_sorted=enforce_sorted)
    out, h = m(packed, hx)
    padded_out, _ = R.pad_packed_sequence(out, batch_first=bf)
    hs = list(h) if isinstance(h, tuple) else [h]
    gw = rnd(*padded_out.shape)
    ghs = [rnd(*t.shape) for t in hs]
    torch.autograd.backward([padded_out] + hs, [gw] + ghs)
    RNNS.append({
        'name': name, 'enforce_sorted': enforce_sorted, 'kind': cls.__name__, 'in': in_f, 'hidden': hid, 'opts': opts, 'lengths': lengths, 'batch_first': bf,
        'state': {k: enc_result(v) for k, v in m.state_dict().items()}, 'input': enc_result(x),
        'hx': None if hx is None else [enc_result(t) for t in (hx if isinstance(hx, tuple) else (hx,))],
        'packed_out': enc_packed(out), 'padded_out': enc_result(padded_out.detach()), 'h': [enc_result(t.detach()) for t in hs],
        'out_grad': enc_result(gw), 'h_grads': [enc_result(t) for t in ghs], 'input_grad': enc_result(xl.grad),
        'weight_grad': enc_result(m.weight_hh_l0.grad),
    })


rnn_case('rnn_plain', nn.RNN, 1, 3, 4, {}, [4, 2, 3], False, False)
rnn_case('rnn_bi_2layer_hx', nn.RNN, 2, 3, 4, {'num_layers': 2, 'bidirectional': True}, [3, 5, 1, 4], True, True)
rnn_case('lstm_bi', nn.LSTM, 3, 3, 4, {'bidirectional': True}, [2, 4, 3], False, True)
rnn_case('lstm_proj_2layer', nn.LSTM, 4, 2, 5, {'num_layers': 2, 'proj_size': 3}, [4, 4, 1], True, False)
rnn_case('gru_bi_2layer', nn.GRU, 5, 3, 4, {'num_layers': 2, 'bidirectional': True}, [1, 3, 2, 5], False, True)
rnn_case('lstm_sorted_enforced', nn.LSTM, 6, 3, 4, {'bidirectional': True}, [5, 3, 3, 1], True, True, enforce_sorted=True)

SEQ['repr'] = repr(R.pack_sequence([torch.tensor([1., 2.]), torch.tensor([3.])]))
_x = rnd(3, 4).requires_grad_()
_lp = rnd(6, 2, 4).log_softmax(2).detach().requires_grad_()
GRAD_FNS = {
    'multilabel_margin_loss': F.multilabel_margin_loss(_x, mlm_t[:3]).grad_fn.name(),
    'ctc_loss_none': F.ctc_loss(_lp, torch.tensor([[1, 2], [1, 1]]), [6, 6], [2, 2], reduction='none').grad_fn.name(),
    'ctc_loss_sum': F.ctc_loss(_lp, torch.tensor([[1, 2], [1, 1]]), [6, 6], [2, 2], reduction='sum').grad_fn.name(),
    'pack_padded_sequence': R.pack_padded_sequence(_lp, [6, 4]).data.grad_fn.name(),
}

torch.manual_seed(7)
_cb = nn.RNNCellBase(3, 4, True, 2)
RNN_CELL_BASE = {'repr': repr(_cb), 'state': {k: enc_result(v) for k, v in _cb.state_dict().items()},
                 'forward_error': err(lambda: _cb(torch.zeros(2, 3)))}

# ---------------------------------------------------------------------------- ParameterDict
torch.manual_seed(0)
pd = nn.ParameterDict({'b': nn.Parameter(torch.zeros(2, 3)), 'a': torch.ones(4)})
pd['c'] = nn.Parameter(torch.zeros(1, dtype=F64))
PDICT = {'repr': repr(pd), 'keys': list(pd.keys()), 'named': [n for n, _ in pd.named_parameters()],
         'after_pop': None}
pd.pop('b')
PDICT['after_pop'] = list(pd.keys())
PDICT['popitem'] = pd.popitem()[0]
PDICT['after_popitem'] = list(pd.keys())
pd.setdefault('z', torch.zeros(1))
PDICT['after_setdefault'] = list(pd.keys())
_f = pd.fromkeys(['x', 'y'], torch.ones(2))
PDICT['fromkeys'] = {'keys': list(_f.keys()), 'same_object': _f['x'] is _f['y']}
_c = pd.copy()
PDICT['copy'] = {'keys': list(_c.keys()), 'shares': _c['a'] is pd['a']}
PDICT['get_missing'] = pd.get('nope', 5)

write_json('packages/nn/test/fixtures/nn_surface_losses.json', {
    'ctc': CTC, 'ctc_errors': CTC_ERRORS, 'losses': LOSSES, 'loss_errors': LOSS_ERRORS,
    'asm': ASM, 'asm_errors': ASM_ERRORS, 'lbfgs': LBFGS, 'lbfgs_data': LBFGS_DATA, 'lbfgs_errors': LBFGS_ERRORS,
    'pack': PACK, 'seq': SEQ, 'pack_errors': PACK_ERRORS, 'pack_grad': PACK_GRAD, 'rnns': RNNS, 'pdict': PDICT, 'grad_fns': GRAD_FNS, 'rnn_cell_base': RNN_CELL_BASE,
})
