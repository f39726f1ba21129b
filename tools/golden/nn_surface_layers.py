"""Golden cases of the nn surface added for issue #11 (padding, pooling, dropout, fold,
LRN, shrink, … layers and functional forms) from real PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_surface_layers.py`.
Writes packages/nn/test/fixtures/nn_surface_layers.json with:
- `cases`: layer cases in the format of nn_layers.py (seeded init bit for bit, repr,
  forward and backward in train/eval mode; float32 cases replay the random stream:
  after `torch.manual_seed(100 + seed)` inputs with `torch.randn`, the layer's own draws,
  then the output gradients with `torch.randn`, all compared bit for bit);
- `functional`: `F.*` calls on float64 inputs drawn after `torch.manual_seed(0)`
  (outputs and the gradients of sum(out * g) for random g);
- `random`: float32 `F.*` calls that draw (dropouts, gumbel softmax, fractional max
  pooling): after `torch.manual_seed(seed)`, inputs with `torch.randn`, then the call;
  outputs compared bit for bit;
- `errors`: bad calls with PyTorch's exception class and message.
"""
import torch
from torch import nn
import torch.nn.functional as F

from _common import enc_result, write_json
from nn_layers import enc_state, flat_outputs, run as run_layer

F64 = torch.float64
F32 = torch.float32
CASES = []


def case(name, make, inputs, modes=('train',), seed=0, dtype=F64, call=None, extra_seeds=(1, 1234), grads=True):
    CASES.append(dict(name=name, make=make, inputs=inputs, modes=modes, seed=seed, dtype=dtype, call=call, extra_seeds=extra_seeds, grads=grads))


def rnd(*shape):
    return lambda: torch.randn(*shape, dtype=F64)


def pos(*shape):
    return lambda: torch.randn(*shape, dtype=F64).abs() + 0.1


def scaled(k, *shape):
    return lambda: torch.randn(*shape, dtype=F64) * k


def r32(*shape):
    return lambda: torch.randn(*shape)


# ---------------------------------------------------------------- padding
case('constant_pad1d', lambda: nn.ConstantPad1d(2, 1), [rnd(2, 3, 4)])
case('constant_pad2d', lambda: nn.ConstantPad2d((1, 0, 2, 1), 3.5), [rnd(1, 2, 3, 3)])
case('constant_pad3d', lambda: nn.ConstantPad3d(1, -1.5), [rnd(1, 1, 2, 2, 2)])
case('zero_pad2d', lambda: nn.ZeroPad2d((1, 1, 2, 0)), [rnd(2, 3, 3)])
case('reflection_pad1d', lambda: nn.ReflectionPad1d(2), [rnd(2, 3, 5)])
case('reflection_pad1d_unbatched', lambda: nn.ReflectionPad1d((1, 3)), [rnd(3, 5)])
case('reflection_pad2d', lambda: nn.ReflectionPad2d((1, 2, 2, 0)), [rnd(1, 2, 4, 5)])
case('reflection_pad2d_crop', lambda: nn.ReflectionPad2d((-1, 2, 1, -1)), [rnd(2, 4, 5)])
case('reflection_pad3d', lambda: nn.ReflectionPad3d(1), [rnd(1, 2, 3, 3, 4)])
case('replication_pad1d', lambda: nn.ReplicationPad1d((3, 1)), [rnd(2, 2, 3)])
case('replication_pad2d', lambda: nn.ReplicationPad2d((1, 2, 3, 0)), [rnd(1, 2, 3, 4)])
case('replication_pad3d', lambda: nn.ReplicationPad3d((1, 0, 2, 1, 0, 2)), [rnd(2, 2, 2, 3)])

# ---------------------------------------------------------------- pooling
case('adaptive_maxpool1d', lambda: nn.AdaptiveMaxPool1d(3), [rnd(2, 3, 8)])
case('adaptive_maxpool1d_indices_unbatched', lambda: nn.AdaptiveMaxPool1d(4, return_indices=True), [rnd(3, 10)])
case('lppool1d', lambda: nn.LPPool1d(2, 3, stride=2), [rnd(2, 3, 9)])
case('lppool1d_frac_ceil', lambda: nn.LPPool1d(1.5, 2, ceil_mode=True), [pos(1, 2, 7)])
case('lppool2d', lambda: nn.LPPool2d(2, 2), [rnd(2, 2, 4, 6)])
case('lppool2d_stride', lambda: nn.LPPool2d(3, (2, 3), stride=1), [pos(1, 2, 4, 5)])
case('maxunpool1d', lambda: nn.MaxUnpool1d(2), [rnd(2, 3, 8)], call='unpool1d')
case('maxunpool2d', lambda: nn.MaxUnpool2d(2), [rnd(2, 2, 4, 6)], call='unpool2d')
case('maxunpool2d_stride_pad_size', lambda: nn.MaxUnpool2d(3, stride=2, padding=1), [rnd(1, 2, 5, 6)], call='unpool2d_size')
case('maxunpool3d', lambda: nn.MaxUnpool3d(2), [rnd(1, 2, 4, 4, 2)], call='unpool3d')
case('fractional_maxpool2d', lambda: nn.FractionalMaxPool2d(3, output_size=(4, 3)), [r32(2, 2, 7, 6)], dtype=F32, modes=('train', 'train'), seed=2)
case('fractional_maxpool2d_ratio_indices_unbatched', lambda: nn.FractionalMaxPool2d(2, output_ratio=0.5, return_indices=True), [r32(3, 8, 8)], dtype=F32, seed=4)
case('fractional_maxpool3d', lambda: nn.FractionalMaxPool3d(2, output_size=(2, 3, 2)), [r32(1, 2, 4, 5, 4)], dtype=F32, seed=6)
case('fractional_maxpool3d_ratio', lambda: nn.FractionalMaxPool3d((1, 2, 2), output_ratio=(0.5, 0.6, 0.7), return_indices=True), [r32(2, 1, 4, 5, 6)], dtype=F32, seed=7)

