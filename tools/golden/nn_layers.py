"""Golden nn layer cases from real PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_layers.py`.
Writes packages/nn/test/fixtures/nn_layers.json with, per case:
- `seed`, `init`: the state dict right after `torch.manual_seed(seed); Layer(...)`
  and `inits`: the same for other seeds (default initialisation must match bit for
  bit), each tensor as dtype, shape, SHA-256 of its bytes, first values (and all
  values when small);
- `repr`: `repr(module)`;
- `calls`: the module converted to float64 and called on random float64 inputs
  (int64 for embeddings), each call in train or eval mode: inputs, outputs, the
  random output gradients, and the gradients of inputs and parameters they give
  (`torch.autograd.grad` of sum(out * g));
- `state`: the state dict after the calls (running statistics of batch norm).
Dropout cases run in float32: after `torch.manual_seed(100 + seed)` each call draws
its inputs with `torch.randn`, then the mask, then the output gradients with
`torch.randn`, so the TS test replays the same stream and checks masks bit for bit.
"""
import torch
from torch import nn

import hashlib

from _common import DTYPE_NAMES, enc_result, flat_values, write_json

F64 = torch.float64
CASES = []


def case(name, make, inputs, modes=('train',), seed=0, dtype=F64, call=None, extra_seeds=(1, 1234), grads=True):
    CASES.append(dict(name=name, make=make, inputs=inputs, modes=modes, seed=seed, dtype=dtype, call=call, extra_seeds=extra_seeds, grads=grads))


def rnd(*shape):
    return lambda: torch.randn(*shape, dtype=F64)


def scaled(k, *shape):
    return lambda: torch.randn(*shape, dtype=F64) * k


# ---------------------------------------------------------------- linear & shape layers
case('linear', lambda: nn.Linear(5, 3), [rnd(4, 5)])
case('linear_3d', lambda: nn.Linear(5, 3), [rnd(2, 4, 5)])
case('linear_nobias', lambda: nn.Linear(6, 2, bias=False), [rnd(3, 6)])
case('linear_784_128', lambda: nn.Linear(784, 128), [], modes=(), extra_seeds=(1, 7))
case('bilinear', lambda: nn.Bilinear(3, 4, 2), [rnd(5, 3), rnd(5, 4)])
case('identity', lambda: nn.Identity(), [rnd(2, 3)])
case('flatten', lambda: nn.Flatten(), [rnd(2, 3, 4)])
case('unflatten', lambda: nn.Unflatten(1, (2, 3)), [rnd(4, 6)])

# ---------------------------------------------------------------- convolutions
case('conv1d', lambda: nn.Conv1d(3, 4, 3, stride=2, padding=1), [rnd(2, 3, 9)])
case('conv1d_same_dil_groups', lambda: nn.Conv1d(2, 4, 3, padding='same', dilation=2, groups=2), [rnd(2, 2, 7)])
case('conv2d', lambda: nn.Conv2d(1, 4, 3, padding=1), [rnd(2, 1, 6, 6)])
case('conv2d_unbatched', lambda: nn.Conv2d(2, 3, 2), [rnd(2, 5, 4)])
case('conv2d_stride_groups', lambda: nn.Conv2d(4, 6, (3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 2), groups=2, bias=False), [rnd(2, 4, 7, 8)])
case('conv2d_same_even', lambda: nn.Conv2d(3, 2, 4, padding='same'), [rnd(1, 3, 5, 6)])
case('conv_transpose2d', lambda: nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1), [rnd(2, 3, 4, 4)])
case('conv_transpose2d_groups', lambda: nn.ConvTranspose2d(4, 6, (2, 3), stride=(1, 2), groups=2, dilation=(2, 1)), [rnd(1, 4, 3, 3)])

