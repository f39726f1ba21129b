"""Golden cases: every torch.nn.functional function that Antorcha has, called with small
integer and bool inputs (int64, int32, uint8, bool), from real PyTorch 1.13.

Each case names a spec (a fixed call, the same lambda is written on the TypeScript side in
packages/nn/test/int-inputs.test.ts), the dtype under test, the input tensors, and either the
result tensors or the error class and message. The tensor the dtype applies to is the op's main
input (and, for the regression losses and distances, every operand of the same kind); weights,
running statistics, grids and the like stay float32, class-index targets stay int64.

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_int_inputs.py`.
Writes packages/nn/test/fixtures/int-inputs.json.
"""
import torch
import torch.nn.functional as F

from _common import DTYPE_NAMES, enc_result, write_json

INT_DTYPES = [torch.int64, torch.int32, torch.uint8, torch.bool]
F32 = torch.float32
I64 = torch.int64


def I(shape, dt, idx=False, mod=None):
    """A small integer (or bool) tensor: centred values for signed dtypes, else 0, 1, 2, ..."""
    n = 1
    for s in shape:
        n *= s
    a = torch.arange(n)
    if dt == torch.bool:
        a = a % 2
    elif mod is not None:
        a = a % mod
    elif not idx and dt in (torch.int64, torch.int32):
        a = a - n // 2
    elif dt == torch.uint8 or idx:
        a = a % 5
    return a.reshape(shape).to(dt)


def Fl(shape):
    """A float32 tensor with exactly representable values in [-0.75, 0.75]."""
    n = 1
    for s in shape:
        n *= s
    return ((torch.arange(n) % 7 - 3) * 0.25).reshape(shape).to(F32)


SPECS = []


def spec(name, make, fn, seed=False):
    SPECS.append((name, make, fn, seed))


def unary(name, fn, shape=(2, 3), **kw):
    spec(name, lambda dt: [I(shape, dt, **kw)], lambda t: fn(t[0]))


# ------------------------------------------------------------------ activations
unary('relu', F.relu)
unary('relu6', F.relu6)
unary('leaky_relu', lambda x: F.leaky_relu(x, 0.5))
unary('elu', F.elu)
unary('gelu', F.gelu)
unary('silu', F.silu)
unary('sigmoid', F.sigmoid)
unary('tanh', F.tanh)
unary('softplus', F.softplus)
unary('hardtanh', F.hardtanh)
unary('hardtanh_range', lambda x: F.hardtanh(x, -2.0, 2.0))
unary('logsigmoid', F.logsigmoid)
unary('softmax', lambda x: F.softmax(x, 1))
unary('softmax_dtype', lambda x: F.softmax(x, 1, dtype=torch.float64))
unary('softmin', lambda x: F.softmin(x, 1))
unary('log_softmax', lambda x: F.log_softmax(x, 1))
unary('hardswish', F.hardswish)
unary('hardsigmoid', F.hardsigmoid)
unary('mish', F.mish)
unary('selu', F.selu)
unary('celu', F.celu)
unary('softsign', F.softsign)
unary('tanhshrink', F.tanhshrink)
unary('threshold', lambda x: F.threshold(x, 1.0, 5.0))
unary('glu', lambda x: F.glu(x), shape=(2, 4))
spec('prelu', lambda dt: [I((2, 3), dt), torch.tensor([0.25])], lambda t: F.prelu(t[0], t[1]))
unary('hardshrink', F.hardshrink)
unary('softshrink', F.softshrink)
spec('gumbel_softmax', lambda dt: [I((2, 3), dt)], lambda t: F.gumbel_softmax(t[0]), seed=True)
unary('rrelu_eval', lambda x: F.rrelu(x))
spec('rrelu_train', lambda dt: [I((2, 3), dt)], lambda t: F.rrelu(t[0], training=True), seed=True)
unary('relu_', lambda x: F.relu_(x.clone()))
unary('leaky_relu_', lambda x: F.leaky_relu_(x.clone(), 0.5))
unary('elu_', lambda x: F.elu_(x.clone()))
unary('selu_', lambda x: F.selu_(x.clone()))
unary('celu_', lambda x: F.celu_(x.clone()))
unary('hardtanh_', lambda x: F.hardtanh_(x.clone()))
unary('threshold_', lambda x: F.threshold_(x.clone(), 1.0, 5.0))
unary('rrelu_', lambda x: F.rrelu_(x.clone()))