# ---------------------------------------------------------------- normalisation
case('instancenorm3d', lambda: nn.InstanceNorm3d(2), [rnd(2, 2, 3, 3, 2)], modes=('train', 'eval'))
case('instancenorm3d_affine_tracked', lambda: nn.InstanceNorm3d(3, affine=True, track_running_stats=True), [rnd(2, 3, 2, 3, 2)], modes=('train', 'eval'))
case('local_response_norm_3d', lambda: nn.LocalResponseNorm(3), [rnd(2, 5, 4)])
case('local_response_norm_4d', lambda: nn.LocalResponseNorm(2, alpha=0.01, beta=0.5, k=2.0), [scaled(3, 2, 6, 3, 3)])
case('local_response_norm_5d', lambda: nn.LocalResponseNorm(4, alpha=0.1), [scaled(3, 1, 5, 2, 2, 3)])
case('cross_map_lrn2d', lambda: nn.CrossMapLRN2d(3, alpha=0.01), [scaled(3, 2, 6, 3, 3)])
case('cross_map_lrn2d_even', lambda: nn.CrossMapLRN2d(4, 0.1, 0.6, 2), [scaled(3, 1, 7, 2, 3)])

# ---------------------------------------------------------------- activations and shuffles
case('hardshrink', lambda: nn.Hardshrink(), [scaled(2, 6, 7)])
case('softshrink', lambda: nn.Softshrink(0.3), [scaled(2, 6, 7)])
case('softmax2d', lambda: nn.Softmax2d(), [rnd(2, 3, 4, 5)])
case('softmax2d_unbatched', lambda: nn.Softmax2d(), [rnd(3, 2, 4)])
case('channel_shuffle', lambda: nn.ChannelShuffle(2), [rnd(2, 4, 3, 3)], grads=False)
case('channel_shuffle_3', lambda: nn.ChannelShuffle(3), [rnd(1, 6, 5)], grads=False)

# ---------------------------------------------------------------- fold, unfold, transposed 3-D convolution
case('unfold', lambda: nn.Unfold(2, padding=1, stride=(1, 2)), [rnd(2, 3, 4, 5)])
case('unfold_dilation_unbatched', lambda: nn.Unfold((2, 3), dilation=(2, 1)), [rnd(2, 5, 6)])
case('fold', lambda: nn.Fold((4, 5), 2), [rnd(2, 12, 12)])
case('fold_stride_pad_dil', lambda: nn.Fold((5, 6), (2, 3), dilation=(1, 2), padding=1, stride=2), [rnd(1, 12, 6)])
case('fold_unbatched_uneven', lambda: nn.Fold((5, 5), 2, stride=2), [rnd(8, 4)])
case('conv_transpose3d', lambda: nn.ConvTranspose3d(2, 3, 2, stride=2), [rnd(1, 2, 2, 3, 2)])
case('conv_transpose3d_groups', lambda: nn.ConvTranspose3d(4, 6, (2, 1, 3), stride=(1, 2, 1), padding=(0, 0, 1), output_padding=(0, 1, 0), groups=2, dilation=(2, 1, 1)),
     [rnd(1, 4, 3, 2, 3)])
case('conv_transpose3d_unbatched_nobias', lambda: nn.ConvTranspose3d(2, 2, 3, padding=1, bias=False), [rnd(2, 2, 3, 2)])

