/**
 * `torch.nn`: modules, layers, losses, `functional` (also as `F`), `init` and `utils`.
 * @packageDocumentation
 */
import * as functional from './functional/index.js';
import * as init from './init.js';
import * as utils from './nn-utils.js';

export { functional, functional as F, init, utils };
export { Module, type StateDict, type StateDictMetadata, type IncompatibleKeys, type RemovableHandle, type ForwardHook, type ForwardPreHook } from './module.js';
export { Parameter } from './parameter.js';
export { Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict } from './container.js';
export { Identity, Linear, Bilinear, NonDynamicallyQuantizableLinear, type LinearOptions } from './layers/linear.js';
export { ConvNd, Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, type ConvLayerOptions, type ConvTransposeLayerOptions } from './layers/conv.js';
export {
  MaxPool1d, MaxPool2d, MaxPool3d, AvgPool1d, AvgPool2d, AvgPool3d, AdaptiveAvgPool1d, AdaptiveAvgPool2d, AdaptiveAvgPool3d, AdaptiveMaxPool2d,
  AdaptiveMaxPool3d, type MaxPoolLayerOptions, type AvgPoolLayerOptions, type MaxPoolResult,
} from './layers/pooling.js';
export {
  BatchNormBase, BatchNorm1d, BatchNorm2d, BatchNorm3d, InstanceNormBase, InstanceNorm1d, InstanceNorm2d, LayerNorm, GroupNorm, type BatchNormOptions, type LayerNormLayerOptions, type GroupNormLayerOptions,
} from './layers/normalization.js';
export { Dropout, Dropout2d } from './layers/dropout.js';
export { Embedding, EmbeddingBag, type EmbeddingLayerOptions, type EmbeddingBagLayerOptions } from './layers/embedding.js';
export { Flatten, Unflatten } from './layers/flatten.js';
export { RNNBase, RNN, LSTM, GRU, RNNCellBase, RNNCell, LSTMCell, GRUCell, type RNNOptions } from './layers/rnn.js';
export { MultiheadAttention, type MultiheadAttentionOptions, type MultiheadAttentionForwardOptions } from './layers/attention.js';
export {
  ReLU, ReLU6, LeakyReLU, ELU, GELU, SiLU, Sigmoid, Tanh, LogSigmoid, Softmax, Softmin, LogSoftmax, Softplus, Hardtanh,
  Hardswish, Hardsigmoid, Mish, SELU, CELU, Softsign, Tanhshrink, Threshold, GLU, PReLU, type PReLUOptions,
} from './layers/activation.js';
export {
  TransformerEncoderLayer, TransformerEncoder, TransformerDecoderLayer, TransformerDecoder, Transformer,
  type TransformerActivation, type TransformerEncoderLayerOptions, type TransformerEncoderForwardOptions,
  type TransformerDecoderForwardOptions, type TransformerOptions, type TransformerForwardOptions,
} from './layers/transformer.js';
export { Upsample, UpsamplingNearest2d, UpsamplingBilinear2d, type UpsampleOptions } from './layers/upsample.js';
export { PixelShuffle, PixelUnshuffle } from './layers/pixel-shuffle.js';
export {
  Loss, WeightedLoss, MSELoss, L1Loss, SmoothL1Loss, HuberLoss, CrossEntropyLoss, NLLLoss, BCELoss, BCEWithLogitsLoss, KLDivLoss,
  SoftMarginLoss, MultiLabelSoftMarginLoss, HingeEmbeddingLoss, PoissonNLLLoss, MarginRankingLoss, CosineEmbeddingLoss,
  TripletMarginLoss, GaussianNLLLoss, MultiMarginLoss, CosineSimilarity, PairwiseDistance, NLLLoss2d, MultiLabelMarginLoss,
  TripletMarginWithDistanceLoss, CTCLoss, AdaptiveLogSoftmaxWithLoss, type ASMoutput,
} from './losses.js';
export { ConvTranspose3d } from './layers/conv.js';
export {
  AdaptiveMaxPool1d, LPPool1d, LPPool2d, MaxUnpool1d, MaxUnpool2d, MaxUnpool3d, FractionalMaxPool2d, FractionalMaxPool3d,
  type MaxUnpoolLayerOptions, type FractionalMaxPoolLayerOptions,
} from './layers/pooling.js';
export {
  ConstantPad1d, ConstantPad2d, ConstantPad3d, ZeroPad2d, ReflectionPad1d, ReflectionPad2d, ReflectionPad3d, ReplicationPad1d, ReplicationPad2d, ReplicationPad3d,
} from './layers/padding.js';
export { InstanceNorm3d, LocalResponseNorm, CrossMapLRN2d } from './layers/normalization.js';
export { Dropout1d, Dropout3d, AlphaDropout, FeatureAlphaDropout } from './layers/dropout.js';
export { Hardshrink, Softshrink, Softmax2d, RReLU } from './layers/activation.js';
export { ChannelShuffle } from './layers/pixel-shuffle.js';
export { Fold, Unfold, type FoldLayerOptions } from './layers/fold.js';