# ------------------------------------------------------------------ convolutions, linear
spec('conv1d', lambda dt: [I((1, 1, 4), dt), Fl((1, 1, 2))], lambda t: F.conv1d(t[0], t[1]))
spec('conv2d', lambda dt: [I((1, 1, 3, 3), dt), Fl((1, 1, 2, 2))], lambda t: F.conv2d(t[0], t[1]))
spec('conv3d', lambda dt: [I((1, 1, 2, 2, 2), dt), Fl((1, 1, 1, 1, 2))], lambda t: F.conv3d(t[0], t[1]))
spec('conv_transpose1d', lambda dt: [I((1, 1, 3), dt), Fl((1, 1, 2))], lambda t: F.conv_transpose1d(t[0], t[1]))
spec('conv_transpose2d', lambda dt: [I((1, 1, 2, 2), dt), Fl((1, 1, 2, 2))], lambda t: F.conv_transpose2d(t[0], t[1]))
spec('conv_transpose3d', lambda dt: [I((1, 1, 1, 2, 2), dt), Fl((1, 1, 1, 1, 2))], lambda t: F.conv_transpose3d(t[0], t[1]))
spec('linear', lambda dt: [I((2, 3), dt), Fl((2, 3)), Fl((2,))], lambda t: F.linear(t[0], t[1], t[2]))
spec('bilinear', lambda dt: [I((2, 3), dt), Fl((2, 2)), Fl((1, 3, 2))], lambda t: F.bilinear(t[0], t[1], t[2]))
spec('embedding', lambda dt: [I((2, 2), dt, idx=True), Fl((5, 2))], lambda t: F.embedding(t[0], t[1]))
spec('embedding_bag', lambda dt: [I((2, 2), dt, idx=True), Fl((5, 2))], lambda t: F.embedding_bag(t[0], t[1]))
unary('one_hot', lambda x: F.one_hot(x, 5), shape=(3,), idx=True)
unary('pdist', F.pdist, shape=(3, 2))

# ------------------------------------------------------------------ dropout (random: seeded)
spec('dropout', lambda dt: [I((2, 3), dt)], lambda t: F.dropout(t[0], 0.5), seed=True)
unary('dropout_eval', lambda x: F.dropout(x, 0.5, training=False))
spec('dropout1d', lambda dt: [I((2, 3, 2), dt)], lambda t: F.dropout1d(t[0], 0.5), seed=True)
spec('dropout2d', lambda dt: [I((1, 3, 2, 2), dt)], lambda t: F.dropout2d(t[0], 0.5), seed=True)
spec('dropout3d', lambda dt: [I((1, 3, 1, 2, 2), dt)], lambda t: F.dropout3d(t[0], 0.5), seed=True)
spec('alpha_dropout', lambda dt: [I((2, 3), dt)], lambda t: F.alpha_dropout(t[0], 0.5, training=True), seed=True)
unary('alpha_dropout_eval', lambda x: F.alpha_dropout(x, 0.5))
spec('feature_alpha_dropout', lambda dt: [I((1, 3, 2, 2), dt)], lambda t: F.feature_alpha_dropout(t[0], 0.5, training=True), seed=True)

# ------------------------------------------------------------------ fold
unary('unfold', lambda x: F.unfold(x, 2), shape=(1, 1, 3, 3))
unary('fold', lambda x: F.fold(x, (3, 3), 2), shape=(1, 4, 4))