# ---------------------------------------------------------------- dropout (float32: masks bit for bit)
case('dropout1d', lambda: nn.Dropout1d(0.4), [r32(3, 5, 4)], modes=('train', 'eval'), seed=3, dtype=F32)
case('dropout1d_unbatched', lambda: nn.Dropout1d(), [r32(6, 3)], seed=4, dtype=F32)
case('dropout3d', lambda: nn.Dropout3d(0.3), [r32(2, 4, 2, 2, 3)], seed=5, dtype=F32)
case('dropout3d_unbatched', lambda: nn.Dropout3d(0.6), [r32(5, 2, 1, 2)], seed=6, dtype=F32)
case('alpha_dropout', lambda: nn.AlphaDropout(0.3), [r32(4, 17)], modes=('train', 'eval', 'train'), seed=7, dtype=F32)
case('rrelu', lambda: nn.RReLU(), [r32(4, 9)], modes=('train', 'eval', 'train'), seed=9, dtype=F32)
case('rrelu_bounds', lambda: nn.RReLU(0.05, 0.6), [r32(2, 3, 5)], modes=('train',), seed=10, dtype=F32)
case('feature_alpha_dropout', lambda: nn.FeatureAlphaDropout(0.2), [r32(3, 6, 2, 2)], modes=('train', 'eval'), seed=8, dtype=F32)


def run_call(c, m, xs):
    kind = c['call']
    if kind == 'unpool1d':
        y, idx = F.max_pool1d(xs[0], 2, return_indices=True)
        return m(y, idx)
    if kind == 'unpool2d':
        y, idx = F.max_pool2d(xs[0], 2, return_indices=True)
        return m(y, idx)
    if kind == 'unpool2d_size':
        y, idx = F.max_pool2d(xs[0], 3, stride=2, padding=1, return_indices=True)
        return m(y, idx, output_size=list(xs[0].shape[-2:]))
    if kind == 'unpool3d':
        y, idx = F.max_pool3d(xs[0], 2, return_indices=True)
        return m(y, idx)
    return m(*xs)


def run(c):
    return run_layer(c, run_call)


# ---------------------------------------------------------------- functional (float64, with gradients)
FUNCS = []


def fcase(name, fn, inputs, grads=True):
    FUNCS.append((name, fn, inputs, grads))


def samples(*shape):
    def mk():
        u = torch.rand(*shape, dtype=F64)
        u.no_grad = True  # fixed samples: not differentiable
        return u
    return mk