# ---------------------------------------------------------------- pooling
case('maxpool1d', lambda: nn.MaxPool1d(3, stride=2, padding=1), [rnd(2, 3, 10)])
case('maxpool2d', lambda: nn.MaxPool2d(2), [rnd(2, 3, 6, 6)])
case('maxpool2d_ceil_pad', lambda: nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), [rnd(1, 2, 7, 8)])
case('maxpool2d_dilation', lambda: nn.MaxPool2d((2, 3), stride=(1, 2), dilation=(2, 1)), [rnd(1, 2, 7, 8)])
case('maxpool2d_indices', lambda: nn.MaxPool2d(2, stride=1, padding=1, return_indices=True), [rnd(1, 2, 4, 5)])
case('avgpool1d', lambda: nn.AvgPool1d(3, stride=2, padding=1), [rnd(2, 3, 9)])
case('maxpool3d', lambda: nn.MaxPool3d(2), [rnd(2, 2, 4, 4, 4)])
case('maxpool3d_ceil_pad_indices', lambda: nn.MaxPool3d((2, 3, 2), stride=(1, 2, 2), padding=(1, 1, 0), ceil_mode=True, return_indices=True), [rnd(1, 2, 3, 5, 4)])
case('avgpool3d', lambda: nn.AvgPool3d(2), [rnd(1, 2, 4, 4, 4)])
case('avgpool3d_pad_exclude_unbatched', lambda: nn.AvgPool3d((1, 3, 2), stride=(1, 2, 2), padding=(0, 1, 1), count_include_pad=False), [rnd(2, 3, 5, 4)])
case('avgpool3d_divisor', lambda: nn.AvgPool3d(2, divisor_override=3), [rnd(1, 1, 4, 4, 2)])
case('adaptive_avgpool3d', lambda: nn.AdaptiveAvgPool3d((2, None, 3)), [rnd(1, 2, 4, 3, 5)])
case('adaptive_avgpool3d_one', lambda: nn.AdaptiveAvgPool3d(1), [rnd(2, 2, 3, 3, 3)])
case('adaptive_maxpool3d', lambda: nn.AdaptiveMaxPool3d(2), [rnd(1, 2, 4, 5, 3)])
case('avgpool2d', lambda: nn.AvgPool2d(2), [rnd(2, 3, 6, 6)])
case('avgpool2d_ceil_exclude_pad', lambda: nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), [rnd(1, 2, 7, 8)])
case('avgpool2d_ceil_include_pad', lambda: nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True), [rnd(1, 2, 7, 8)])
case('adaptive_avgpool2d_1', lambda: nn.AdaptiveAvgPool2d((1, 1)), [rnd(2, 3, 5, 5)])
case('adaptive_avgpool2d_uneven', lambda: nn.AdaptiveAvgPool2d((3, 2)), [rnd(1, 2, 7, 5)])
case('adaptive_maxpool2d', lambda: nn.AdaptiveMaxPool2d((2, 3)), [rnd(1, 2, 6, 7)])

# ---------------------------------------------------------------- normalisation
case('batchnorm1d', lambda: nn.BatchNorm1d(4), [rnd(6, 4)], modes=('train', 'train', 'eval'))
case('batchnorm1d_3d', lambda: nn.BatchNorm1d(3, momentum=0.3), [rnd(4, 3, 5)], modes=('train', 'eval'))
case('batchnorm2d', lambda: nn.BatchNorm2d(3), [rnd(4, 3, 5, 5)], modes=('train', 'eval', 'train'))
case('batchnorm2d_cumulative', lambda: nn.BatchNorm2d(2, momentum=None, affine=False), [rnd(3, 2, 4, 4)], modes=('train', 'train', 'eval'))
case('layernorm', lambda: nn.LayerNorm(5), [rnd(3, 4, 5)])
case('layernorm_2d_noaffine', lambda: nn.LayerNorm((4, 5), elementwise_affine=False), [rnd(3, 4, 5)])
case('groupnorm', lambda: nn.GroupNorm(2, 6), [rnd(3, 6, 4)])
case('groupnorm_4d', lambda: nn.GroupNorm(3, 6, eps=1e-3), [rnd(2, 6, 3, 3)])

# ---------------------------------------------------------------- dropout (float32: masks bit for bit)
case('dropout', lambda: nn.Dropout(0.3), [lambda: torch.randn(4, 37)], modes=('train', 'eval'), seed=3, dtype=torch.float32)
case('dropout_half', lambda: nn.Dropout(), [lambda: torch.randn(3, 5, 7)], modes=('train', 'train'), seed=11, dtype=torch.float32)
case('dropout2d', lambda: nn.Dropout2d(0.4), [lambda: torch.randn(3, 5, 2, 2)], modes=('train',), seed=5, dtype=torch.float32)