# ------------------------------------------------------------------ losses
def loss2(name, fn, shape=(2, 3), **kw):
    spec(name, lambda dt: [I(shape, dt, **kw), I(shape, dt, mod=2) if dt != torch.bool else I(shape, dt)], lambda t: fn(t[0], t[1]))


loss2('mse_loss', F.mse_loss)
loss2('l1_loss', F.l1_loss)
loss2('smooth_l1_loss', F.smooth_l1_loss)
loss2('huber_loss', F.huber_loss)
loss2('binary_cross_entropy', F.binary_cross_entropy, mod=2)
loss2('binary_cross_entropy_with_logits', F.binary_cross_entropy_with_logits)
loss2('kl_div', F.kl_div)
loss2('kl_div_sum', lambda a, b: F.kl_div(a, b, reduction='sum'))
loss2('soft_margin_loss', F.soft_margin_loss)
loss2('multilabel_soft_margin_loss', F.multilabel_soft_margin_loss)
loss2('hinge_embedding_loss', F.hinge_embedding_loss)
loss2('poisson_nll_loss', F.poisson_nll_loss)
loss2('pairwise_distance', F.pairwise_distance)
loss2('cosine_similarity', F.cosine_similarity)
spec('gaussian_nll_loss', lambda dt: [I((2, 3), dt), I((2, 3), dt, mod=2), I((2, 3), dt, idx=True)], lambda t: F.gaussian_nll_loss(t[0], t[1], t[2]))
spec('margin_ranking_loss', lambda dt: [I((3,), dt), I((3,), dt, idx=True), I((3,), dt, mod=2)], lambda t: F.margin_ranking_loss(t[0], t[1], t[2]))
spec('cosine_embedding_loss', lambda dt: [I((2, 3), dt), I((2, 3), dt, idx=True), I((2,), dt, mod=2)], lambda t: F.cosine_embedding_loss(t[0], t[1], t[2]))
spec('triplet_margin_loss', lambda dt: [I((2, 3), dt), I((2, 3), dt, idx=True), I((2, 3), dt, mod=2)], lambda t: F.triplet_margin_loss(t[0], t[1], t[2]))
spec('triplet_margin_with_distance_loss', lambda dt: [I((2, 3), dt), I((2, 3), dt, idx=True), I((2, 3), dt, mod=2)],
     lambda t: F.triplet_margin_with_distance_loss(t[0], t[1], t[2]))
spec('nll_loss', lambda dt: [I((2, 3), dt), torch.tensor([0, 2])], lambda t: F.nll_loss(t[0], t[1]))
spec('cross_entropy', lambda dt: [I((2, 3), dt), torch.tensor([0, 2])], lambda t: F.cross_entropy(t[0], t[1]))
spec('cross_entropy_probs', lambda dt: [I((2, 3), dt), I((2, 3), dt, mod=2)], lambda t: F.cross_entropy(t[0], t[1]))
spec('multi_margin_loss', lambda dt: [I((2, 3), dt), torch.tensor([0, 2])], lambda t: F.multi_margin_loss(t[0], t[1]))
spec('multilabel_margin_loss', lambda dt: [I((2, 3), dt), torch.tensor([[0, 2, -1], [1, -1, 0]])], lambda t: F.multilabel_margin_loss(t[0], t[1]))
spec('ctc_loss', lambda dt: [I((4, 1, 3), dt), torch.tensor([[1, 2]])], lambda t: F.ctc_loss(t[0], t[1], [4], [2]))
spec('nll_loss_target', lambda dt: [Fl((2, 3)), torch.tensor([0, 2]).to(dt)], lambda t: F.nll_loss(t[0], t[1]))
spec('cross_entropy_target', lambda dt: [Fl((2, 3)), torch.tensor([0, 1]).to(dt)], lambda t: F.cross_entropy(t[0], t[1]))