fcase('pad_reflect_1d', lambda x: F.pad(x, (2, 1), mode='reflect'), [rnd(2, 3, 4)])
fcase('pad_replicate_2d_unbatched', lambda x: F.pad(x, (1, 2, 0, 3), mode='replicate'), [rnd(2, 3, 4)])
fcase('pad_reflect_3d_unbatched', lambda x: F.pad(x, (1, 1, 0, 2, 1, 0), mode='reflect'), [rnd(2, 3, 3, 3)])
fcase('pad_circular_1d', lambda x: F.pad(x, (2, 3), mode='circular'), [rnd(2, 2, 4)])
fcase('pad_circular_2d', lambda x: F.pad(x, (1, 0, 2, 2), mode='circular'), [rnd(1, 2, 3, 4)])
fcase('pad_circular_3d_crop', lambda x: F.pad(x, (-1, 1, 1, 1, 0, 2), mode='circular'), [rnd(1, 1, 2, 3, 4)])
fcase('pad_replicate_2d_empty_output', lambda x: F.pad(x, (0, 0, -2, -1), mode='replicate'), [rnd(1, 2, 3, 3)])
fcase('pad_reflect_batch_zero', lambda x: F.pad(x, (1, 1), mode='reflect'), [rnd(0, 2, 3)])
fcase('pad_circular_crop_all', lambda x: F.pad(x, (-3, 0), mode='circular'), [rnd(1, 2, 3)])
fcase('pad_replicate_value_zero', lambda x: F.pad(x, (1, 1), mode='replicate', value=0.0), [rnd(2, 3)])
fcase('hardshrink_lambd', lambda x: F.hardshrink(x, 1.2), [scaled(2, 4, 5)])
fcase('softshrink_zero', lambda x: F.softshrink(x, 0.0), [rnd(4, 5)])
fcase('logsigmoid', lambda x: F.logsigmoid(x), [scaled(5, 3, 4)])
fcase('hardtanh_', lambda x: F.hardtanh_(x.clone(), -0.5, 0.8), [rnd(3, 4)])
fcase('threshold_', lambda x: F.threshold_(x.clone(), 0.2, -3.0), [rnd(3, 4)])
fcase('adaptive_max_pool1d_indices', lambda x: F.adaptive_max_pool1d(x, 5, return_indices=True), [rnd(2, 3, 7)])
fcase('adaptive_max_pool1d_grow', lambda x: F.adaptive_max_pool1d(x, 6), [rnd(1, 2, 4)])
fcase('lp_pool1d', lambda x: F.lp_pool1d(x, 2.0, 3), [rnd(2, 2, 7)])
fcase('lp_pool2d_ceil', lambda x: F.lp_pool2d(x, 2, (3, 2), stride=(2, 1), ceil_mode=True), [rnd(1, 2, 6, 5)])
fcase('max_unpool1d', lambda x: F.max_unpool1d(*F.max_pool1d(x, 3, stride=2, return_indices=True), 3, stride=2), [rnd(1, 2, 9)])
fcase('max_unpool2d_unbatched', lambda x: F.max_unpool2d(*F.max_pool2d(x, 2, return_indices=True), 2), [rnd(2, 4, 4)])
fcase('max_unpool3d_size', lambda x: F.max_unpool3d(*F.max_pool3d(x, 2, return_indices=True), 2, output_size=(1, 2, 5, 5, 3)), [rnd(1, 2, 4, 4, 3)])
fcase('fractional_max_pool2d_samples', lambda x, u: F.fractional_max_pool2d(x, 2, output_size=3, return_indices=True, _random_samples=u), [rnd(2, 3, 7, 6), samples(2, 3, 2)])
fcase('fractional_max_pool3d_samples', lambda x, u: F.fractional_max_pool3d(x, (2, 1, 2), output_size=(2, 3, 3), return_indices=True, _random_samples=u), [rnd(1, 2, 4, 4, 5), samples(1, 2, 3)])
fcase('fractional_max_pool2d_unbatched_samples', lambda x, u: F.fractional_max_pool2d(x, 3, output_ratio=(0.5, 0.7), _random_samples=u), [rnd(2, 8, 9), samples(1, 2, 2)])
fcase('local_response_norm', lambda x: F.local_response_norm(x, 3, alpha=0.05, beta=0.6, k=1.5), [scaled(2, 2, 5, 3, 2)])
fcase('channel_shuffle', lambda x: F.channel_shuffle(x, 3), [rnd(2, 6, 2)], grads=False)
fcase('unfold', lambda x: F.unfold(x, (3, 2), dilation=(1, 2), padding=(1, 0), stride=(2, 1)), [rnd(2, 2, 5, 6)])
fcase('fold', lambda x: F.fold(x, (5, 4), 3, padding=1), [rnd(1, 18, 20)])
fcase('conv_transpose3d', lambda x, w, b: F.conv_transpose3d(x, w, b, stride=2, padding=1, output_padding=1), [rnd(2, 2, 2, 3, 2), rnd(2, 3, 3, 3, 2), rnd(3)])
fcase('conv_transpose3d_unbatched', lambda x, w: F.conv_transpose3d(x, w, groups=2, dilation=2), [rnd(4, 2, 2, 2), rnd(4, 1, 2, 2, 2)])
fcase('pdist', lambda x: F.pdist(x), [rnd(5, 3)])
fcase('pdist_p1', lambda x: F.pdist(x, 1), [rnd(4, 6)])
fcase('pdist_p3', lambda x: F.pdist(x, 3.5), [rnd(4, 2)])
fcase('pdist_inf', lambda x: F.pdist(x, float('inf')), [rnd(4, 3)])
fcase('pdist_p0', lambda x: F.pdist(x, 0), [rnd(3, 3)], grads=False)
fcase('pdist_one_row', lambda x: F.pdist(x), [rnd(1, 3)], grads=False)
fcase('upsample_nearest', lambda x: F.upsample_nearest(x, scale_factor=2), [rnd(1, 2, 3, 3)])
fcase('upsample_bilinear', lambda x: F.upsample_bilinear(x, size=(5, 4)), [rnd(1, 2, 3, 3)])
fcase('upsample_linear', lambda x: F.upsample(x, size=7, mode='linear'), [rnd(2, 2, 4)])
fcase('affine_grid_2d', lambda t: F.affine_grid(t, [2, 3, 4, 5], align_corners=False), [rnd(2, 2, 3)])
fcase('affine_grid_2d_align', lambda t: F.affine_grid(t, [1, 1, 3, 2], align_corners=True), [rnd(1, 2, 3)])
fcase('affine_grid_3d', lambda t: F.affine_grid(t, [2, 1, 2, 3, 4], align_corners=False), [rnd(2, 3, 4)])
fcase('affine_grid_3d_align_unit', lambda t: F.affine_grid(t, [1, 2, 1, 3, 2], align_corners=True), [rnd(1, 3, 4)])
for pm in ('zeros', 'border', 'reflection'):
    for ac in (False, True):
        fcase(f'grid_sample_bilinear_{pm}_{int(ac)}', lambda x, g, pm=pm, ac=ac: F.grid_sample(x, g, mode='bilinear', padding_mode=pm, align_corners=ac), [rnd(2, 3, 4, 5), scaled(1.3, 2, 3, 6, 2)])
        fcase(f'grid_sample_nearest_{pm}_{int(ac)}', lambda x, g, pm=pm, ac=ac: F.grid_sample(x, g, mode='nearest', padding_mode=pm, align_corners=ac), [rnd(1, 2, 4, 5), scaled(1.3, 1, 3, 3, 2)])
        fcase(f'grid_sample_3d_{pm}_{int(ac)}', lambda x, g, pm=pm, ac=ac: F.grid_sample(x, g, padding_mode=pm, align_corners=ac), [rnd(1, 2, 3, 4, 3), scaled(1.3, 1, 2, 2, 3, 3)])