# ---------------------------------------------------------------- embedding
case('embedding', lambda: nn.Embedding(10, 3), [lambda: torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])])
case('embedding_padding', lambda: nn.Embedding(10, 3, padding_idx=0), [lambda: torch.tensor([[0, 2, 0, 5], [4, 3, 2, 9]])])
case('embedding_bag_mean', lambda: nn.EmbeddingBag(10, 3), [lambda: torch.tensor([1, 2, 4, 5, 4, 3, 2, 9]), lambda: torch.tensor([0, 4])])
case('embedding_bag_sum_weights', lambda: nn.EmbeddingBag(10, 3, mode='sum'), [lambda: torch.tensor([1, 2, 4, 5, 4]), lambda: torch.tensor([0, 2, 2]), rnd(5)])
case('embedding_bag_max_2d', lambda: nn.EmbeddingBag(10, 3, mode='max'), [lambda: torch.tensor([[1, 2, 4], [5, 4, 3]])])
case('embedding_bag_padding_last_offset', lambda: nn.EmbeddingBag(10, 3, padding_idx=2, include_last_offset=True), [lambda: torch.tensor([2, 2, 4, 5, 2, 3]), lambda: torch.tensor([0, 2, 3, 6])])
case('embedding_max_norm', lambda: nn.Embedding(10, 3, max_norm=1.0), [lambda: torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])])
case('embedding_max_norm_p1', lambda: nn.Embedding(10, 3, max_norm=0.5, norm_type=1.0), [lambda: torch.tensor([[1, 2, 2, 7]])])
case('embedding_from_pretrained', lambda: nn.Embedding.from_pretrained(torch.arange(12.0).reshape(4, 3) / 10, freeze=False, padding_idx=1),
     [lambda: torch.tensor([[0, 1, 3], [2, 1, 0]])])

# ---------------------------------------------------------------- recurrent
case('rnn', lambda: nn.RNN(4, 5, num_layers=2), [rnd(3, 2, 4), rnd(2, 2, 5)])
case('rnn_relu_bidir_batch_first', lambda: nn.RNN(3, 4, nonlinearity='relu', bidirectional=True, batch_first=True), [rnd(2, 5, 3)])
case('lstm', lambda: nn.LSTM(3, 4, num_layers=2, bidirectional=True), [rnd(5, 2, 3), rnd(4, 2, 4), rnd(4, 2, 4)], call='lstm_hc')
case('lstm_unbatched', lambda: nn.LSTM(3, 4), [rnd(5, 3)])
case('lstm_proj', lambda: nn.LSTM(3, 5, proj_size=2, num_layers=2, bidirectional=True), [rnd(4, 2, 3), rnd(4, 2, 2), rnd(4, 2, 5)], call='lstm_hc')
case('lstm_proj_nobias_batch_first', lambda: nn.LSTM(3, 4, proj_size=3, bias=False, batch_first=True), [rnd(2, 5, 3)])
case('gru', lambda: nn.GRU(3, 4, batch_first=True, num_layers=2), [rnd(2, 4, 3)])
case('gru_nobias', lambda: nn.GRU(3, 2, bias=False), [rnd(4, 2, 3)])
case('rnncell', lambda: nn.RNNCell(3, 4), [rnd(2, 3), rnd(2, 4)])
case('lstmcell', lambda: nn.LSTMCell(3, 4), [rnd(2, 3), rnd(2, 4), rnd(2, 4)], call='lstm_hc')
case('grucell', lambda: nn.GRUCell(3, 4), [rnd(2, 3)])