# ------------------------------------------------------------------ normalization
spec('batch_norm', lambda dt: [I((2, 3), dt), torch.zeros(3), torch.ones(3)], lambda t: F.batch_norm(t[0], t[1], t[2]))
unary('batch_norm_train', lambda x: F.batch_norm(x, None, None, training=True))
unary('group_norm', lambda x: F.group_norm(x, 2), shape=(1, 4, 2))
unary('instance_norm', F.instance_norm, shape=(1, 2, 3))
unary('layer_norm', lambda x: F.layer_norm(x, [3]))
unary('local_response_norm', lambda x: F.local_response_norm(x, 2), shape=(1, 3, 2))
unary('normalize', F.normalize)

# ------------------------------------------------------------------ padding, shuffles
unary('pad_constant', lambda x: F.pad(x, (1, 1)), shape=(1, 1, 3))
unary('pad_value', lambda x: F.pad(x, (1, 1), value=7.0), shape=(1, 1, 3))
unary('pad_reflect', lambda x: F.pad(x, (1, 1), mode='reflect'), shape=(1, 1, 3))
unary('pad_replicate', lambda x: F.pad(x, (1, 1), mode='replicate'), shape=(1, 1, 3))
unary('pad_circular', lambda x: F.pad(x, (1, 1), mode='circular'), shape=(1, 1, 3))
unary('pixel_shuffle', lambda x: F.pixel_shuffle(x, 2), shape=(1, 4, 1, 1))
unary('pixel_unshuffle', lambda x: F.pixel_unshuffle(x, 2), shape=(1, 1, 2, 2))
unary('channel_shuffle', lambda x: F.channel_shuffle(x, 2), shape=(1, 4, 1, 1))

# ------------------------------------------------------------------ pooling
unary('avg_pool1d', lambda x: F.avg_pool1d(x, 2), shape=(1, 1, 4))
unary('avg_pool2d', lambda x: F.avg_pool2d(x, 2), shape=(1, 1, 2, 4))
unary('avg_pool3d', lambda x: F.avg_pool3d(x, 2), shape=(1, 1, 2, 2, 4))
unary('adaptive_avg_pool1d', lambda x: F.adaptive_avg_pool1d(x, 2), shape=(1, 1, 4))
unary('adaptive_avg_pool2d', lambda x: F.adaptive_avg_pool2d(x, 2), shape=(1, 1, 2, 4))
unary('adaptive_avg_pool3d', lambda x: F.adaptive_avg_pool3d(x, 2), shape=(1, 1, 2, 2, 4))
unary('adaptive_max_pool1d', lambda x: F.adaptive_max_pool1d(x, 2), shape=(1, 1, 4))
unary('adaptive_max_pool1d_indices', lambda x: F.adaptive_max_pool1d(x, 2, return_indices=True), shape=(1, 1, 4))
unary('adaptive_max_pool2d', lambda x: F.adaptive_max_pool2d(x, 2), shape=(1, 1, 2, 4))
unary('adaptive_max_pool3d', lambda x: F.adaptive_max_pool3d(x, 2), shape=(1, 1, 2, 2, 4))
unary('max_pool1d', lambda x: F.max_pool1d(x, 2), shape=(1, 1, 4))
unary('max_pool2d', lambda x: F.max_pool2d(x, 2), shape=(1, 1, 2, 4))
unary('max_pool2d_indices', lambda x: F.max_pool2d(x, 2, return_indices=True), shape=(1, 1, 2, 4))
unary('max_pool3d', lambda x: F.max_pool3d(x, 2), shape=(1, 1, 2, 2, 4))
unary('max_pool3d_indices', lambda x: F.max_pool3d(x, 2, return_indices=True), shape=(1, 1, 2, 2, 4))
unary('lp_pool1d', lambda x: F.lp_pool1d(x, 2, 2), shape=(1, 1, 4))
unary('lp_pool2d', lambda x: F.lp_pool2d(x, 2, 2), shape=(1, 1, 2, 4))
spec('fractional_max_pool2d', lambda dt: [I((1, 1, 4, 4), dt)], lambda t: F.fractional_max_pool2d(t[0], 2, output_size=2), seed=True)
spec('fractional_max_pool3d', lambda dt: [I((1, 1, 4, 4, 4), dt)], lambda t: F.fractional_max_pool3d(t[0], 2, output_size=2), seed=True)
spec('max_unpool1d', lambda dt: [I((1, 1, 2), dt), torch.tensor([[[1, 2]]])], lambda t: F.max_unpool1d(t[0], t[1], 2))
spec('max_unpool2d', lambda dt: [I((1, 1, 1, 2), dt), torch.tensor([[[[1, 2]]]])], lambda t: F.max_unpool2d(t[0], t[1], 2))
spec('max_unpool3d', lambda dt: [I((1, 1, 1, 1, 2), dt), torch.tensor([[[[[1, 2]]]]])], lambda t: F.max_unpool3d(t[0], t[1], 2))

