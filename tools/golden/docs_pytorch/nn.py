"""PyTorch programs for the TSDoc @example blocks of packages/nn and packages/antorcha (ids start with `nn.`)."""

EXAMPLES = {
    'nn.AdaptiveAvgPool1d': '''
pool = nn.AdaptiveAvgPool1d(2)
print(pool, pool(torch.tensor([[[1., 2, 3, 4, 5]]])))
''',
    'nn.AdaptiveAvgPool2d': '''
pool = nn.AdaptiveAvgPool2d(1)
print(pool, pool(torch.randn(8, 64, 7, 7)).shape)
''',
    'nn.AdaptiveAvgPool3d': '''
pool = nn.AdaptiveAvgPool3d(1)
print(pool, pool(torch.arange(16, dtype=torch.float32).reshape(1, 2, 2, 2, 2)).flatten())
''',
    'nn.AdaptiveLogSoftmaxWithLoss': '''
torch.manual_seed(0)
asm = nn.AdaptiveLogSoftmaxWithLoss(8, 10, [4, 8])
output, loss = asm(torch.randn(3, 8), torch.tensor([1, 5, 9]))
print(output, loss)
print(asm.log_prob(torch.randn(1, 8)).exp().sum())
''',
    'nn.AdaptiveMaxPool1d': '''
pool = nn.AdaptiveMaxPool1d(3)
print(pool)
print(pool(torch.tensor([[[1., 5, 2, 8, 3, 4, 7]]])))
''',
    'nn.AdaptiveMaxPool2d': '''
pool = nn.AdaptiveMaxPool2d((2, None))
print(pool, pool(torch.zeros(1, 3, 8, 5)).shape)
''',
    'nn.AdaptiveMaxPool3d': '''
pool = nn.AdaptiveMaxPool3d((1, 1, 2))
print(pool, pool(torch.arange(16, dtype=torch.float32).reshape(1, 2, 2, 2, 2)).flatten())
''',
    'nn.AlphaDropout': '''
torch.manual_seed(0)
model = nn.Sequential(nn.SELU(), nn.AlphaDropout(0.2))
print(model)
print(model(torch.tensor([-1., 0, 1, 2])))
''',
    'nn.AvgPool1d': '''
pool = nn.AvgPool1d(3, stride=1)
print(pool, pool(torch.tensor([[[1., 2, 3, 4, 5]]])))
''',
    'nn.AvgPool2d': '''
pool = nn.AvgPool2d(2)
print(pool)
print(pool(torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)))
''',
    'nn.AvgPool3d': '''
pool = nn.AvgPool3d(2)
print(pool, pool(torch.arange(8, dtype=torch.float32).reshape(1, 1, 2, 2, 2)).flatten())
''',
    'nn.BCELoss': '''
print(nn.BCELoss()(torch.tensor([0.9, 0.2, 0.5]), torch.tensor([1., 0, 1])))
''',
    'nn.BCEWithLogitsLoss': '''
logits = torch.tensor([2., -1, 0])
target = torch.tensor([1., 0, 1])
print(nn.BCEWithLogitsLoss()(logits, target))
print(nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2]))(logits, target))
''',
    'nn.BatchNorm1d': '''
bn = nn.BatchNorm1d(2)
x = torch.tensor([[1., 2], [3, 6]])
print(bn(x))
print(bn.running_mean, bn.running_var)
''',
    'nn.BatchNorm2d': '''
bn = nn.BatchNorm2d(4)
print(bn)
print(', '.join(bn.state_dict().keys()))
''',
    'nn.BatchNorm3d': '''
bn = nn.BatchNorm3d(2, momentum=None)
print(bn)
bn(torch.arange(16, dtype=torch.float32).reshape(1, 2, 2, 2, 2))
print(bn.running_mean, bn.num_batches_tracked)
''',
    'nn.BatchSampler': '''
from torch.utils.data import BatchSampler, SequentialSampler
for batch in BatchSampler(SequentialSampler(range(5)), 2, False): print(torch.tensor(batch))
''',
    'nn.Bilinear': '''
torch.manual_seed(0)
bil = nn.Bilinear(2, 3, 1)
print(bil)
print(bil(torch.ones(1, 2), torch.ones(1, 3)))
''',
    'nn.CELU': '''
celu = nn.CELU(0.5)
print(celu, celu(torch.tensor([-1., 1])))
''',
    'nn.CTCLoss': '''
torch.manual_seed(0)
ctc = nn.CTCLoss(blank=0)
log_probs = torch.randn(6, 1, 4).log_softmax(2).detach().requires_grad_()
loss = ctc(log_probs, torch.tensor([[1, 2, 2]]), [6], [3])
loss.backward()
print(loss, log_probs.grad.shape)
''',
    'nn.ChannelShuffle': '''
shuffle = nn.ChannelShuffle(2)
print(shuffle)
print(shuffle(torch.arange(4).reshape(1, 4, 1, 1)).flatten())
''',
    'nn.ConstantPad1d': '''
pad = nn.ConstantPad1d(2, 3.5)
print(pad)
print(pad(torch.ones(1, 1, 2)))
''',
    'nn.ConstantPad2d': '''
pad = nn.ConstantPad2d((1, 0, 1, 0), -1)
print(pad, pad(torch.zeros(1, 2, 2)))
''',
    'nn.ConstantPad3d': '''
pad = nn.ConstantPad3d(1, 0.5)
print(pad, pad(torch.zeros(1, 1, 1, 1)).shape)
''',
    'nn.Conv1d': '''
conv = nn.Conv1d(16, 33, 3, stride=2)
print(conv)
print(conv(torch.randn(20, 16, 50)).shape)
''',
    'nn.Conv2d': '''
torch.manual_seed(0)
conv = nn.Conv2d(1, 2, 3, padding=1)
print(conv)
print(conv.weight.shape, conv.bias)
print(conv(torch.ones(1, 1, 4, 4)).shape)
''',
    'nn.Conv3d': '''
conv = nn.Conv3d(2, 4, [1, 3, 3], padding=[0, 1, 1])
print(conv)
print(conv(torch.randn(1, 2, 5, 8, 8)).shape)
''',
    'nn.ConvTranspose1d': '''
up = nn.ConvTranspose1d(4, 2, 3, stride=2, padding=1, output_padding=1)
print(up)
print(up(torch.randn(1, 4, 5)).shape)
''',
    'nn.ConvTranspose2d': '''
up = nn.ConvTranspose2d(8, 4, 2, stride=2)
print(up)
print(up(torch.randn(1, 8, 5, 5)).shape)
''',
    'nn.ConvTranspose3d': '''
conv = nn.ConvTranspose3d(16, 33, 3, stride=2)
print(conv)
print(conv(torch.randn(1, 16, 4, 5, 6)).shape)
''',
    'nn.CosineEmbeddingLoss': '''
loss = nn.CosineEmbeddingLoss(margin=0.2)
a = torch.tensor([[1., 0], [1, 1]])
b = torch.tensor([[1., 1], [1, 1]])
print(loss(a, b, torch.tensor([1., -1])))
''',
    'nn.CosineSimilarity': '''
cos = nn.CosineSimilarity(dim=1)
a = torch.tensor([[1., 0], [3, 4]])
print(cos, cos(a, torch.tensor([[0., 1], [6, 8]])))
''',
    'nn.CrossEntropyLoss': '''
logits = torch.tensor([[2, 0.5, -1], [0, 1, 0]], requires_grad=True)
labels = torch.tensor([0, 2])
loss = nn.CrossEntropyLoss(label_smoothing=0.1)(logits, labels)
loss.backward()
print(loss)
print(logits.grad)
''',
    'nn.CrossMapLRN2d': '''
lrn = nn.CrossMapLRN2d(3, 0.1)
print(lrn, lrn(torch.tensor([[[[1.]], [[2]], [[3]]]])).flatten())
''',
    'nn.DataLoader': '''
from torch.utils.data import TensorDataset, DataLoader
ds = TensorDataset(torch.arange(6), torch.arange(6) * 10)
torch.manual_seed(0)
for xb, yb in DataLoader(ds, batch_size=4, shuffle=True): print(xb, yb)
''',
    'nn.Dataset': '''
class Squares(torch.utils.data.Dataset):
    def __len__(self):
        return 5

    def __getitem__(self, i):
        return i, i * i

loader = torch.utils.data.DataLoader(Squares(), batch_size=2)
for x, y in loader: print(x, y)
''',
    'nn.Dropout': '''
torch.manual_seed(0)
drop = nn.Dropout(0.5)
x = torch.ones(2, 4)
print(drop(x))
print(drop.eval()(x))
''',
    'nn.Dropout1d': '''
torch.manual_seed(0)
drop = nn.Dropout1d(0.5)
print(drop, drop(torch.ones(1, 4, 2)))
''',
    'nn.Dropout2d': '''
torch.manual_seed(0)
drop = nn.Dropout2d(0.5)
print(drop(torch.ones(1, 4, 2, 2)).sum([2, 3]))
''',
    'nn.Dropout3d': '''
torch.manual_seed(0)
drop = nn.Dropout3d(0.5)
print(drop(torch.ones(1, 4, 2, 2, 2)).sum([2, 3, 4]))
''',
    'nn.ELU': '''
elu = nn.ELU()
print(elu, elu(torch.tensor([-2., 0, 2])))
''',
    'nn.Embedding': '''
torch.manual_seed(0)
emb = nn.Embedding(10, 3, padding_idx=0)
print(emb)
print(emb(torch.tensor([[1, 2], [0, 9]])))
''',
    'nn.Embedding.fromPretrained': '''
weights = torch.tensor([[1, 2.5], [3, 4]])
emb = nn.Embedding.from_pretrained(weights)
print(emb, emb.weight)
print(emb(torch.tensor([1, 0, 1])))
''',
    'nn.EmbeddingBag': '''
torch.manual_seed(0)
bag = nn.EmbeddingBag(10, 3, mode='sum')
print(bag(torch.tensor([1, 2, 4, 5, 4, 3]), torch.tensor([0, 3])))
''',
    'nn.F.adaptiveAvgPool1d': '''
print(F.adaptive_avg_pool1d(torch.tensor([[[1., 2, 3, 4, 5]]]), 2))
''',
    'nn.F.adaptiveAvgPool2d': '''
x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)
print(F.adaptive_avg_pool2d(x, 1))
print(F.adaptive_avg_pool2d(x, [1, 2]))
''',
    'nn.F.adaptiveAvgPool3d': '''
print(F.adaptive_avg_pool3d(torch.arange(16, dtype=torch.float32).reshape(1, 2, 2, 2, 2), 1).flatten())
''',
    'nn.F.adaptiveMaxPool1d': '''
x = torch.tensor([[[1., 5, 2, 8, 3, 4, 7]]])
print(F.adaptive_max_pool1d(x, 3))
''',
    'nn.F.adaptiveMaxPool1dWithIndices': '''
values, indices = F.adaptive_max_pool1d(torch.tensor([[[1., 5, 2, 8, 3, 4]]]), 2, return_indices=True)
print(values, indices)
''',
    'nn.F.adaptiveMaxPool2d': '''
x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)
print(F.adaptive_max_pool2d(x, [1, 2]))
''',
    'nn.F.adaptiveMaxPool3d': '''
print(F.adaptive_max_pool3d(torch.arange(16, dtype=torch.float32).reshape(1, 2, 2, 2, 2), [1, 1, 2]).flatten())
''',
    'nn.F.affineGrid': '''
img = torch.arange(9, dtype=torch.float32).reshape(1, 1, 3, 3)
theta = torch.tensor([[[-1., 0, 0], [0, 1, 0]]])
grid = F.affine_grid(theta, [1, 1, 3, 3], True)
print(F.grid_sample(img, grid, align_corners=True))
''',
    'nn.F.alphaDropout': '''
torch.manual_seed(0)
print(F.alpha_dropout(torch.tensor([-1., 0, 1, 2]), 0.5, True))
''',
    'nn.F.avgPool1d': '''
x = torch.tensor([[[1., 2, 3, 4, 5]]])
print(F.avg_pool1d(x, 2), F.avg_pool1d(x, 3, stride=1, padding=1))
''',
    'nn.F.avgPool2d': '''
x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)
print(F.avg_pool2d(x, 2))
''',
    'nn.F.avgPool3d': '''
x = torch.arange(8, dtype=torch.float32).reshape(1, 1, 2, 2, 2)
print(F.avg_pool3d(x, 2).flatten(), F.avg_pool3d(x, [2, 1, 1]).flatten())
''',
    'nn.F.batchNorm': '''
x = torch.tensor([[1., 2], [3, 6]])
mean, var = torch.zeros(2), torch.ones(2)
print(F.batch_norm(x, mean, var, training=True))
print(mean, var)
''',
    'nn.F.bilinear': '''
x1 = torch.tensor([[1., 2]])
x2 = torch.tensor([[1., 0, 1]])
w = torch.ones(1, 2, 3)
print(F.bilinear(x1, x2, w, torch.tensor([0.5])))
''',
    'nn.F.binaryCrossEntropy': '''
print(F.binary_cross_entropy(torch.tensor([0.9, 0.2, 0.5]), torch.tensor([1., 0, 1])))
''',
    'nn.F.binaryCrossEntropyWithLogits': '''
logits = torch.tensor([2., -1, 0])
target = torch.tensor([1., 0, 1])
print(F.binary_cross_entropy_with_logits(logits, target, reduction='none'))
''',
    'nn.F.celu': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.celu(x, 0.5))