for pm in ('zeros', 'border', 'reflection'):
    for ac in (False, True):
        fcase(f'grid_sample_bicubic_{pm}_{int(ac)}', lambda x, g, pm=pm, ac=ac: F.grid_sample(x, g, mode='bicubic', padding_mode=pm, align_corners=ac), [rnd(2, 2, 4, 5), scaled(1.3, 2, 3, 4, 2)])
fcase('grid_sample_3d_nearest', lambda x, g: F.grid_sample(x, g, mode='nearest', align_corners=False), [rnd(1, 2, 3, 4, 3), scaled(1.3, 1, 2, 2, 3, 3)])
fcase('grid_sample_affine', lambda x, t: F.grid_sample(x, F.affine_grid(t, [1, 2, 5, 4], align_corners=False), align_corners=False), [rnd(1, 2, 4, 4), rnd(1, 2, 3)])
fcase('alpha_dropout_eval', lambda x: F.alpha_dropout(x, 0.5), [rnd(3, 4)])
fcase('dropout1d_eval', lambda x: F.dropout1d(x, 0.5, training=False), [rnd(3, 4)])


def run_func(name, fn, inputs, grads):
    torch.manual_seed(0)
    xs = [mk() for mk in inputs]
    flags = [not getattr(x, 'no_grad', False) for x in xs]
    for x, f in zip(xs, flags):
        x.requires_grad_(f)
    out = fn(*xs)
    outs = flat_outputs(out)
    e = {'name': name, 'inputs': [enc_result(x) for x in xs], 'requires_grad': flags, 'outputs': [enc_result(o) for o in outs]}
    diff = [o for o in outs if o.is_floating_point() and o.requires_grad]
    if grads and diff:
        gs = [torch.randn(o.shape, dtype=o.dtype) for o in diff]
        loss = sum((o * g).sum() for o, g in zip(diff, gs))
        gr = torch.autograd.grad(loss, [x for x, f in zip(xs, flags) if f], allow_unused=True)
        e['out_grads'] = [enc_result(g) for g in gs]
        e['input_grads'] = [None if g is None else enc_result(g) for g in gr]
    return e


# ---------------------------------------------------------------- random functional calls (float32, bit for bit)
RANDOM = []


def rcase(name, fn, shapes, seed):
    RANDOM.append((name, fn, shapes, seed))


rcase('alpha_dropout', lambda x: F.alpha_dropout(x, 0.25, True), [(5, 13)], 11)
rcase('alpha_dropout_p1', lambda x: F.alpha_dropout(x, 1.0, True), [(2, 3)], 12)
rcase('feature_alpha_dropout', lambda x: F.feature_alpha_dropout(x, 0.5, True), [(4, 3, 5)], 13)
rcase('feature_alpha_dropout_2d', lambda x: F.feature_alpha_dropout(x, 0.3, True), [(6, 5)], 14)
rcase('dropout1d', lambda x: F.dropout1d(x, 0.5), [(3, 4, 6)], 15)
rcase('dropout3d_inplace', lambda x: F.dropout3d(x, 0.4, inplace=True), [(2, 3, 2, 2, 2)], 16)
rcase('rrelu_train', lambda x: F.rrelu(x, 0.1, 0.4, True), [(6, 7)], 21)
rcase('rrelu_inplace', lambda x: F.rrelu_(x, 0.2, 0.2, True), [(3, 5)], 22)
rcase('rrelu_eval', lambda x: F.rrelu(x, 0.1, 0.4), [(3, 5)], 23)
rcase('leaky_relu_float32', lambda x: F.leaky_relu(x, 0.2), [(40, 25)], 24)
rcase('gumbel_softmax', lambda x: F.gumbel_softmax(x, tau=0.7), [(4, 6)], 17)
rcase('gumbel_softmax_hard_dim0', lambda x: F.gumbel_softmax(x, hard=True, dim=0), [(5, 3)], 18)
rcase('fractional_max_pool2d', lambda x: F.fractional_max_pool2d(x, 2, output_size=(3, 4), return_indices=True), [(2, 3, 6, 7)], 19)
rcase('fractional_max_pool3d_ratio', lambda x: F.fractional_max_pool3d(x, 2, output_ratio=0.5, return_indices=True), [(1, 2, 6, 5, 7)], 20)


def run_random(name, fn, shapes, seed):
    torch.manual_seed(seed)
    xs = [torch.randn(*s) for s in shapes]
    ins = [enc_result(x) for x in xs]
    out = fn(*xs)
    return {'name': name, 'seed': seed, 'inputs': ins, 'outputs': [enc_result(o) for o in flat_outputs(out)]}