# ------------------------------------------------------------------ upsampling, vision
unary('interpolate_nearest', lambda x: F.interpolate(x, scale_factor=2), shape=(1, 1, 2))
unary('interpolate_nearest_2d', lambda x: F.interpolate(x, size=(2, 4)), shape=(1, 1, 1, 2))
unary('interpolate_linear', lambda x: F.interpolate(x, scale_factor=2, mode='linear'), shape=(1, 1, 2))
unary('interpolate_bilinear', lambda x: F.interpolate(x, size=(2, 4), mode='bilinear'), shape=(1, 1, 1, 2))
unary('upsample', lambda x: F.upsample(x, scale_factor=2), shape=(1, 1, 2))
unary('upsample_nearest', lambda x: F.upsample_nearest(x, scale_factor=2), shape=(1, 1, 2))
unary('upsample_bilinear', lambda x: F.upsample_bilinear(x, size=(2, 4)), shape=(1, 1, 1, 2))
spec('affine_grid', lambda dt: [I((1, 2, 3), dt)], lambda t: F.affine_grid(t[0], [1, 1, 2, 2], align_corners=False))
spec('grid_sample', lambda dt: [I((1, 1, 2, 2), dt), Fl((1, 1, 2, 2))], lambda t: F.grid_sample(t[0], t[1], align_corners=False))
spec('multi_head_attention_forward', lambda dt: [I((1, 1, 2), dt), Fl((6, 2)), Fl((6,)), Fl((2, 2)), Fl((2,))],
     lambda t: F.multi_head_attention_forward(t[0], t[0], t[0], 2, 1, t[1], t[2], None, None, False, 0.0, t[3], t[4]))