''',
    'nn.F.channelShuffle': '''
x = torch.arange(4).reshape(1, 4, 1, 1)
print(F.channel_shuffle(x, 2).flatten())
''',
    'nn.F.conv1d': '''
x = torch.tensor([[[1., 2, 3, 4, 5]]])
w = torch.tensor([[[1., 0, -1]]])
print(F.conv1d(x, w))
print(F.conv1d(x, w, None, padding=1, stride=2))
''',
    'nn.F.conv2d': '''
x = torch.arange(9, dtype=torch.float32).reshape(1, 1, 3, 3)
w = torch.ones(1, 1, 2, 2)
print(F.conv2d(x, w))
print(F.conv2d(x, w, torch.tensor([0.5]), padding=1).shape)
''',
    'nn.F.conv3d': '''
x = torch.ones(1, 1, 3, 3, 3)
print(F.conv3d(x, torch.ones(1, 1, 2, 2, 2)).flatten())
''',
    'nn.F.convTranspose1d': '''
x = torch.tensor([[[1., 2, 3]]])
print(F.conv_transpose1d(x, torch.tensor([[[1., 1]]])))
print(F.conv_transpose1d(x, torch.tensor([[[1., 1]]]), None, stride=2))
''',
    'nn.F.convTranspose2d': '''
x = torch.tensor([[[[1., 2], [3, 4]]]])
print(F.conv_transpose2d(x, torch.ones(1, 1, 2, 2), None, stride=2))
''',
    'nn.F.convTranspose3d': '''
y = F.conv_transpose3d(torch.ones(1, 2, 2, 2, 2), torch.ones(2, 1, 2, 2, 2), None, stride=2)
print(y.shape, y.sum())
''',
    'nn.F.cosineEmbeddingLoss': '''
a = torch.tensor([[1., 0], [1, 1]])
b = torch.tensor([[1., 1], [1, 1]])
print(F.cosine_embedding_loss(a, b, torch.tensor([1., -1]), reduction='none'))
''',
    'nn.F.cosineSimilarity': '''
a = torch.tensor([[1., 0], [1, 1]])
b = torch.tensor([[0., 1], [2, 2]])
print(F.cosine_similarity(a, b))
''',
    'nn.F.crossEntropy': '''
logits = torch.tensor([[2, 0.5, -1], [0, 1, 0]])
labels = torch.tensor([0, 2])
print(F.cross_entropy(logits, labels))
print(F.cross_entropy(logits, labels, label_smoothing=0.1, reduction='none'))
''',
    'nn.F.ctcLoss': '''
torch.manual_seed(0)
log_probs = torch.randn(6, 2, 4).log_softmax(2)
targets = torch.tensor([[1, 2, 2], [3, 1, 0]])
print(F.ctc_loss(log_probs, targets, [6, 5], [3, 2]))
''',
    'nn.F.dropout': '''
torch.manual_seed(0)
x = torch.ones(8)
print(F.dropout(x, 0.5))
print(F.dropout(x, 0.5, False))
''',
    'nn.F.dropout1d': '''
torch.manual_seed(0)
print(F.dropout1d(torch.ones(1, 4, 3), 0.5))
''',
    'nn.F.dropout2d': '''