# ---------------------------------------------------------------- errors
ERRORS = []


def err(name, fn):
    ERRORS.append((name, fn))


x3 = torch.randn(1, 2, 3)
x4 = torch.randn(1, 2, 3, 4)
x5 = torch.randn(1, 2, 3, 4, 5)
err('pad_reflect_too_large_1d', lambda: F.pad(x3, (3, 3), mode='reflect'))
err('pad_reflect_too_large_2d_h', lambda: F.pad(x4, (1, 1, 5, 5), mode='reflect'))
err('pad_reflect_too_large_2d_w', lambda: F.pad(x4, (4, 1, 1, 1), mode='reflect'))
err('pad_reflect_too_large_3d', lambda: F.pad(x5, (1, 1, 1, 1, 3, 3), mode='reflect'))
err('pad_odd_length', lambda: F.pad(x3, (1,), mode='reflect'))
err('pad_too_long', lambda: F.pad(x3, (1,) * 8, mode='reflect'))
err('pad_circular_wrap', lambda: F.pad(x3, (4, 4), mode='circular'))
err('pad_circular_unbatched', lambda: F.pad(torch.randn(2, 3), (1, 1), mode='circular'))
err('pad_replicate_value', lambda: F.pad(x3, (1, 1), mode='replicate', value=2.0))
err('pad_bad_mode', lambda: F.pad(x3, (1, 1), mode='foo'))
err('pad_reflect_bad_dims', lambda: F.pad(torch.randn(2, 3, 4, 5, 6), (1, 1), mode='reflect'))
err('pad_replicate_1d_empty_output', lambda: F.pad(x3, (-2, -1), mode='replicate'))
err('pad_reflect_1d_empty_output', lambda: F.pad(x3, (-2, -1), mode='reflect'))
err('pad_replicate_empty_input', lambda: F.pad(torch.randn(1, 0, 3), (1, 1), mode='replicate'))
err('pad_reflect_empty_input', lambda: F.pad(torch.randn(1, 2, 0, 3), (1, 1, 0, 0), mode='reflect'))
err('pad_reflect_3d_empty_input', lambda: F.pad(torch.randn(1, 2, 3, 0, 3), (1, 1, 0, 0, 0, 0), mode='reflect'))
err('softshrink_negative', lambda: F.softshrink(x3, -1.0))
err('hardshrink_int', lambda: F.hardshrink(torch.arange(3)))
err('adaptive_max_pool1d_1d', lambda: F.adaptive_max_pool1d(torch.randn(3), 2))
err('adaptive_max_pool1d_two_sizes', lambda: F.adaptive_max_pool1d(x3, (2, 3)))
err('max_unpool2d_shape', lambda: F.max_unpool2d(*(lambda y, i: (y, i[:, :1]))(*F.max_pool2d(torch.randn(1, 2, 4, 4), 2, return_indices=True)), 2))
# one plane: ATen's planes run in parallel and each reports the last bad index it meets
err('max_unpool2d_bad_index', lambda: F.max_unpool2d(*(lambda y, i: (y, i * 10))(*F.max_pool2d(torch.arange(16.0).view(1, 1, 4, 4), 2, return_indices=True)), 2))
err('max_unpool2d_output_size', lambda: F.max_unpool2d(*F.max_pool2d(torch.randn(1, 2, 4, 4), 2, return_indices=True), 2, output_size=(9, 9)))
err('max_unpool2d_output_size_len', lambda: F.max_unpool2d(*F.max_pool2d(torch.randn(1, 2, 4, 4), 2, return_indices=True), 2, output_size=(4, 4, 4)))
err('max_unpool2d_int32', lambda: F.max_unpool2d(*(lambda y, i: (y, i.int()))(*F.max_pool2d(torch.randn(1, 2, 4, 4), 2, return_indices=True)), 2))
err('max_unpool2d_2d_input', lambda: F.max_unpool2d(*(lambda y, i: (y[0, 0], i[0, 0]))(*F.max_pool2d(torch.randn(1, 2, 4, 4), 2, return_indices=True)), 2))
err('fractional_no_size', lambda: F.fractional_max_pool2d(x4, 2))
err('fractional_too_large', lambda: F.fractional_max_pool2d(x4, 2, output_size=4))
err('fractional_too_large_w', lambda: F.fractional_max_pool2d(x4, (1, 3), output_size=(2, 3)))
err('fractional3d_too_large', lambda: F.fractional_max_pool3d(x5, 2, output_size=(3, 2, 2)))
err('lp_pool2d_too_small', lambda: F.lp_pool2d(x4, 2, 5))
err('local_response_norm_2d', lambda: F.local_response_norm(torch.randn(2, 3), 2))
err('channel_shuffle_divisible', lambda: F.channel_shuffle(torch.randn(1, 4, 2), 3))
err('channel_shuffle_dims', lambda: F.channel_shuffle(torch.randn(2, 4), 2))
err('channel_shuffle_zero', lambda: F.channel_shuffle(torch.randn(1, 4, 2), 0))
err('pdist_dims', lambda: F.pdist(x4))
err('pdist_negative_p', lambda: F.pdist(torch.randn(3, 2), -1))
err('unfold_kernel_zero', lambda: F.unfold(x4, 0))
err('unfold_too_large', lambda: F.unfold(x4, 6))
err('unfold_stride_zero', lambda: F.unfold(x4, 2, stride=0))
err('unfold_dilation_zero', lambda: F.unfold(x4, 2, dilation=0))
err('unfold_padding_negative', lambda: F.unfold(x4, 2, padding=-1))
err('unfold_5d', lambda: F.unfold(x5, 2))
err('fold_not_divisible', lambda: F.fold(torch.randn(2, 5, 12), (4, 5), 2))
err('fold_blocks_mismatch', lambda: F.fold(torch.randn(2, 12, 10), (4, 5), 2))
err('fold_1d', lambda: F.fold(torch.randn(12), (4, 5), 2))
err('conv_transpose3d_channels', lambda: F.conv_transpose3d(torch.randn(1, 2, 3, 3, 3), torch.randn(3, 2, 2, 2, 2)))
err('conv_transpose3d_output_padding', lambda: F.conv_transpose3d(torch.randn(1, 2, 3, 3, 3), torch.randn(2, 2, 2, 2, 2), output_padding=1))
err('affine_grid_int', lambda: F.affine_grid(torch.zeros(1, 2, 3, dtype=torch.int64), [1, 1, 2, 2], align_corners=False))
err('affine_grid_shape', lambda: F.affine_grid(torch.zeros(1, 3, 3), [1, 1, 2, 2], align_corners=False))
err('affine_grid_shape_3d', lambda: F.affine_grid(torch.zeros(1, 2, 3), [1, 1, 2, 2, 2], align_corners=False))
err('affine_grid_size_len', lambda: F.affine_grid(torch.zeros(1, 2, 3), [1, 2, 2], align_corners=False))
err('affine_grid_size_zero', lambda: F.affine_grid(torch.zeros(1, 2, 3), [1, 0, 2, 2], align_corners=False))
err('grid_sample_mode', lambda: F.grid_sample(x4, torch.zeros(1, 2, 2, 2), mode='linear', align_corners=False))
err('grid_sample_padding', lambda: F.grid_sample(x4, torch.zeros(1, 2, 2, 2), padding_mode='wrap', align_corners=False))
err('grid_sample_dims', lambda: F.grid_sample(x4, torch.zeros(1, 2, 2), align_corners=False))
err('grid_sample_batch', lambda: F.grid_sample(x4, torch.zeros(2, 2, 2, 2), align_corners=False))
err('grid_sample_last_dim', lambda: F.grid_sample(x4, torch.zeros(1, 2, 2, 3), align_corners=False))
err('grid_sample_bicubic_3d', lambda: F.grid_sample(x5, torch.zeros(1, 2, 2, 2, 3), mode='bicubic', align_corners=False))
err('dropout1d_dims', lambda: F.dropout1d(x4))
err('alpha_dropout_p', lambda: F.alpha_dropout(x3, 1.5, True))
err('dropout3d_p', lambda: F.dropout3d(x5, -0.1))
err('feature_alpha_dropout_1d', lambda: F.feature_alpha_dropout(torch.randn(4), 0.5, True))
err('instancenorm3d_dims', lambda: nn.InstanceNorm3d(2)(x3))
err('rrelu_bounds', lambda: F.rrelu(x3, 0.5, 0.2, True))
err('rrelu_int', lambda: F.rrelu(torch.arange(3), training=True))
err('softmax2d_dims', lambda: nn.Softmax2d()(torch.randn(2, 3)))
err('cross_map_lrn2d_dims', lambda: nn.CrossMapLRN2d(3)(torch.randn(2, 3, 4)))
err('fractional_module_no_size', lambda: nn.FractionalMaxPool2d(2))
err('fractional_module_both', lambda: nn.FractionalMaxPool2d(2, output_size=2, output_ratio=0.5))
err('fractional_module_ratio', lambda: nn.FractionalMaxPool2d(2, output_ratio=1.5))


