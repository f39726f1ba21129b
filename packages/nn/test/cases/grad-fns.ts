// The backward-node-name cases of tools/golden/nn_grad_fns.py: the nn functional call each
// case names. Shared by packages/nn/test/grad-fn.test.ts (CPU) and
// packages/backend-webgpu/test/nn-grad-fns-golden.test.ts (WebGPU); every tensor is made on
// `device`. Names do not depend on values.
import type { DeviceLike } from '@antorcha/core';
import type { CaseLib, Tensor } from './lib.js';

/**
 * Where the graph below the top node is shaped differently (the name still matches):
 * matmul of a 1-D input by a 2-D weight is one node here, PyTorch's is mm between
 * an unsqueeze and a squeeze.
 */
export const NEXT_DIFFERS = new Set(['linear/1d']);

/** The call of every case of nn_grad_fns.json, by name, on `device`. */
export function gradFnCalls({ nn, randn, rand, tensor, zeros, ones }: CaseLib, device: DeviceLike): Record<string, () => Tensor> {
  const F = nn.functional;
  const rg = (...shape: number[]): Tensor => randn(shape, { device, requiresGrad: true });
  const x = rg(2, 3, 8, 8);
  const w = rg(4, 3, 3, 3);
  const b = rg(4);
  const v = rg(5, 6);
  const W = rg(7, 6);
  const B = rg(7);
  const t = tensor([1, 0, 3, 2, 1], { device });
  const p = rand([5, 6], { device, requiresGrad: true });
  const z = zeros([5, 6], { device });

  return {
    'linear/bias': () => F.linear(v, W, B),
    'linear/nobias': () => F.linear(v, W),
    'linear/3d': () => F.linear(rg(2, 5, 6), W, B),
    'linear/1d': () => F.linear(rg(6), W, B),
    'conv2d/bias': () => F.conv2d(x, w, b),
    'conv2d/nobias': () => F.conv2d(x, w),
    'conv2d/unbatched': () => F.conv2d(rg(3, 8, 8), w),
    conv1d: () => F.conv1d(rg(2, 3, 9), rg(4, 3, 3)),
    conv_transpose2d: () => F.convTranspose2d(rg(1, 3, 4, 4), rg(3, 2, 3, 3)),
    max_pool2d: () => F.maxPool2d(x, 2),
    'max_pool2d/unbatched': () => F.maxPool2d(rg(3, 8, 8), 2),
    max_pool1d: () => F.maxPool1d(rg(2, 3, 8), 2),
    avg_pool2d: () => F.avgPool2d(x, 2),
    avg_pool1d: () => F.avgPool1d(rg(2, 3, 8), 2),
    'adaptive_avg_pool2d/1': () => F.adaptiveAvgPool2d(x, 1),
    'adaptive_avg_pool2d/2': () => F.adaptiveAvgPool2d(x, 2),
    adaptive_max_pool2d: () => F.adaptiveMaxPool2d(x, 2),
    'batch_norm/train': () => F.batchNorm(x, zeros([3], { device }), ones([3], { device }), { weight: rg(3), bias: rg(3), training: true }),
    'batch_norm/eval': () => F.batchNorm(x, zeros([3], { device }), ones([3], { device }), { weight: rg(3), bias: rg(3), training: false }),
    layer_norm: () => F.layerNorm(v, [6], { weight: rg(6), bias: rg(6) }),
    group_norm: () => F.groupNorm(rg(2, 4, 3), 2),
    cross_entropy: () => F.crossEntropy(v, t),
    nll_loss: () => F.nllLoss(F.logSoftmax(v, 1), t),
    'nll_loss/4d': () => F.nllLoss(rg(2, 3, 4, 4), zeros([2, 4, 4], { dtype: 'int64', device })),
    mse_loss: () => F.mseLoss(v, z),
    'mse_loss/none': () => F.mseLoss(v, z, { reduction: 'none' }),
    l1_loss: () => F.l1Loss(v, z),
    binary_cross_entropy: () => F.binaryCrossEntropy(p, rand([5, 6], { device })),
    binary_cross_entropy_with_logits: () => F.binaryCrossEntropyWithLogits(v, rand([5, 6], { device })),
    smooth_l1_loss: () => F.smoothL1Loss(v, z),
    huber_loss: () => F.huberLoss(v, z),
    kl_div: () => F.klDiv(F.logSoftmax(v, 1), F.softmax(randn([5, 6], { device }), 1), { reduction: 'batchmean' }),
    softmax: () => F.softmax(v, 1),
    log_softmax: () => F.logSoftmax(v, 1),
    relu: () => F.relu(v),
    gelu: () => F.gelu(v),
    silu: () => F.silu(v),
    leaky_relu: () => F.leakyRelu(v),
    elu: () => F.elu(v),
    softplus: () => F.softplus(v),
    hardtanh: () => F.hardtanh(v),
    'dropout/train': () => F.dropout(v, 0.5, true),
    embedding: () => F.embedding(t, W),
    pad: () => F.pad(v, [1, 1]),
    hardswish: () => F.hardswish(v),
    hardsigmoid: () => F.hardsigmoid(v),
    mish: () => F.mish(v),
    selu: () => F.selu(v),
    celu: () => F.celu(v),
    softsign: () => F.softsign(v),
    tanhshrink: () => F.tanhshrink(v),
    threshold: () => F.threshold(v, 0.1, 20.0),
    glu: () => F.glu(v),
    prelu: () => F.prelu(v, tensor([0.25], { device, requiresGrad: true })),
    'interpolate/nearest2d': () => F.interpolate(x, { scaleFactor: 2 }),
    'interpolate/bilinear2d': () => F.interpolate(x, { size: [5, 7], mode: 'bilinear' }),
    'interpolate/nearest1d': () => F.interpolate(rg(2, 3, 5), { size: 8 }),
    pixel_shuffle: () => F.pixelShuffle(rg(1, 8, 2, 3), 2),
    pixel_unshuffle: () => F.pixelUnshuffle(rg(1, 2, 4, 6), 2),
    conv_transpose1d: () => F.convTranspose1d(rg(2, 3, 5), rg(3, 2, 3), null, { stride: 2 }),
    'interpolate/linear1d': () => F.interpolate(rg(2, 3, 5), { scaleFactor: 1.5, mode: 'linear' }),
  };
}