torch.manual_seed(0)
x = torch.ones(1, 4, 2, 2)
print(F.dropout2d(x, 0.5).sum([2, 3]))
''',
    'nn.F.dropout3d': '''
torch.manual_seed(0)
print(F.dropout3d(torch.ones(1, 4, 1, 1, 2), 0.5).flatten())
''',
    'nn.F.elu': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.elu(x, 0.5))
''',
    'nn.F.embedding': '''
weight = torch.tensor([[0., 0], [1, 10], [2, 20]])
print(F.embedding(torch.tensor([[2, 1], [0, 2]]), weight))
''',
    'nn.F.embeddingBag': '''
weight = torch.tensor([[1., 0], [0, 1], [2, 2]])
inp = torch.tensor([0, 1, 2, 2])
print(F.embedding_bag(inp, weight, offsets=torch.tensor([0, 2])))
print(F.embedding_bag(inp, weight, offsets=torch.tensor([0, 2]), mode='max'))
''',
    'nn.F.featureAlphaDropout': '''
torch.manual_seed(0)
print(F.feature_alpha_dropout(torch.ones(1, 4, 2), 0.5, True))
''',
    'nn.F.fold': '''
cols = torch.ones(1, 4, 4)
print(F.fold(cols, [3, 3], 2))
''',
    'nn.F.fractionalMaxPool2d': '''
torch.manual_seed(0)
x = torch.arange(25, dtype=torch.float32).reshape(1, 1, 5, 5)
print(F.fractional_max_pool2d(x, 2, output_size=[3, 3]))
''',
    'nn.F.fractionalMaxPool2dWithIndices': '''
torch.manual_seed(0)
x = torch.arange(25, dtype=torch.float32).reshape(1, 1, 5, 5)
values, indices = F.fractional_max_pool2d(x, 2, output_size=2, return_indices=True)
print(values, indices)
''',
    'nn.F.fractionalMaxPool3d': '''
torch.manual_seed(0)
x = torch.arange(64, dtype=torch.float32).reshape(1, 1, 4, 4, 4)
print(F.fractional_max_pool3d(x, 2, output_size=2).flatten())
''',
    'nn.F.gaussianNllLoss': '''
mean = torch.tensor([[0., 1], [2, 2]])
target = torch.tensor([[0.5, 1], [2, 3]])
print(F.gaussian_nll_loss(mean, target, torch.tensor([[1], [0.5]])))
''',
    'nn.F.gelu': '''
x = torch.tensor([-1., 0, 1])
print(F.gelu(x), F.gelu(x, approximate='tanh'))
''',
    'nn.F.glu': '''
print(F.glu(torch.tensor([[1., 2, 0, 10]])))
''',
    'nn.F.gridSample': '''
img = torch.tensor([[[[1., 2], [3, 4]]]])
grid = torch.tensor([[[[0., 0], [-1, -1]]]])
print(F.grid_sample(img, grid, align_corners=False))
print(F.grid_sample(img, grid, align_corners=True, mode='nearest'))
''',
    'nn.F.groupNorm': '''
x = torch.arange(8, dtype=torch.float32).reshape(1, 4, 2)
print(F.group_norm(x, 2))
''',
    'nn.F.gumbelSoftmax': '''
torch.manual_seed(0)
logits = torch.tensor([[1., 2, 3], [3, 2, 1]])
print(F.gumbel_softmax(logits, tau=0.5))
print(F.gumbel_softmax(logits, tau=0.5, hard=True))
''',
    'nn.F.hardshrink': '''
print(F.hardshrink(torch.tensor([-1, 0.2, 0.7])))
''',
    'nn.F.hardsigmoid': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.hardsigmoid(x))
''',
    'nn.F.hardswish': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.hardswish(x))
''',
    'nn.F.hardtanh': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.hardtanh(x, -1., 1.))
''',
    'nn.F.hardtanh_': '''
x = torch.tensor([-3, 0.5, 3])
F.hardtanh_(x)
print(x)
''',
    'nn.F.hingeEmbeddingLoss': '''
print(F.hinge_embedding_loss(torch.tensor([0.3, 2, 0.5]), torch.tensor([1., -1, -1])))
''',
    'nn.F.huberLoss': '''
print(F.huber_loss(torch.tensor([0, 0.5, 3]), torch.zeros(3), reduction='none', delta=2))
''',
    'nn.F.index': '''
x = torch.tensor([[-1., 0, 2]])
print(F.relu(x))
print(F.softmax(x, 1))
print(F.cross_entropy(x, torch.tensor([2])))
''',
    'nn.F.instanceNorm': '''
print(F.instance_norm(torch.tensor([[[1., 2, 3], [0, 0, 6]]])))
''',
    'nn.F.interpolate': '''
x = torch.tensor([[[[1., 2], [3, 4]]]])
print(F.interpolate(x, scale_factor=2))
print(F.interpolate(x, size=[3, 3], mode='bilinear', align_corners=True))
''',
    'nn.F.klDiv': '''
inp = torch.tensor([[0.25, 0.75]]).log()
target = torch.tensor([[0.5, 0.5]])
print(F.kl_div(inp, target, reduction='batchmean'))
print(F.kl_div(inp, target.log(), reduction='batchmean', log_target=True))
''',
    'nn.F.l1Loss': '''
pred = torch.tensor([0.5, 1, 3])
print(F.l1_loss(pred, torch.ones(3)), F.l1_loss(pred, torch.ones(3), reduction='sum'))
''',
    'nn.F.layerNorm': '''
x = torch.tensor([[1., 2, 3], [2, 2, 8]])
print(F.layer_norm(x, [3]))
''',
    'nn.F.leakyRelu': '''
print(F.leaky_relu(torch.tensor([-2., 0, 2]), 0.1))
''',
    'nn.F.leakyRelu_': '''
x = torch.tensor([-3, 0.5, 3])
F.leaky_relu_(x, 0.1)
print(x)
''',
    'nn.F.linear': '''
x = torch.tensor([[1., 2, 3]])
w = torch.tensor([[1, 0, -1], [0.5, 0.5, 0.5]])
print(F.linear(x, w, torch.tensor([0., 1])))
''',
    'nn.F.localResponseNorm': '''
print(F.local_response_norm(torch.tensor([[[1.], [2], [3]]]), 2, 0.1).flatten())
''',
    'nn.F.logSigmoid': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.logsigmoid(x))
''',
    'nn.F.logSoftmax': '''
logits = torch.tensor([[1., 2, 3]])
print(F.log_softmax(logits, 1))
print(F.log_softmax(logits, 1, dtype=torch.float64).exp().sum())
''',
    'nn.F.lpPool1d': '''
print(F.lp_pool1d(torch.tensor([[[3., 4, 6, 8]]]), 2, 2))
''',
    'nn.F.lpPool2d': '''
print(F.lp_pool2d(torch.tensor([[[[1., 1], [1, 1]]]]), 1, 2))
''',
    'nn.F.marginRankingLoss': '''
x1 = torch.tensor([1., 2, 3])
x2 = torch.tensor([2., 2, 1])
print(F.margin_ranking_loss(x1, x2, torch.tensor([1., -1, 1]), margin=0.5))
''',
    'nn.F.maxPool1d': '''
x = torch.tensor([[[1., 3, 2, 5, 4]]])
print(F.max_pool1d(x, 2), F.max_pool1d(x, 2, ceil_mode=True))
''',
    'nn.F.maxPool2d': '''
x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)
print(F.max_pool2d(x, 2))
print(F.max_pool2d(x, 3, stride=1, padding=1).shape)
''',
    'nn.F.maxPool2dWithIndices': '''
x = torch.tensor([[[[1., 5], [3, 2]]]])
values, indices = F.max_pool2d_with_indices(x, 2)
print(values, indices)
''',
    'nn.F.maxPool3d': '''
x = torch.arange(8, dtype=torch.float32).reshape(1, 1, 2, 2, 2)
print(F.max_pool3d(x, 2).flatten(), F.max_pool3d(x, [1, 2, 2]).flatten())
''',
    'nn.F.maxPool3dWithIndices': '''
x = torch.arange(8, dtype=torch.float32).reshape(1, 1, 2, 2, 2)
values, indices = F.max_pool3d(x, [1, 2, 2], return_indices=True)
print(values.flatten(), indices.flatten())
''',
    'nn.F.maxUnpool1d': '''
values = torch.tensor([[[3., 5]]])
indices = torch.tensor([[[1, 3]]])
print(F.max_unpool1d(values, indices, 2))
''',
    'nn.F.maxUnpool2d': '''
x = torch.tensor([[[[1., 2], [4, 3]]]])
y, idx = F.max_pool2d_with_indices(x, 2)
print(y, idx)
print(F.max_unpool2d(y, idx, 2))
''',
    'nn.F.mish': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.mish(x))