# ---------------------------------------------------------------- backward node names
GRAD_FNS = []


def gcase(name, fn):
    GRAD_FNS.append((name, fn))


def rg(*shape):
    return torch.randn(*shape, requires_grad=True)


gcase('pad_reflect_1d', lambda: F.pad(rg(2, 3, 5), (1, 1), mode='reflect'))
gcase('pad_reflect_2d', lambda: F.pad(rg(2, 3, 5), (1, 1, 1, 1), mode='reflect'))
gcase('pad_reflect_3d', lambda: F.pad(rg(1, 2, 3, 3, 3), (1, 1, 1, 1, 1, 1), mode='reflect'))
gcase('pad_replicate_1d', lambda: F.pad(rg(2, 3, 5), (1, 1), mode='replicate'))
gcase('pad_replicate_2d', lambda: F.pad(rg(2, 3, 5), (1, 1, 1, 1), mode='replicate'))
gcase('pad_replicate_3d', lambda: F.pad(rg(1, 2, 3, 3, 3), (1, 1, 1, 1, 1, 1), mode='replicate'))
gcase('hardshrink', lambda: F.hardshrink(rg(3, 4)))
gcase('softshrink', lambda: F.softshrink(rg(3, 4)))
gcase('logsigmoid', lambda: F.logsigmoid(rg(3, 4)))
gcase('unfold', lambda: F.unfold(rg(1, 2, 4, 4), 2))
gcase('fold', lambda: F.fold(rg(1, 8, 9), (4, 4), 2))
gcase('max_unpool2d', lambda: F.max_unpool2d(*F.max_pool2d(rg(1, 2, 4, 4), 2, return_indices=True), 2))
gcase('max_unpool3d', lambda: F.max_unpool3d(*F.max_pool3d(rg(1, 2, 4, 4, 2), 2, return_indices=True), 2))
gcase('max_unpool1d', lambda: F.max_unpool1d(*F.max_pool1d(rg(1, 2, 4), 2, return_indices=True), 2))
gcase('fractional_max_pool2d', lambda: F.fractional_max_pool2d(rg(1, 2, 6, 6), 2, output_size=3))
gcase('fractional_max_pool3d', lambda: F.fractional_max_pool3d(rg(1, 2, 5, 5, 5), 2, output_size=3))
gcase('adaptive_max_pool1d', lambda: F.adaptive_max_pool1d(rg(2, 3, 8), 3))
gcase('pdist', lambda: F.pdist(rg(4, 3)))
gcase('conv_transpose3d', lambda: F.conv_transpose3d(rg(1, 2, 2, 2, 2), rg(2, 3, 2, 2, 2)))
gcase('affine_grid', lambda: F.affine_grid(rg(1, 2, 3), [1, 1, 3, 3], align_corners=False))
gcase('grid_sample_2d', lambda: F.grid_sample(rg(1, 2, 3, 3), rg(1, 2, 2, 2), align_corners=False))
gcase('grid_sample_3d', lambda: F.grid_sample(rg(1, 2, 3, 3, 3), rg(1, 2, 2, 2, 3), align_corners=False))
gcase('dropout1d_unbatched', lambda: F.dropout1d(rg(3, 4), 0.5))
gcase('dropout3d', lambda: F.dropout3d(rg(1, 2, 2, 2, 2), 0.5))
gcase('alpha_dropout', lambda: F.alpha_dropout(rg(3, 4), 0.5, True))
gcase('local_response_norm', lambda: F.local_response_norm(rg(1, 4, 3), 2))
gcase('lp_pool2d', lambda: F.lp_pool2d(rg(1, 2, 4, 4), 2, 2))
gcase('rrelu_train', lambda: F.rrelu(rg(3, 4), training=True))
gcase('rrelu_eval', lambda: F.rrelu(rg(3, 4)))
gcase('gumbel_softmax', lambda: F.gumbel_softmax(rg(3, 4)))
gcase('gumbel_softmax_hard', lambda: F.gumbel_softmax(rg(3, 4), hard=True))