# ------------------------------------------------------------------ every operand integer, or integer and float mixed
spec('conv1d_int_weight', lambda dt: [I((1, 1, 4), dt), I((1, 1, 2), dt, mod=2)], lambda t: F.conv1d(t[0], t[1]))
spec('conv2d_int_weight', lambda dt: [I((1, 1, 3, 3), dt), I((1, 1, 2, 2), dt, mod=2)], lambda t: F.conv2d(t[0], t[1]))
spec('conv_transpose1d_int_weight', lambda dt: [I((1, 1, 3), dt), I((1, 1, 2), dt, mod=2)], lambda t: F.conv_transpose1d(t[0], t[1]))
spec('linear_int_weight', lambda dt: [I((2, 3), dt), I((2, 3), dt, mod=2), I((2,), dt, mod=2)], lambda t: F.linear(t[0], t[1], t[2]))
spec('linear_int_weight_nobias', lambda dt: [I((2, 3), dt), I((2, 3), dt, mod=2)], lambda t: F.linear(t[0], t[1]))
spec('bilinear_int_weight', lambda dt: [I((2, 3), dt), I((2, 2), dt, mod=2), I((1, 3, 2), dt, mod=2)], lambda t: F.bilinear(t[0], t[1], t[2]))
spec('prelu_int_weight', lambda dt: [I((2, 3), dt), torch.tensor([1]).to(dt)], lambda t: F.prelu(t[0], t[1]))
spec('grid_sample_float_int_grid', lambda dt: [Fl((1, 1, 2, 2)), I((1, 1, 2, 2), dt, mod=2)], lambda t: F.grid_sample(t[0], t[1], align_corners=False))
spec('batch_norm_int_stats', lambda dt: [Fl((2, 3)), I((3,), dt, mod=2), I((3,), dt, idx=True)], lambda t: F.batch_norm(t[0], t[1], t[2]))
spec('embedding_int_weight', lambda dt: [torch.tensor([[0, 1], [2, 0]]), I((5, 2), dt)], lambda t: F.embedding(t[0], t[1]))
for lname, lfn in [('mse_loss', F.mse_loss), ('l1_loss', F.l1_loss), ('smooth_l1_loss', F.smooth_l1_loss), ('huber_loss', F.huber_loss),
                   ('binary_cross_entropy_with_logits', F.binary_cross_entropy_with_logits), ('kl_div', F.kl_div), ('soft_margin_loss', F.soft_margin_loss),
                   ('poisson_nll_loss', F.poisson_nll_loss), ('hinge_embedding_loss', F.hinge_embedding_loss), ('multilabel_soft_margin_loss', F.multilabel_soft_margin_loss)]:
    spec(f'{lname}_int_input_float_target', lambda dt: [I((2, 3), dt), Fl((2, 3))], lambda t, lfn=lfn: lfn(t[0], t[1]))
    spec(f'{lname}_float_input_int_target', lambda dt: [Fl((2, 3)), I((2, 3), dt, mod=2)], lambda t, lfn=lfn: lfn(t[0], t[1]))
spec('binary_cross_entropy_float_input_int_target', lambda dt: [Fl((2, 3)).abs(), I((2, 3), dt, mod=2)], lambda t: F.binary_cross_entropy(t[0], t[1]))
spec('gaussian_nll_loss_float_var_int', lambda dt: [Fl((2, 3)), Fl((2, 3)), I((2, 3), dt, idx=True)], lambda t: F.gaussian_nll_loss(t[0], t[1], t[2]))
spec('cosine_similarity_mixed', lambda dt: [I((2, 3), dt), Fl((2, 3))], lambda t: F.cosine_similarity(t[0], t[1]))
spec('pairwise_distance_mixed', lambda dt: [I((2, 3), dt), Fl((2, 3))], lambda t: F.pairwise_distance(t[0], t[1]))
spec('margin_ranking_loss_mixed', lambda dt: [I((3,), dt), Fl((3,)), Fl((3,))], lambda t: F.margin_ranking_loss(t[0], t[1], t[2]))
unary('pad_constant_2d', lambda x: F.pad(x, (1, 1, 1, 1)), shape=(1, 1, 2, 2))
unary('pad_reflect_2d', lambda x: F.pad(x, (1, 1, 1, 1), mode='reflect'), shape=(1, 1, 2, 2))
unary('pad_replicate_3d', lambda x: F.pad(x, (1, 1, 1, 1, 1, 1), mode='replicate'), shape=(1, 1, 2, 2, 2))
unary('avg_pool2d_pad', lambda x: F.avg_pool2d(x, 2, padding=1, count_include_pad=False), shape=(1, 1, 2, 4))
unary('avg_pool2d_divisor', lambda x: F.avg_pool2d(x, 2, divisor_override=3), shape=(1, 1, 2, 4))
unary('adaptive_avg_pool2d_1', lambda x: F.adaptive_avg_pool2d(x, 1), shape=(1, 1, 2, 4))
unary('adaptive_avg_pool1d_same', lambda x: F.adaptive_avg_pool1d(x, 4), shape=(1, 1, 4))
unary('softmax_dim0', lambda x: F.softmax(x, 0))
unary('relu6_', lambda x: F.relu6(x.clone(), inplace=True))
unary('hardtanh_frac', lambda x: F.hardtanh(x, -1.5, 2.5))