''',
    'nn.F.mseLoss': '''
pred = torch.tensor([0.5, 1, 2], requires_grad=True)
loss = F.mse_loss(pred, torch.ones(3))
loss.backward()
print(loss, pred.grad)
''',
    'nn.F.multiMarginLoss': '''
print(F.multi_margin_loss(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3]), p=2))
''',
    'nn.F.multilabelMarginLoss': '''
scores = torch.tensor([[0.1, 0.2, 0.4, 0.8]])
print(F.multilabel_margin_loss(scores, torch.tensor([[3, 0, -1, 1]])))
''',
    'nn.F.multilabelSoftMarginLoss': '''
print(F.multilabel_soft_margin_loss(torch.tensor([[2, -1, 0.5]]), torch.tensor([[1., 0, 1]])))
''',
    'nn.F.nllLoss': '''
log_probs = torch.tensor([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]).log()
target = torch.tensor([2, 0])
print(F.nll_loss(log_probs, target))
print(F.nll_loss(log_probs, target, weight=torch.tensor([1., 1, 3])))
''',
    'nn.F.normalize': '''
x = torch.tensor([[3., 4], [1, 0]])
print(F.normalize(x))
print(F.normalize(x, p=1, dim=0))
''',
    'nn.F.oneHot': '''
print(F.one_hot(torch.tensor([0, 2, 1])))
print(F.one_hot(torch.tensor([0, 2]), 4))
''',
    'nn.F.oneHotAsync': '''
print(F.one_hot(torch.tensor([0, 2, 1])))
''',
    'nn.F.pad': '''
x = torch.tensor([[[1., 2, 3]]])
print(F.pad(x, [2, 1]))
print(F.pad(x, [2, 1], 'reflect'))
print(F.pad(x, [1, 1], 'replicate'))
''',
    'nn.F.pairwiseDistance': '''
a = torch.tensor([[0., 0], [1, 1]])
b = torch.tensor([[3., 4], [1, 1]])
print(F.pairwise_distance(a, b))
''',
    'nn.F.pdist': '''
print(F.pdist(torch.tensor([[0., 0], [3, 4], [6, 8]])))
''',
    'nn.F.pixelShuffle': '''
x = torch.arange(8, dtype=torch.float32).reshape(1, 8, 1, 1)
print(F.pixel_shuffle(x, 2))
''',
    'nn.F.pixelUnshuffle': '''
x = torch.arange(4, dtype=torch.float32).reshape(1, 1, 2, 2)
print(F.pixel_unshuffle(x, 2).flatten(), F.pixel_unshuffle(x, 2).shape)
''',
    'nn.F.poissonNllLoss': '''
log_rate = torch.tensor([0., 1])
print(F.poisson_nll_loss(log_rate, torch.tensor([1., 3])))
print(F.poisson_nll_loss(log_rate.exp(), torch.tensor([1., 3]), log_input=False))
''',
    'nn.F.prelu': '''
x = torch.tensor([[-1., 2], [-3, 4]])
print(F.prelu(x, torch.tensor([0.1, 0.5])))
''',
    'nn.F.relu': '''
x = torch.tensor([-1.5, 0, 2])
print(F.relu(x))
''',
    'nn.F.relu6': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.relu6(x))
''',
    'nn.F.relu_': '''
x = torch.tensor([-1, 0.5, 2])
F.relu_(x)
print(x)
''',
    'nn.F.rrelu': '''
torch.manual_seed(0)
x = torch.tensor([-2., -1, 1])
print(F.rrelu(x))
print(F.rrelu(x, 1 / 8, 1 / 3, True))
''',
    'nn.F.selu': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.selu(x))
''',
    'nn.F.sigmoid': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.sigmoid(x))
''',
    'nn.F.silu': '''
print(F.silu(torch.tensor([-1., 0, 1])))
''',
    'nn.F.smoothL1Loss': '''
pred = torch.tensor([0, 0.5, 3])
print(F.smooth_l1_loss(pred, torch.zeros(3)), F.smooth_l1_loss(pred, torch.zeros(3), beta=2))
''',
    'nn.F.softMarginLoss': '''
print(F.soft_margin_loss(torch.tensor([2, -1, 0.5]), torch.tensor([1., -1, -1])))
''',
    'nn.F.softmax': '''
logits = torch.tensor([[1., 2, 3], [1, 1, 1]])
print(F.softmax(logits, 1))
print(F.softmax(logits, 0))
''',
    'nn.F.softmin': '''
print(F.softmin(torch.tensor([[1., 2, 3]]), 1))
''',
    'nn.F.softplus': '''
print(F.softplus(torch.tensor([-1., 0, 30])))
''',
    'nn.F.softshrink': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.softshrink(x, 0.5))
''',
    'nn.F.softsign': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.softsign(x))
''',
    'nn.F.tanh': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.tanh(x))