# PyTorch 2.x's wording where 1.13's error says nothing (the project follows 2.x there):
# torch/nn/_functions.py, CrossMapLRN2d.forward: raise ValueError(
#     f"CrossMapLRN2d: Expected input to be 4D, got {input.dim()}D instead.")  (1.13: a bare assert)
OVERRIDES_2X = {'cross_map_lrn2d_dims': ('ValueError', 'CrossMapLRN2d: Expected input to be 4D, got 3D instead.')}


def run_err(name, fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - recording PyTorch's error
        if name in OVERRIDES_2X:
            kind, text = OVERRIDES_2X[name]
            return {'name': name, 'type': kind, 'message': text}
        return {'name': name, 'type': type(e).__name__, 'message': str(e)}
    raise AssertionError(f'{name}: no error')


def main():
    out = {
        'torch_version': torch.__version__,
        'cases': [run(c) for c in CASES],
        'functional': [run_func(*f) for f in FUNCS],
        'random': [run_random(*r) for r in RANDOM],
        'errors': [run_err(*e) for e in ERRORS],
        'grad_fns': {n: type(fn().grad_fn).__name__ for n, fn in GRAD_FNS},
    }
    write_json('packages/nn/test/fixtures/nn_surface_layers.json', out)


if __name__ == '__main__':
    main()