# ---------------------------------------------------------------- attention
case('mha', lambda: nn.MultiheadAttention(8, 2), [rnd(3, 2, 8), rnd(4, 2, 8), rnd(4, 2, 8)])
case('mha_self_masks', lambda: nn.MultiheadAttention(6, 3), [rnd(4, 2, 6)], call='mha_self_masks')
case('mha_batch_first_kv', lambda: nn.MultiheadAttention(4, 2, batch_first=True, add_bias_kv=True, add_zero_attn=True), [rnd(2, 3, 4), rnd(2, 5, 4), rnd(2, 5, 4)], call='mha_per_head')
case('mha_kdim_vdim', lambda: nn.MultiheadAttention(4, 1, kdim=3, vdim=5, bias=False), [rnd(2, 1, 4), rnd(3, 1, 3), rnd(3, 1, 5)])

# ---------------------------------------------------------------- transformer
case('transformer_encoder_layer', lambda: nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0), [rnd(5, 3, 8)], modes=('train', 'eval'))
case('transformer_encoder_layer_prenorm_gelu', lambda: nn.TransformerEncoderLayer(8, 4, dim_feedforward=12, dropout=0.0, activation='gelu', batch_first=True, norm_first=True),
     [rnd(3, 5, 8)], modes=('train', 'eval'))
case('transformer_encoder_layer_masks', lambda: nn.TransformerEncoderLayer(6, 3, dim_feedforward=10, dropout=0.0), [rnd(4, 2, 6)], call='transformer_masks')
case('transformer_encoder', lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0), 2, norm=nn.LayerNorm(8)),
     [rnd(5, 3, 8)], modes=('train', 'eval'))

case('transformer_decoder_layer', lambda: nn.TransformerDecoderLayer(8, 2, dim_feedforward=16, dropout=0.0), [rnd(4, 3, 8), rnd(5, 3, 8)],
     modes=('train', 'eval'))
case('transformer_decoder_layer_prenorm_masks', lambda: nn.TransformerDecoderLayer(6, 3, dim_feedforward=10, dropout=0.0, activation='gelu', batch_first=True, norm_first=True),
     [rnd(2, 4, 6), rnd(2, 3, 6)], call='decoder_masks')
case('transformer', lambda: nn.Transformer(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=12, dropout=0.0),
     [rnd(5, 3, 8), rnd(4, 3, 8)], call='transformer_causal')

case('conv3d', lambda: nn.Conv3d(2, 3, 3, padding=1), [rnd(2, 2, 4, 4, 3)])
case('conv3d_stride_groups_unbatched', lambda: nn.Conv3d(4, 2, (2, 3, 2), stride=(1, 2, 1), dilation=(2, 1, 1), groups=2, bias=False), [rnd(4, 5, 6, 4)])
case('conv3d_same', lambda: nn.Conv3d(1, 2, (2, 3, 3), padding='same'), [rnd(1, 1, 3, 4, 4)])
case('conv_transpose1d', lambda: nn.ConvTranspose1d(3, 2, 3, stride=2, padding=1, output_padding=1), [rnd(2, 3, 5)])
case('conv_transpose1d_groups_unbatched', lambda: nn.ConvTranspose1d(4, 6, 2, groups=2, dilation=2, bias=False), [rnd(4, 5)])
case('batchnorm3d', lambda: nn.BatchNorm3d(2), [rnd(2, 2, 3, 2, 2)], modes=('train', 'eval'))
case('instancenorm1d', lambda: nn.InstanceNorm1d(3), [rnd(2, 3, 5)], modes=('train', 'eval'))
case('instancenorm2d_affine_tracked', lambda: nn.InstanceNorm2d(3, affine=True, track_running_stats=True, momentum=0.2), [rnd(2, 3, 4, 4)], modes=('train', 'eval'))
case('instancenorm1d_unbatched', lambda: nn.InstanceNorm1d(4, affine=True), [rnd(4, 6)])
case('pixel_shuffle', lambda: nn.PixelShuffle(2), [rnd(2, 8, 2, 3)])
case('pixel_unshuffle', lambda: nn.PixelUnshuffle(2), [rnd(1, 2, 4, 6)])