''',
    'nn.F.tanhshrink': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.tanhshrink(x))
''',
    'nn.F.threshold': '''
x = torch.tensor([-2, -0.5, 0, 0.5, 2])
print(F.threshold(x, 0.1, 20.))
''',
    'nn.F.tripletMarginLoss': '''
anchor = torch.tensor([[0., 0]])
positive = torch.tensor([[0., 1]])
negative = torch.tensor([[0., 1.5]])
print(F.triplet_margin_loss(anchor, positive, negative))
''',
    'nn.F.tripletMarginWithDistanceLoss': '''
a, p, n = torch.tensor([[1., 0]]), torch.tensor([[1, 0.1]]), torch.tensor([[0., 1]])
cosine = lambda x, y: 1 - F.cosine_similarity(x, y)
print(F.triplet_margin_with_distance_loss(a, p, n, distance_function=cosine, margin=1.5))
''',
    'nn.F.unfold': '''
x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)
cols = F.unfold(x, 2, stride=2)
print(cols.shape)
print(cols)
''',
    'nn.F.upsample': '''
print(F.upsample(torch.tensor([[[1., 2, 4]]]), scale_factor=2, mode='linear'))
''',
    'nn.F.upsampleBilinear': '''
print(F.upsample_bilinear(torch.tensor([[[[1., 2], [3, 4]]]]), size=[3, 3]))
''',
    'nn.F.upsampleNearest': '''
print(F.upsample_nearest(torch.tensor([[[[1., 2]]]]), scale_factor=2))
''',
    'nn.FeatureAlphaDropout': '''
torch.manual_seed(0)
drop = nn.FeatureAlphaDropout(0.5)
print(drop(torch.ones(1, 4, 1)).flatten())
''',
    'nn.Flatten': '''
flat = nn.Flatten()
print(flat, flat(torch.zeros(2, 3, 4, 5)).shape)
''',
    'nn.Fold': '''
cols = torch.ones(1, 4, 12)
fold = nn.Fold((4, 5), 2)
print(fold)
print(fold(cols))
''',
    'nn.FractionalMaxPool2d': '''
torch.manual_seed(0)
pool = nn.FractionalMaxPool2d(2, output_ratio=0.5)
print(pool(torch.arange(36, dtype=torch.float32).reshape(1, 1, 6, 6)))
''',
    'nn.FractionalMaxPool3d': '''
torch.manual_seed(0)
pool = nn.FractionalMaxPool3d(2, output_size=2)
print(pool(torch.arange(64, dtype=torch.float32).reshape(1, 1, 4, 4, 4)).flatten())
''',
    'nn.GELU': '''
x = torch.tensor([-1., 0, 1])
print(nn.GELU()(x))
print(nn.GELU(approximate='tanh')(x))
''',
    'nn.GLU': '''
glu = nn.GLU()
print(glu, glu(torch.tensor([[1., 2, 0, 10]])))
''',
    'nn.GRU': '''
torch.manual_seed(0)
gru = nn.GRU(3, 2, bidirectional=True)
out, hn = gru(torch.randn(4, 1, 3))
print(gru)
print(out.shape, hn.shape)
''',
    'nn.GRUCell': '''
torch.manual_seed(0)
cell = nn.GRUCell(3, 2)
h = torch.zeros(1, 2)
for t in range(3):
    h = cell(torch.ones(1, 3), h)
print(cell, h)
''',
    'nn.GaussianNLLLoss': '''
loss = nn.GaussianNLLLoss()
mean = torch.tensor([0., 1])
var = torch.tensor([1, 0.5])
print(loss(mean, torch.tensor([0.5, 1]), var))
''',
    'nn.GroupNorm': '''
gn = nn.GroupNorm(2, 4)
print(gn)
print(gn(torch.arange(8, dtype=torch.float32).reshape(1, 4, 2)))
''',
    'nn.Hardshrink': '''
m = nn.Hardshrink()
print(m)
print(m(torch.tensor([-1, 0.2, 0.7])))
''',
    'nn.Hardsigmoid': '''
print(nn.Hardsigmoid()(torch.tensor([-4., 0, 1, 4])))
''',
    'nn.Hardswish': '''
print(nn.Hardswish()(torch.tensor([-4., -1, 0, 1, 4])))
''',
    'nn.Hardtanh': '''
act = nn.Hardtanh(-2.0, 2.0)
print(act, act(torch.tensor([-3., -1, 0, 3])))
''',
    'nn.HingeEmbeddingLoss': '''
loss = nn.HingeEmbeddingLoss(margin=1)
print(loss(torch.tensor([0.3, 2, 0.5]), torch.tensor([1., -1, -1])))
''',
    'nn.HuberLoss': '''
loss = nn.HuberLoss(delta=1)
print(loss, loss(torch.tensor([0, 0.5, 3]), torch.zeros(3)))
''',
    'nn.Identity': '''
m = nn.Identity()
print(m, m(torch.tensor([1, 2])))
''',
    'nn.InstanceNorm1d': '''
norm = nn.InstanceNorm1d(2)
print(norm)
print(norm(torch.tensor([[[1., 2, 3], [0, 0, 6]]])))
''',
    'nn.InstanceNorm2d': '''
norm = nn.InstanceNorm2d(1, affine=True)
print(norm)
print(norm(torch.tensor([[[[1., 2], [3, 6]]]])))
''',
    'nn.InstanceNorm3d': '''
norm = nn.InstanceNorm3d(1)
print(norm, norm(torch.arange(8, dtype=torch.float32).reshape(1, 1, 2, 2, 2)).flatten())
''',
    'nn.KLDivLoss': '''
inp = torch.tensor([[0.25, 0.75]]).log()
target = torch.tensor([[0.5, 0.5]])
print(nn.KLDivLoss(reduction='batchmean')(inp, target))
''',
    'nn.L1Loss': '''
print(nn.L1Loss()(torch.tensor([0.5, 1, 2]), torch.ones(3)))
''',
    'nn.LPPool1d': '''
pool = nn.LPPool1d(2, 2)
print(pool, pool(torch.tensor([[[3., 4, 6, 8]]])))
''',
    'nn.LPPool2d': '''
pool = nn.LPPool2d(2, 2)
print(pool)
print(pool(torch.tensor([[[[3., 4], [0, 0]]]])))
''',
    'nn.LSTM': '''
torch.manual_seed(0)
lstm = nn.LSTM(3, 2, batch_first=True)
out, (hn, cn) = lstm(torch.randn(1, 4, 3))
print(lstm)
print(out.shape, hn.shape, cn.shape)
print(hn)
''',
    'nn.LSTMCell': '''
torch.manual_seed(0)
cell = nn.LSTMCell(3, 2)
h, c = cell(torch.ones(1, 3))
print(h, c)
''',
    'nn.LayerNorm': '''
ln = nn.LayerNorm(3)
print(ln)
print(ln(torch.tensor([[1., 2, 3], [2, 2, 8]])))
''',
    'nn.LeakyReLU': '''
act = nn.LeakyReLU(0.1)
print(act, act(torch.tensor([-2., 0, 2])))
''',
    'nn.Linear': '''
torch.manual_seed(0)
fc = nn.Linear(3, 2)
print(fc.weight)
print(fc(torch.ones(1, 3)))
''',
    'nn.LocalResponseNorm': '''
lrn = nn.LocalResponseNorm(2)
print(lrn)
print(lrn(torch.tensor([[[1.], [2], [3]]])).flatten())
''',
    'nn.LogSigmoid': '''
print(nn.LogSigmoid()(torch.tensor([-1., 0, 1])))
''',
    'nn.LogSoftmax': '''
log_softmax = nn.LogSoftmax(1)
print(log_softmax, log_softmax(torch.tensor([[1., 2, 3]])))
''',
    'nn.MSELoss': '''
pred = torch.tensor([0.5, 1, 2])
target = torch.tensor([1., 1, 1])
print(nn.MSELoss()(pred, target))
print(nn.MSELoss(reduction='none')(pred, target))
''',
    'nn.MarginRankingLoss': '''
loss = nn.MarginRankingLoss(margin=0.5)
x1 = torch.tensor([1., 2, 3])
x2 = torch.tensor([2., 2, 1])
print(loss(x1, x2, torch.tensor([1., -1, 1])))
''',
    'nn.MaxPool1d': '''
pool = nn.MaxPool1d(2)
print(pool, pool(torch.tensor([[[1., 3, 2, 5, 4]]])))
''',
    'nn.MaxPool2d': '''
pool = nn.MaxPool2d(2)
print(pool)
print(pool(torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)))
''',
    'nn.MaxPool3d': '''
pool = nn.MaxPool3d(2)
print(pool, pool(torch.arange(8, dtype=torch.float32).reshape(1, 1, 2, 2, 2)).flatten())
''',
    'nn.MaxUnpool1d': '''
values = torch.tensor([[[3., 5]]])
indices = torch.tensor([[[1, 3]]])
unpool = nn.MaxUnpool1d(2)
print(unpool, unpool(values, indices))
''',
    'nn.MaxUnpool2d': '''
x = torch.tensor([[[[1., 2], [4, 3]]]])
y, idx = nn.MaxPool2d(2, return_indices=True)(x)
print(nn.MaxUnpool2d(2)(y, idx))
''',
    'nn.MaxUnpool3d': '''
x = torch.arange(8, dtype=torch.float32).reshape(1, 1, 2, 2, 2)
y, idx = nn.MaxPool3d(2, return_indices=True)(x)
print(nn.MaxUnpool3d(2)(y, idx).flatten())
''',
    'nn.Mish': '''
print(nn.Mish()(torch.tensor([-1., 0, 1])))
''',
    'nn.Module': '''
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))

torch.manual_seed(0)
net = Net()
print(net)
print(net(torch.ones(1, 4)))
''',
    'nn.Module.apply': '''
model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
def init(m):
    if isinstance(m, nn.Linear):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)
model.apply(init)
print(model(torch.tensor([[1., 2]])))
''',
    'nn.Module.bfloat16': '''
model = nn.BatchNorm1d(2).bfloat16()
print(model.weight.dtype, model.running_mean.dtype, model.num_batches_tracked.dtype)
''',
    'nn.Module.children': '''
model = nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.ReLU()))
for name, child in model.named_children(): print(name, child)
''',
    'nn.Module.eval': '''
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5))
x = torch.ones(1, 2)
model.eval()
print(model(x))
print(model.train()(x))
''',
    'nn.Module.getSubmodule': '''
model = nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.Linear(2, 1)))
print(model.get_submodule('1.0'))
print(model.get_parameter('1.0.bias').shape)
''',
    'nn.Module.half': '''
model = nn.Linear(4, 2).half()
print(model.weight.dtype, model.bias.dtype)
''',
    'nn.Module.loadStateDict': '''
torch.manual_seed(0)
a = nn.Linear(2, 1)
b = nn.Linear(2, 1)
b.load_state_dict(a.state_dict())
print(a.weight, b.weight)
''',
    'nn.Module.namedModules': '''
model = nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.ReLU()))
for name, m in model.named_modules(): print(f'"{name}"', type(m).__name__)
''',
    'nn.Module.namedParameters': '''
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
for name, p in model.named_parameters(): print(name, p.shape)
''',
    'nn.Module.parameters': '''
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
params = list(model.parameters())
print(len(params), sum(p.numel() for p in params))
''',
    'nn.Module.registerBuffer': '''
class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer('factor', torch.tensor([2., 3]))

    def forward(self, x):
        return x * self.factor

m = Scale()
print(m(torch.ones(2)), len(list(m.parameters())), ', '.join(m.state_dict().keys()))
''',
    'nn.Module.registerForwardHook': '''
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
handle = model[0].register_forward_hook(lambda m, inputs, output: print(type(m).__name__, output.shape))
model(torch.randn(5, 4))
handle.remove()
model(torch.randn(5, 4))
''',
    'nn.Module.requiresGrad_': '''
model = nn.Sequential(nn.Linear(4, 3), nn.Linear(3, 1))
model[0].requires_grad_(False)
trainable = [p for p in model.parameters() if p.requires_grad]
print(len(trainable), sum(p.numel() for p in trainable))
''',
    'nn.Module.stateDict': '''
torch.manual_seed(0)
bn = nn.BatchNorm1d(2)
sd = bn.state_dict()
print(', '.join(sd.keys()))
print(sd['running_var'], sd['num_batches_tracked'])
''',
    'nn.Module.to': '''
model = nn.Linear(2, 1).to(torch.float64)
print(model.weight.dtype, model(torch.ones(1, 2, dtype=torch.float64)).dtype)
''',
    'nn.Module.toAsync': '''
model = nn.Linear(2, 1)
model.to('cpu')
print(model.weight.device.type)
''',
    'nn.ModuleDict': '''
heads = nn.ModuleDict({'cls': nn.Linear(8, 3), 'reg': nn.Linear(8, 1)})
print(heads)
print(heads['reg'])
''',
    'nn.ModuleList': '''
torch.manual_seed(0)
layers = nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 1)])
x = torch.ones(1, 2)
for layer in layers:
    x = layer(x)
print(len(layers), x)
''',
    'nn.MultiLabelMarginLoss': '''
loss = nn.MultiLabelMarginLoss()
print(loss(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([[3, 0, -1, 1]])))
''',
    'nn.MultiLabelSoftMarginLoss': '''
loss = nn.MultiLabelSoftMarginLoss()
logits = torch.tensor([[2, -1, 0.5]])
print(loss(logits, torch.tensor([[1., 0, 1]])))
''',
    'nn.MultiMarginLoss': '''
loss = nn.MultiMarginLoss()
print(loss(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3])))
''',
    'nn.MultiheadAttention': '''
torch.manual_seed(0)
mha = nn.MultiheadAttention(4, 2, batch_first=True)
x = torch.randn(1, 3, 4)
out, weights = mha(x, x, x)
print(out.shape)
print(weights)
''',
    'nn.NLLLoss': '''
log_probs = torch.tensor([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]).log()
print(nn.NLLLoss()(log_probs, torch.tensor([2, 0])))
''',
    'nn.PReLU': '''
prelu = nn.PReLU()
print(prelu, prelu(torch.tensor([-2., 2])))
''',
    'nn.PairwiseDistance': '''
dist = nn.PairwiseDistance(p=1)
print(dist, dist(torch.tensor([[0., 0]]), torch.tensor([[3., 4]])))
''',
    'nn.Parameter': '''
torch.manual_seed(0)
w = nn.Parameter(torch.randn(2, 2))
print(w)
''',
    'nn.ParameterDict': '''
pd = nn.ParameterDict({'scale': torch.ones(3), 'shift': torch.zeros(3)})
print(pd)
print(pd['scale'])
''',
    'nn.ParameterList': '''
params = nn.ParameterList([torch.zeros(2), torch.ones(3)])
print(params)
print(params[1])
''',
    'nn.PixelShuffle': '''
ps = nn.PixelShuffle(2)
print(ps)
print(ps(torch.arange(4, dtype=torch.float32).reshape(1, 4, 1, 1)))
''',
    'nn.PixelUnshuffle': '''
unshuffle = nn.PixelUnshuffle(2)
print(unshuffle, unshuffle(torch.zeros(1, 3, 8, 8)).shape)
''',
    'nn.PoissonNLLLoss': '''
loss = nn.PoissonNLLLoss()
print(loss(torch.tensor([0., 1]), torch.tensor([1., 3])))
''',
    'nn.RNN': '''
torch.manual_seed(0)
rnn = nn.RNN(3, 2, num_layers=2)
out, hn = rnn(torch.randn(4, 1, 3))
print(rnn)
print(out.shape)
print(hn)
''',
    'nn.RNNCell': '''
torch.manual_seed(0)
cell = nn.RNNCell(3, 2, nonlinearity='relu')
print(cell, cell(torch.ones(1, 3)))
''',
    'nn.RReLU': '''
torch.manual_seed(0)
m = nn.RReLU()
x = torch.tensor([-2., -1, 1])
print(m)
print(m(x))
print(m.eval()(x))
''',
    'nn.RandomSampler': '''
torch.manual_seed(0)
sampler = torch.utils.data.RandomSampler(range(6))
print(torch.tensor(list(sampler)))
print(torch.tensor(list(sampler)))
''',
    'nn.ReLU': '''
relu = nn.ReLU()
print(relu, relu(torch.tensor([-1., 0, 2])))
''',
    'nn.ReLU6': '''
print(nn.ReLU6()(torch.tensor([-1., 3, 8])))
''',
    'nn.ReflectionPad1d': '''
pad = nn.ReflectionPad1d((2, 1))
print(pad, pad(torch.tensor([[[1., 2, 3]]])))
''',
    'nn.ReflectionPad2d': '''
x = torch.arange(9, dtype=torch.float32).reshape(1, 1, 3, 3)
print(nn.ReflectionPad2d([1, 1, 2, 0])(x))
''',
    'nn.ReflectionPad3d': '''
pad = nn.ReflectionPad3d((1, 1, 0, 0, 0, 0))
print(pad, pad(torch.tensor([[[[[1., 2, 3]]]]])).flatten())
''',
    'nn.ReplicationPad1d': '''
pad = nn.ReplicationPad1d(2)
print(pad, pad(torch.tensor([[[1., 2, 3]]])))
''',
    'nn.ReplicationPad2d': '''
pad = nn.ReplicationPad2d(1)
print(pad)
print(pad(torch.tensor([[[[1., 2], [3, 4]]]])))
''',
    'nn.ReplicationPad3d': '''
pad = nn.ReplicationPad3d((2, 0, 0, 0, 0, 1))
print(pad, pad(torch.tensor([[[[[1., 2]]]]])).flatten())
''',
    'nn.SELU': '''
print(nn.SELU()(torch.tensor([-1., 0, 1])))
''',
    'nn.Sequential': '''
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
print(model)
print(model(torch.ones(2, 4)))
''',
    'nn.Sequential.slice': '''
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
print(model[0:2])
print(model[-1])
''',
    'nn.SequentialSampler': '''
sampler = torch.utils.data.SequentialSampler(range(4))
print(len(sampler), torch.tensor(list(sampler)))
''',
    'nn.SiLU': '''
print(nn.SiLU()(torch.tensor([-1., 0, 1])))
''',
    'nn.Sigmoid': '''
print(nn.Sigmoid()(torch.tensor([-2., 0, 2])))
''',
    'nn.SmoothL1Loss': '''
print(nn.SmoothL1Loss(reduction='none')(torch.tensor([0, 0.5, 3]), torch.zeros(3)))
''',
    'nn.SoftMarginLoss': '''
loss = nn.SoftMarginLoss()
print(loss(torch.tensor([2, -1, 0.5]), torch.tensor([1., -1, -1])))
''',
    'nn.Softmax': '''
softmax = nn.Softmax(1)
print(softmax)
print(softmax(torch.tensor([[1., 2, 3], [1, 1, 1]])))
''',
    'nn.Softmax2d': '''
softmax = nn.Softmax2d()
print(softmax(torch.tensor([[[[0.]], [[1]], [[2]]]])).flatten())
''',
    'nn.Softmin': '''
softmin = nn.Softmin(1)
print(softmin, softmin(torch.tensor([[1., 2, 3]])))
''',
    'nn.Softplus': '''
sp = nn.Softplus(beta=2)
print(sp, sp(torch.tensor([-1., 0, 1])))
''',
    'nn.Softshrink': '''
shrink = nn.Softshrink(0.5)
print(shrink, shrink(torch.tensor([-1, 0.2, 2])))
''',
    'nn.Softsign': '''
print(nn.Softsign()(torch.tensor([-3., 0, 1])))
''',
    'nn.Subset': '''
ds = torch.utils.data.TensorDataset(torch.arange(10) * 10)
sub = torch.utils.data.Subset(ds, [1, 3, 5])
print(len(sub), sub[2][0])
''',
    'nn.Tanh': '''
print(nn.Tanh()(torch.tensor([-2., 0, 2])))
''',
    'nn.Tanhshrink': '''
print(nn.Tanhshrink()(torch.tensor([-1., 0, 2])))
''',
    'nn.TensorDataset': '''
ds = torch.utils.data.TensorDataset(torch.tensor([[1, 2], [3, 4], [5, 6]]), torch.tensor([0, 1, 0]))
x, y = ds[1]
print(len(ds), x, y)
''',
    'nn.Threshold': '''
th = nn.Threshold(0.1, 20.0)
print(th, th(torch.tensor([-1, 0.1, 0.5])))
''',
    'nn.Transformer': '''
torch.manual_seed(0)
model = nn.Transformer(d_model=32, nhead=4, num_encoder_layers=2, num_decoder_layers=2)
src = torch.randn(10, 1, 32)
tgt = torch.randn(7, 1, 32)
out = model(src, tgt, tgt_mask=nn.Transformer.generate_square_subsequent_mask(7))
print(out.shape)
print(nn.Transformer.generate_square_subsequent_mask(3))
''',
    'nn.TransformerDecoder': '''
torch.manual_seed(0)
layer = nn.TransformerDecoderLayer(8, 2, dim_feedforward=16, batch_first=True)
decoder = nn.TransformerDecoder(layer, 2)
memory = torch.randn(1, 5, 8)
tgt = torch.randn(1, 3, 8)
mask = nn.Transformer.generate_square_subsequent_mask(3)
print(decoder(tgt, memory, tgt_mask=mask).shape)
''',
    'nn.TransformerDecoderLayer': '''
torch.manual_seed(0)
layer = nn.TransformerDecoderLayer(8, 2, dim_feedforward=16)
memory = torch.randn(5, 1, 8)
tgt = torch.randn(3, 1, 8)
print(layer(tgt, memory).shape)
''',
    'nn.TransformerEncoder': '''
torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, batch_first=True)
encoder = nn.TransformerEncoder(layer, 3)
padding = torch.tensor([[False, False, True]])
print(encoder(torch.randn(1, 3, 8), src_key_padding_mask=padding).shape)
print(len(encoder.layers))
''',
    'nn.TransformerEncoderLayer': '''
torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(16, 4, dim_feedforward=64, batch_first=True)
x = torch.randn(2, 5, 16)
print(layer(x).shape)
''',
    'nn.TripletMarginLoss': '''
torch.manual_seed(0)
loss = nn.TripletMarginLoss(margin=1)
anchor, positive, negative = torch.randn(4, 8), torch.randn(4, 8), torch.randn(4, 8)
print(loss(anchor, positive, negative))
''',
    'nn.TripletMarginWithDistanceLoss': '''
loss = nn.TripletMarginWithDistanceLoss(distance_function=nn.PairwiseDistance(p=1), margin=2)
anchor = torch.tensor([[0., 0]])
positive = torch.tensor([[1., 0]])
negative = torch.tensor([[1., 1]])
print(loss(anchor, positive, negative))
''',
    'nn.Unflatten': '''
unflatten = nn.Unflatten(1, (2, 3))
print(unflatten, unflatten(torch.zeros(4, 6)).shape)
''',
    'nn.Unfold': '''
unfold = nn.Unfold(2, stride=2)
print(unfold)
print(unfold(torch.randn(1, 3, 4, 6)).shape)
''',
    'nn.Upsample': '''
up = nn.Upsample(scale_factor=2, mode='nearest')
print(up)
print(up(torch.tensor([[[1., 2]]])))
''',
    'nn.UpsamplingBilinear2d': '''
up = nn.UpsamplingBilinear2d(size=(3, 3))
print(up)
print(up(torch.tensor([[[[1., 2], [3, 4]]]])))
''',
    'nn.UpsamplingNearest2d': '''
up = nn.UpsamplingNearest2d(scale_factor=2)
print(up)
print(up(torch.tensor([[[[1., 2]]]])))
''',
    'nn.ZeroPad2d': '''
pad = nn.ZeroPad2d((1, 0, 0, 1))
print(pad)
print(pad(torch.ones(1, 1, 2, 2)))
''',
    'nn.defaultCollate': '''
from torch.utils.data import default_collate
batch = default_collate([{'x': torch.tensor([1, 2]), 'label': 0}, {'x': torch.tensor([3, 4]), 'label': 1}])
print(batch['x'], batch['label'])
''',
    'nn.index': '''
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
x = torch.randn(16, 4)
y = torch.randint(0, 3, [16])
for step in range(3):
    loss = F.cross_entropy(model(x), y)
    opt.zero_grad(); loss.backward(); opt.step()
    print(loss)
''',
    'nn.init.calculateFanInAndFanOut': '''
fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(torch.empty(16, 3, 5, 5))
print(fan_in, fan_out)
''',
    'nn.init.calculateGain': '''
from torch.nn.init import calculate_gain
print(calculate_gain('relu'), calculate_gain('tanh'), calculate_gain('leaky_relu', 0.2))
''',
    'nn.init.constant_': '''
print(nn.init.constant_(torch.empty(2, 2), 0.5))
''',
    'nn.init.dirac_': '''
w = nn.init.dirac_(torch.empty(2, 2, 3))
print(F.conv1d(torch.tensor([[[1., 2, 3], [4, 5, 6]]]), w, None, padding=1))
''',
    'nn.init.eye_': '''
print(nn.init.eye_(torch.empty(2, 3)))
''',
    'nn.init.kaimingNormal_': '''
torch.manual_seed(0)
print(nn.init.kaiming_normal_(torch.empty(2, 3), mode='fan_out'))
''',
    'nn.init.kaimingUniform_': '''
torch.manual_seed(0)
w = torch.empty(2, 3)
print(nn.init.kaiming_uniform_(w, mode='fan_in', nonlinearity='relu'))
''',
    'nn.init.normal_': '''
torch.manual_seed(0)
print(nn.init.normal_(torch.empty(4), 0, 0.02))
''',
    'nn.init.ones_': '''
w = torch.empty(2, 3)
nn.init.ones_(w)
print(w, nn.init.zeros_(torch.empty(2)))
''',
    'nn.init.orthogonal_': '''
torch.manual_seed(0)
q = nn.init.orthogonal_(torch.empty(2, 2))
print(q)
print(q.matmul(q.t()).round(decimals=4))
''',
    'nn.init.truncNormal_': '''
torch.manual_seed(0)
print(nn.init.trunc_normal_(torch.empty(5), 0, 1, -1, 1))
''',
    'nn.init.uniform_': '''
torch.manual_seed(0)
print(nn.init.uniform_(torch.empty(4), -1, 1))
''',
    'nn.init.xavierNormal_': '''
torch.manual_seed(0)
print(nn.init.xavier_normal_(torch.empty(2, 3)))
''',
    'nn.init.xavierUniform_': '''
torch.manual_seed(0)
print(nn.init.xavier_uniform_(torch.empty(2, 3), nn.init.calculate_gain('tanh')))
''',
    'nn.load': '''
import io
torch.manual_seed(0)
buf = io.BytesIO()
torch.save(nn.Linear(2, 1).state_dict(), buf)
copy = nn.Linear(2, 1)
buf.seek(0)
copy.load_state_dict(torch.load(buf))
buf.seek(0)
sd = torch.load(buf)
print(copy.weight, sd['bias'])
''',
    'nn.lrScheduler.ChainedScheduler': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.ChainedScheduler([torch.optim.lr_scheduler.ConstantLR(opt, 0.5, 2), torch.optim.lr_scheduler.ExponentialLR(opt, 0.9)])
