"""PyTorch programs for the TSDoc @example blocks of packages/nn and packages/antorcha (ids start with `nn.`)."""

EXAMPLES = {
    'nn.DataLoader': '''
from torch.utils.data import TensorDataset, DataLoader
ds = TensorDataset(torch.arange(6), torch.arange(6) * 10)
torch.manual_seed(0)
for xb, yb in DataLoader(ds, batch_size=4, shuffle=True): print(xb, yb)
''',
    'nn.F.adaptiveMaxPool1d': '''
x = torch.tensor([[[1., 5, 2, 8, 3, 4, 7]]])
print(F.adaptive_max_pool1d(x, 3))
''',
    'nn.F.affineGrid': '''
img = torch.arange(9, dtype=torch.float32).reshape(1, 1, 3, 3)
theta = torch.tensor([[[-1., 0, 0], [0, 1, 0]]])
grid = F.affine_grid(theta, [1, 1, 3, 3], True)
print(F.grid_sample(img, grid, align_corners=True))
''',
    'nn.F.channelShuffle': '''
x = torch.arange(4).reshape(1, 4, 1, 1)
print(F.channel_shuffle(x, 2).flatten())
''',
    'nn.F.conv2d': '''
x = torch.arange(9, dtype=torch.float32).reshape(1, 1, 3, 3)
w = torch.ones(1, 1, 2, 2)
print(F.conv2d(x, w))
print(F.conv2d(x, w, torch.tensor([0.5]), padding=1).shape)
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
    'nn.F.fractionalMaxPool2d': '''
torch.manual_seed(0)
x = torch.arange(25, dtype=torch.float32).reshape(1, 1, 5, 5)
print(F.fractional_max_pool2d(x, 2, output_size=[3, 3]))
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
    'nn.F.index': '''
x = torch.tensor([[-1., 0, 2]])
print(F.relu(x))
print(F.softmax(x, 1))
print(F.cross_entropy(x, torch.tensor([2])))
''',
    'nn.F.interpolate': '''
x = torch.tensor([[[[1., 2], [3, 4]]]])
print(F.interpolate(x, scale_factor=2))
print(F.interpolate(x, size=[3, 3], mode='bilinear', align_corners=True))
''',
    'nn.F.linear': '''
x = torch.tensor([[1., 2, 3]])
w = torch.tensor([[1, 0, -1], [0.5, 0.5, 0.5]])
print(F.linear(x, w, torch.tensor([0., 1])))
''',
    'nn.F.maxPool2d': '''
x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)
print(F.max_pool2d(x, 2))
print(F.max_pool2d(x, 3, stride=1, padding=1).shape)
''',
    'nn.F.maxUnpool2d': '''
x = torch.tensor([[[[1., 2], [4, 3]]]])
y, idx = F.max_pool2d_with_indices(x, 2)
print(y, idx)
print(F.max_unpool2d(y, idx, 2))
''',
    'nn.F.multilabelMarginLoss': '''
scores = torch.tensor([[0.1, 0.2, 0.4, 0.8]])
print(F.multilabel_margin_loss(scores, torch.tensor([[3, 0, -1, 1]])))
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
    'nn.F.pdist': '''
print(F.pdist(torch.tensor([[0., 0], [3, 4], [6, 8]])))
''',
    'nn.F.rrelu': '''
torch.manual_seed(0)
x = torch.tensor([-2., -1, 1])
print(F.rrelu(x))
print(F.rrelu(x, 1 / 8, 1 / 3, True))
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
    'nn.ParameterDict': '''
pd = nn.ParameterDict({'scale': torch.ones(3), 'shift': torch.zeros(3)})
print(pd)
print(pd['scale'])
''',
    'nn.Sequential': '''
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
print(model)
print(model(torch.ones(2, 4)))
''',
    'nn.TensorDataset': '''
ds = torch.utils.data.TensorDataset(torch.tensor([[1, 2], [3, 4], [5, 6]]), torch.tensor([0, 1, 0]))
x, y = ds[1]
print(len(ds), x, y)
''',
}