# ---------------------------------------------------------------- upsampling
case('upsample_nearest_x2', lambda: nn.Upsample(scale_factor=2), [rnd(2, 3, 3, 4)])
case('upsample_nearest_size', lambda: nn.Upsample(size=(5, 7)), [rnd(1, 2, 3, 4)])
case('upsample_nearest_frac', lambda: nn.Upsample(scale_factor=1.7), [rnd(1, 2, 4, 5)])
case('upsample_nearest_1d', lambda: nn.Upsample(scale_factor=3), [rnd(2, 3, 4)])
case('upsample_bilinear', lambda: nn.Upsample(scale_factor=2, mode='bilinear'), [rnd(1, 2, 3, 4)])
case('upsample_bilinear_size_align', lambda: nn.Upsample(size=(5, 7), mode='bilinear', align_corners=True), [rnd(1, 2, 3, 4)])
case('upsample_bilinear_frac', lambda: nn.Upsample(scale_factor=1.5, mode='bilinear'), [rnd(2, 1, 4, 5)])
case('upsample_linear_1d', lambda: nn.Upsample(size=8, mode='linear'), [rnd(2, 3, 5)])
case('upsampling_bilinear2d', lambda: nn.UpsamplingBilinear2d(scale_factor=2), [rnd(1, 2, 3, 3)])
case('upsampling_nearest2d', lambda: nn.UpsamplingNearest2d(size=(6, 5)), [rnd(1, 2, 3, 4)])

# ---------------------------------------------------------------- activations
for name, make in [
    ('relu', lambda: nn.ReLU()),
    ('relu6', lambda: nn.ReLU6()),
    ('leaky_relu', lambda: nn.LeakyReLU(0.2)),
    ('leaky_relu_default', lambda: nn.LeakyReLU()),
    ('elu', lambda: nn.ELU(0.5)),
    ('gelu', lambda: nn.GELU()),
    ('gelu_tanh', lambda: nn.GELU(approximate='tanh')),
    ('silu', lambda: nn.SiLU()),
    ('sigmoid', lambda: nn.Sigmoid()),
    ('tanh', lambda: nn.Tanh()),
    ('softmax', lambda: nn.Softmax(dim=1)),
    ('softmin', lambda: nn.Softmin(dim=0)),
    ('log_softmax', lambda: nn.LogSoftmax(dim=-1)),
    ('softplus', lambda: nn.Softplus()),
    ('softplus_beta', lambda: nn.Softplus(beta=2, threshold=5)),
    ('hardtanh', lambda: nn.Hardtanh(-0.5, 0.7)),
    ('log_sigmoid', lambda: nn.LogSigmoid()),
    ('hardswish', lambda: nn.Hardswish()),
    ('hardsigmoid', lambda: nn.Hardsigmoid()),
    ('mish', lambda: nn.Mish()),
    ('selu', lambda: nn.SELU()),
    ('celu', lambda: nn.CELU(0.5)),
    ('softsign', lambda: nn.Softsign()),
    ('tanhshrink', lambda: nn.Tanhshrink()),
    ('threshold', lambda: nn.Threshold(0.1, 20.0)),
    ('prelu', lambda: nn.PReLU()),
]:
    case(name, make, [scaled(4, 6, 7)])
case('glu', lambda: nn.GLU(), [scaled(4, 6, 8)])
case('glu_dim1', lambda: nn.GLU(1), [scaled(4, 3, 4, 5)])
case('prelu_channels', lambda: nn.PReLU(3, init=0.1), [scaled(4, 4, 3, 5)])

# ---------------------------------------------------------------- containers
case('sequential_nested', lambda: nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Sequential(nn.Linear(6, 3), nn.Tanh())), [rnd(5, 4)])
case('cnn_block', lambda: nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(4 * 3 * 3, 5)), [rnd(3, 1, 6, 6)], modes=('train', 'eval'))


# ---------------------------------------------------------------- running

def enc_exact(t):
    """A tensor to compare bit for bit: dtype, shape, SHA-256 of its row-major
    little-endian bytes, the first values, and all values when small."""
    t = t.detach().contiguous()
    e = {'dtype': DTYPE_NAMES[t.dtype], 'shape': list(t.shape),
         'sha256': hashlib.sha256(t.numpy().tobytes()).hexdigest(),
         'head': flat_values(t.reshape(-1)[:8])}
    if t.numel() <= 256:
        e['values'] = flat_values(t)
    return e


def enc_state(sd):
    return {k: enc_exact(v) for k, v in sd.items()}