lrs = []
for epoch in range(4):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.ConstantLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.ConstantLR(opt, 0.5, 3)
lrs = []
for epoch in range(5):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.CosineAnnealingLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, 4)
lrs = []
for epoch in range(5):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.CosineAnnealingWarmRestarts': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, 3)
lrs = []
for epoch in range(7):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.CyclicLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.CyclicLR(opt, 0.1, 1, step_size_up=2, cycle_momentum=False)
lrs = []
for epoch in range(7):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.ExponentialLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, 0.5)
for epoch in range(3):
    opt.step(); sched.step()
print(sched.get_last_lr()[0])
''',
    'nn.lrScheduler.LambdaLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda epoch: 1 / (epoch + 1))
lrs = []
for epoch in range(4):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.LinearLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.LinearLR(opt, 0.2, 1, 4)
lrs = []
for epoch in range(6):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.MultiStepLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.MultiStepLR(opt, [2, 4], 0.1)
lrs = []
for epoch in range(6):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.MultiplicativeLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.MultiplicativeLR(opt, lambda epoch: 0.9)
lrs = []
for epoch in range(4):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.OneCycleLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, 1, total_steps=6)
lrs = []
for step in range(6):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.PolynomialLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.PolynomialLR(opt, 4, 2)
lrs = []
for epoch in range(6):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.ReduceLROnPlateau': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=1, factor=0.5)
lrs = []
for val_loss in [3, 2, 2, 2, 2, 1]:
    sched.step(val_loss); lrs.append(opt.param_groups[0]['lr'])
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.SequentialLR': '''
S = torch.optim.lr_scheduler
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = S.SequentialLR(opt, [S.LinearLR(opt, 0.25, 1, 2), S.CosineAnnealingLR(opt, 4)], [2])
lrs = []
for epoch in range(7):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.lrScheduler.StepLR': '''
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)
sched = torch.optim.lr_scheduler.StepLR(opt, 2, 0.1)
lrs = []
for epoch in range(6):
    lrs.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