unary('threshold_frac', lambda x: F.threshold(x, 0.5, 2.5))
unary('threshold_neg_value', lambda x: F.threshold(x, 1.0, -7.0))
unary('hardtanh_nonneg', lambda x: F.hardtanh(x, 0.0, 2.0))
unary('hardtanh_nonneg_', lambda x: F.hardtanh_(x.clone(), 0.0, 2.0))
unary('pad_value_frac', lambda x: F.pad(x, (1, 1), value=2.5), shape=(1, 1, 3))
unary('pad_value_neg', lambda x: F.pad(x, (1, 1), value=-1.0), shape=(1, 1, 3))
unary('glu_dim0', lambda x: F.glu(x, 0), shape=(2, 3))
unary('normalize_p1', lambda x: F.normalize(x, p=1.0))
unary('leaky_relu_default', lambda x: F.leaky_relu(x))
unary('softmin_dtype', lambda x: F.softmin(x, 1, dtype=torch.float64))
unary('log_softmax_dtype', lambda x: F.log_softmax(x, 0, dtype=torch.float64))
unary('avg_pool1d_ceil', lambda x: F.avg_pool1d(x, 2, ceil_mode=True), shape=(1, 1, 5))
unary('avg_pool3d_divisor', lambda x: F.avg_pool3d(x, 2, divisor_override=3), shape=(1, 1, 2, 2, 4))
unary('interpolate_nearest_size_3d', lambda x: F.interpolate(x, size=3), shape=(1, 1, 2))
unary('unfold_unbatched', lambda x: F.unfold(x, 2), shape=(1, 3, 3))
unary('local_response_norm_4d', lambda x: F.local_response_norm(x, 2), shape=(1, 3, 1, 2))
unary('dropout_p1', lambda x: F.dropout(x, 1.0))
unary('dropout_p0', lambda x: F.dropout(x, 0.0))
unary('alpha_dropout_p1', lambda x: F.alpha_dropout(x, 1.0, training=True))
unary('one_hot_default', lambda x: F.one_hot(x), shape=(3,), idx=True)
spec('cross_entropy_smoothing', lambda dt: [I((2, 3), dt), torch.tensor([0, 2])], lambda t: F.cross_entropy(t[0], t[1], label_smoothing=0.1))
spec('embedding_bag_1d', lambda dt: [I((4,), dt, idx=True), Fl((5, 2)), torch.tensor([0, 2])], lambda t: F.embedding_bag(t[0], t[1], t[2]))
spec('embedding_padding_idx', lambda dt: [I((2, 2), dt, idx=True), Fl((5, 2))], lambda t: F.embedding(t[0], t[1], padding_idx=0))


def enc_tensor(t):
    r = enc_result(t)
    return {'dtype': r['dtype'], 'shape': r['shape'], 'values': r['values']}


def enc_out(r):
    if isinstance(r, torch.Tensor):
        return [enc_tensor(r)]
    return [None if x is None else enc_tensor(x) for x in r]


cases = []
for name, make, fn, seed in SPECS:
    for dt in INT_DTYPES:
        ts = make(dt)
        case = {'spec': name, 'dtype': DTYPE_NAMES[dt], 'inputs': [enc_tensor(t) for t in ts], 'seed': seed}
        if seed:
            torch.manual_seed(0)
        try:
            case['result'] = enc_out(fn([t.clone() for t in ts]))
        except Exception as e:  # noqa: BLE001
            case['error'] = {'type': type(e).__name__, 'message': str(e)}
        cases.append(case)

print(len(SPECS), 'specs,', len(cases), 'cases,', sum('error' in c for c in cases), 'errors')
write_json('packages/nn/test/fixtures/int-inputs.json', {'torch': torch.__version__, 'cases': cases})