def flat_outputs(out):
    if isinstance(out, torch.Tensor):
        return [out]
    res = []
    for o in out:
        if o is not None:
            res.extend(flat_outputs(o))
    return res


def run_call(c, m, xs):
    kind = c['call']
    if kind == 'lstm_hc':
        return m(xs[0], (xs[1], xs[2]))
    if kind == 'mha_self_masks':
        x = xs[0]
        kpm = torch.tensor([[False, False, False, True], [False, True, False, False]])
        am = torch.tensor([[False, True, False, False], [False, False, True, False], [True, False, False, False], [False, False, False, False]])
        return m(x, x, x, key_padding_mask=kpm, attn_mask=am)
    if kind == 'transformer_masks':
        causal = torch.triu(torch.ones(4, 4, dtype=torch.bool), diagonal=1)
        kpm = torch.tensor([[False, False, False, True], [False, False, False, False]])
        return m(xs[0], src_mask=causal, src_key_padding_mask=kpm)
    if kind == 'decoder_masks':
        causal = torch.triu(torch.ones(4, 4, dtype=torch.bool), diagonal=1)
        mkpm = torch.tensor([[False, False, True], [False, False, False]])
        return m(xs[0], xs[1], tgt_mask=causal, memory_key_padding_mask=mkpm)
    if kind == 'transformer_causal':
        return m(xs[0], xs[1], tgt_mask=nn.Transformer.generate_square_subsequent_mask(4))
    if kind == 'mha_per_head':
        return m(xs[0], xs[1], xs[2], average_attn_weights=False)
    return m(*xs)


def run(c, call_layer=None):
    """One layer case: seeded init, repr, calls (with gradients), final state. `call_layer(c, m, xs)`
    runs the layer (default: this script's run_call); nn_surface_layers.py passes its own."""
    torch.manual_seed(c['seed'])
    m = c['make']()
    entry = {'name': c['name'], 'seed': c['seed'], 'repr': repr(m), 'init': enc_state(m.state_dict())}
    inits = {}
    for s in c['extra_seeds']:
        torch.manual_seed(s)
        inits[str(s)] = enc_state(c['make']().state_dict())
    entry['inits'] = inits
    if c['dtype'] == F64:
        m = m.double()
    calls = []
    torch.manual_seed(100 + c['seed'])
    for mode in c['modes']:
        m.train(mode == 'train')
        xs = [mk() for mk in c['inputs']]
        xs = [x.to(c['dtype']) if x.is_floating_point() else x for x in xs]
        for x in xs:
            if x.is_floating_point():
                x.requires_grad_(True)
        out = (call_layer or run_call)(c, m, xs)
        outs = flat_outputs(out)
        call = {'mode': mode, 'inputs': [enc_result(x) for x in xs], 'outputs': [enc_result(o) for o in outs]}
        if c['grads']:
            gs = [torch.randn(o.shape, dtype=o.dtype) for o in outs if o.is_floating_point() and o.requires_grad]
            diff_outs = [o for o in outs if o.is_floating_point() and o.requires_grad]
            wrt_names = [n for n, p in m.named_parameters()]
            wrt = [x for x in xs if x.is_floating_point()] + [p for _, p in m.named_parameters()]
            if diff_outs:
                loss = sum((o * g).sum() for o, g in zip(diff_outs, gs))
                grads = torch.autograd.grad(loss, wrt, allow_unused=True)
                n_in = len([x for x in xs if x.is_floating_point()])
                call['out_grads'] = [enc_result(g) for g in gs]
                call['input_grads'] = [None if g is None else enc_result(g) for g in grads[:n_in]]
                call['param_grads'] = {n: (None if g is None else enc_result(g)) for n, g in zip(wrt_names, grads[n_in:])}
        calls.append(call)
    entry['calls'] = calls
    if calls:
        entry['state'] = {k: enc_result(v) for k, v in m.state_dict().items()}
    return entry


def main():
    torch.set_printoptions(precision=4)
    out = {'torch_version': torch.__version__, 'cases': [run(c) for c in CASES]}
    write_json('packages/nn/test/fixtures/nn_layers.json', out)


if __name__ == '__main__':
    main()