print(torch.tensor(lrs))
''',
    'nn.optim.ASGD': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.ASGD([w], lr=0.1)
for i in range(2):
    opt.zero_grad()
    w.pow(2).sum().backward()
    opt.step()
print(w)
''',
    'nn.optim.Adadelta': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.Adadelta([w], lr=1)
for i in range(2):
    opt.zero_grad()
    w.pow(2).sum().backward()
    opt.step()
print(w)
''',
    'nn.optim.Adagrad': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.Adagrad([w], lr=0.5)
w.pow(2).sum().backward()
opt.step()
print(w)
''',
    'nn.optim.Adam': '''
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
loss = F.mse_loss(model(torch.randn(8, 3)), torch.randn(8, 1))
opt.zero_grad(); loss.backward(); opt.step()
print(model.weight)
''',
    'nn.optim.AdamW': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.AdamW([w], lr=0.1, weight_decay=0.1)
w.pow(2).sum().backward()
opt.step()
print(w)
''',
    'nn.optim.Adamax': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.Adamax([w], lr=0.1)
for i in range(2):
    opt.zero_grad()
    w.pow(2).sum().backward()
    opt.step()
print(w)
''',
    'nn.optim.LBFGS': '''
target = torch.tensor([3., -1])
x = torch.zeros(2, requires_grad=True)
opt = torch.optim.LBFGS([x], line_search_fn='strong_wolfe')
def closure():
    opt.zero_grad()
    loss = (x - target).pow(2).sum()
    loss.backward()
    return loss
opt.step(closure)
print(x)
''',
    'nn.optim.NAdam': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.NAdam([w], lr=0.1)
for i in range(2):
    opt.zero_grad()
    w.pow(2).sum().backward()
    opt.step()
print(w)
''',
    'nn.optim.Optimizer': '''
a = torch.zeros(2, requires_grad=True)
b = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([{'params': [a]}, {'params': [b], 'lr': 0.01}], lr=0.1, momentum=0.9)
print(opt)
print(torch.optim.Adam([a], lr=1e-3))
''',
    'nn.optim.Optimizer.addParamGroup': '''
torch.manual_seed(0)
backbone = nn.Linear(4, 4)
head = nn.Linear(4, 2)
opt = torch.optim.SGD(backbone.parameters(), lr=0.01)
opt.add_param_group({'params': head.parameters(), 'lr': 0.1})
print(len(opt.param_groups), opt.param_groups[1]['lr'], opt.param_groups[1]['momentum'])
''',
    'nn.optim.Optimizer.stateDict': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
w.pow(2).sum().backward()
opt.step()
sd = opt.state_dict()
print(sd['state'][0]['momentum_buffer'], sd['param_groups'][0]['weight_decay'])
''',
    'nn.optim.RAdam': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.RAdam([w], lr=0.1)
for i in range(2):
    opt.zero_grad()
    w.pow(2).sum().backward()
    opt.step()
print(w)
''',
    'nn.optim.RMSprop': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.RMSprop([w], lr=0.01)
w.pow(2).sum().backward()
opt.step()
print(w)
''',
    'nn.optim.Rprop': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.Rprop([w], lr=0.1)
for i in range(2):
    opt.zero_grad()
    w.pow(2).sum().backward()
    opt.step()
print(w)
''',
    'nn.optim.SGD': '''
w = torch.tensor([1., -2], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
for i in range(2):
    opt.zero_grad()
    w.pow(2).sum().backward()
    opt.step()
print(w)
''',
    'nn.randomSplit': '''
ds = torch.utils.data.TensorDataset(torch.arange(10))
train, val = torch.utils.data.random_split(ds, [0.8, 0.2], torch.Generator().manual_seed(42))
print(len(train), len(val), torch.tensor(val.indices))
''',
    'nn.save': '''
import io
torch.manual_seed(0)
model = nn.Linear(2, 1)
buf = io.BytesIO()
torch.save(model.state_dict(), buf)
buf.seek(0)
sd = torch.load(buf)
print(sd['weight'], sd['bias'])
''',
    'nn.saveAsync': '''
import io
torch.manual_seed(0)
model = nn.Linear(2, 1)
buf = io.BytesIO()
torch.save(model.state_dict(), buf)
buf.seek(0)
print(torch.load(buf)['weight'])
''',
    'nn.utils.clipGradNorm_': '''
w = torch.tensor([3., 4], requires_grad=True)
w.pow(2).sum().div(2).backward()
print(nn.utils.clip_grad_norm_([w], 1.0))
print(w.grad)
''',
    'nn.utils.clipGradValue_': '''
w = torch.tensor([3., -0.5], requires_grad=True)
w.pow(2).sum().backward()
nn.utils.clip_grad_value_([w], 1.0)
print(w.grad)
''',
    'nn.utils.parametersToVector': '''
fc = nn.Linear(2, 1)
vec = nn.utils.parameters_to_vector(fc.parameters())
print(vec.shape)
nn.utils.vector_to_parameters(torch.tensor([1., 2, 3]), fc.parameters())
print(fc.weight, fc.bias)
''',
    'nn.utils.rnn.PackedSequence': '''
packed = nn.utils.rnn.pack_sequence([torch.tensor([1, 2, 3]), torch.tensor([4, 5]), torch.tensor([6])])
print(packed.data)
print(packed.batch_sizes)
''',
    'nn.utils.rnn.packPaddedSequence': '''
torch.manual_seed(0)
gru = nn.GRU(1, 2, batch_first=True)
x = torch.randn(3, 4, 1)
packed = nn.utils.rnn.pack_padded_sequence(x, [4, 2, 3], batch_first=True, enforce_sorted=False)
_, hn = gru(packed)
print(hn)
''',
    'nn.utils.rnn.packSequence': '''
a, b, c = torch.tensor([1, 2, 3]), torch.tensor([4]), torch.tensor([5, 6])
print(nn.utils.rnn.pack_sequence([a, b, c], enforce_sorted=False))
''',
    'nn.utils.rnn.padPackedSequence': '''
packed = nn.utils.rnn.pack_sequence([torch.tensor([1, 2, 3]), torch.tensor([4, 5])])
padded, lengths = nn.utils.rnn.pad_packed_sequence(packed, batch_first=True)
print(padded, lengths)
''',
    'nn.utils.rnn.padSequence': '''
a, b, c = torch.tensor([1, 2, 3]), torch.tensor([4]), torch.tensor([5, 6])
print(nn.utils.rnn.pad_sequence([a, b, c], batch_first=True))
''',
    'nn.utils.rnn.unpackSequence': '''
a, b = nn.utils.rnn.unpack_sequence(nn.utils.rnn.pack_sequence([torch.tensor([1, 2]), torch.tensor([3, 4, 5])], enforce_sorted=False))
print(a, b)
''',
    'nn.utils.rnn.unpadSequence': '''
padded = torch.tensor([[1, 2, 3], [4, 5, 0]])
a, b = nn.utils.rnn.unpad_sequence(padded, torch.tensor([3, 2]), batch_first=True)
print(a, b)
''',
}
