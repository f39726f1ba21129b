"""PyTorch programs for the TSDoc @example blocks of packages/core, rng, autograd and backend-webgpu (ids start with `core.`)."""

EXAMPLES = {
    'core.DType': '''
print(torch.float32, torch.zeros([2], dtype=torch.int32).dtype)
''',
    'core.Tensor': '''
x = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
y = x.t().matmul(x)
print(y)
print(y.shape, y.dtype)
''',
    'core.Tensor.bfloat16': '''
print(torch.tensor([0.1, 300], dtype=torch.float32).bfloat16())
''',
    'core.Tensor.half': '''
x = torch.tensor([1, 2.5, 0.1], dtype=torch.float32).half()
print(x)
print(x.float())
''',
    'core.Tensor.index': '''
x = torch.arange(9).reshape(3, 3)
print(x[:, 1:3])
print(x[x > 5])
print(x[:, [2, 0]])
''',
    'core.Tensor.itemAsync': '''
loss = torch.tensor([0.5, 1.5]).square().mean()
print(loss.item())
''',
    'core.Tensor.to': '''
x = torch.tensor([1.7, -2.5])
print(x.to(torch.int64))
print(x.to('cpu', torch.float64))
print(x.to(torch.tensor([True])))
''',
    'core.ValuesIndices': '''
x = torch.tensor([[1, 5, 2], [7, 3, 4]])
values, indices = torch.median(x, 1)
print(values, indices)
print(x.max(1))
''',
    'core.add': '''
a = torch.tensor([1, 2, 3])
print(torch.add(a, 10))
print(a.add(torch.tensor([0.5, 0.5, 0.5]), alpha=2))
''',
    'core.aminmax': '''
x = torch.tensor([[4, -1, 7], [0, 2, 2]])
min, max = torch.aminmax(x, dim=1)
print(min, max)
''',
    'core.arange': '''
print(torch.arange(5))
print(torch.arange(1, 2.5, 0.5))
''',
    'core.argmax': '''
x = torch.tensor([[1, 9, 3], [7, 2, 8]])
print(torch.argmax(x))
print(torch.argmax(x, 1))
''',
    'core.autograd.Function': '''
class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x.exp()
        ctx.save_for_backward(y)
        return y
    @staticmethod
    def backward(ctx, g):
        y, = ctx.saved_tensors
        return g * y
x = torch.tensor([0, 1], dtype=torch.float32, requires_grad=True)
y = Exp.apply(x)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
''',
    'core.autograd.backward': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
torch.autograd.backward(x.mul(x).sum())
print(x.grad)
''',
    'core.autograd.fusedNode': '''
input = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
target = torch.tensor([1, 0, 0], dtype=torch.float32)
loss = F.mse_loss(input, target)
print(loss)
loss.backward()
print(input.grad)
''',
    'core.autograd.grad': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
dx, = torch.autograd.grad(x.pow(3).sum(), [x], create_graph=True)
d2x, = torch.autograd.grad(dx.sum(), [x])
print(dx)
print(d2x)
''',
    'core.autograd.sumTo': '''
print(torch.ones(2, 3).sum_to_size(3))
''',
    'core.bmm': '''
a = torch.arange(12, dtype=torch.float32).reshape(2, 2, 3)
b = torch.ones(2, 3, 1)
print(torch.bmm(a, b))
''',
    'core.cat': '''
a = torch.tensor([[1, 2]])
print(torch.cat([a, a], 0))
print(torch.cat([a, a], 1))
''',
    'core.chunk': '''
x = torch.arange(6)
print(*torch.chunk(x, 3))
print(*x.chunk(4))
''',
    'core.clamp': '''
print(torch.clamp(torch.tensor([-2, 0.5, 3]), -1, 1))
''',
    'core.covAsync': '''
x = torch.tensor([[1, 2, 4], [2, 1, 0]], dtype=torch.float32)
print(torch.cov(x, fweights=torch.tensor([1, 2, 1])))
try:
    torch.cov(x, fweights=torch.tensor([1, -2, 1]))
except RuntimeError as e:
    print(e)
''',
    'core.cumsum': '''
print(torch.tensor([1, 2, 3, 4]).cumsum(0))
print(torch.tensor([[1.5, 2], [3, 4]]).cumsum(1))
''',
    'core.div': '''
a = torch.tensor([7, -7])
print(torch.div(a, 2))
print(torch.div(a, 2, rounding_mode='floor'))
print(a.div(2, rounding_mode='trunc'))
''',
    'core.einsum': '''
m = torch.arange(4, dtype=torch.float32).reshape(2, 2)
u = torch.tensor([1, 2], dtype=torch.float32)
print(torch.einsum('ij,jk->ik', m, m))
print(torch.einsum('ii', m))
print(torch.einsum('i,j', u, u))
''',
    'core.expand': '''
x = torch.tensor([[1], [2]])
print(x.expand(2, 3))
print(x.expand(-1, 4).shape)
''',
    'core.eye': '''
print(torch.eye(2, 3))
''',
    'core.fft.fft': '''
x = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
print(torch.fft.fft(x))
print(torch.fft.fft(x, n=8, norm='ortho'))
''',
    'core.fft.fftn': '''
x = torch.arange(4, dtype=torch.float32).reshape(2, 2)
print(torch.fft.fftn(x))
print(torch.fft.fftn(x, s=[3], dim=[1]))
''',
    'core.fft.fftshift': '''
x = torch.arange(5)
y = torch.fft.fftshift(x)
print(y)
print(torch.fft.ifftshift(y))
''',
    'core.fft.hfft': '''
x = torch.tensor([0.5, 2, 3, 4, 5], dtype=torch.float32)
print(torch.fft.hfft(torch.fft.ihfft(x), n=x.shape[0]))
''',
    'core.fft.ifft': '''
x = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
print(torch.fft.ifft(torch.fft.fft(x)))
''',
    'core.fft.irfft': '''
x = torch.tensor([0.5, 2, 3, 4, 5], dtype=torch.float32)
X = torch.fft.rfft(x)
print(torch.fft.irfft(X, n=x.shape[0]))
''',
    'core.flatten': '''
x = torch.zeros(2, 3, 4)
print(x.flatten().shape)
print(x.flatten(1).shape)
''',
    'core.frexp': '''
m, e = torch.frexp(torch.tensor([8, 0.3, -5], dtype=torch.float32))
print(m, e)
''',
    'core.full': '''
print(torch.full([2, 3], 7))
print(torch.full([2], 0.5))
''',
    'core.gather': '''
x = torch.tensor([[1, 2], [3, 4]])
print(torch.gather(x, 1, torch.tensor([[0, 0], [1, 0]])))
''',
    'core.gradient': '''
g, = torch.gradient(torch.tensor([1, 4, 9, 16], dtype=torch.float32))
print(g)
img = torch.tensor([[1, 2, 4], [2, 5, 9]], dtype=torch.float32)
gy, gx = torch.gradient(img, spacing=[2, 0.5])
print(gy, gx)
''',
    'core.histc': '''
print(torch.histc(torch.tensor([1, 2, 1], dtype=torch.float32), 4, 0, 3))
''',
    'core.histogram': '''
hist, bin_edges = torch.histogram(torch.tensor([1, 2, 1], dtype=torch.float32), 2, range=(0, 2))
print(hist, bin_edges)
''',
    'core.index': '''
x = torch.arange(12).reshape(3, 4)
print(x[0, 1:3])
print(x[..., None].shape)
print(x[::2, -1])
''',
    'core.indexAdd': '''
print(torch.index_add(torch.zeros(3), 0, torch.tensor([0, 0, 2]), torch.tensor([1, 2, 3], dtype=torch.float32)))
''',
    'core.indexAsync': '''
x = torch.tensor([[-1, 2], [3, -4]])
print(x[x > 0])
''',
    'core.indexSelect': '''
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.index_select(x, 1, torch.tensor([2, 0])))
''',
    'core.isclose': '''
a = torch.tensor([1, 2, float('nan')], dtype=torch.float32)
b = torch.tensor([1.000001, 2.1, float('nan')], dtype=torch.float32)
print(torch.isclose(a, b))
print(torch.isclose(a, b, equal_nan=True))
''',
    'core.istft': '''
x = torch.arange(8, dtype=torch.float32)
w = torch.hann_window(4)
S = torch.stft(x, 4, hop_length=1, window=w, return_complex=True)
print(torch.istft(S, 4, hop_length=1, window=w, length=x.shape[0]))
''',
    'core.linalg.householderProduct': '''
A = torch.tensor([[3, 1], [4, 2]], dtype=torch.float32)
a, tau = torch.geqrf(A)
print(torch.linalg.householder_product(a, tau))
''',
    'core.linalg.ldlSolve': '''
A = torch.tensor([[4, 2], [2, 3]], dtype=torch.float32)
B = torch.tensor([[2], [1]], dtype=torch.float32)
LD, pivots = torch.linalg.ldl_factor(A)
print(torch.linalg.ldl_solve(LD, pivots, B))
''',
    'core.linalg.lstsq': '''
A = torch.tensor([[1, 0], [1, 1], [1, 2]], dtype=torch.float32)
B = torch.tensor([[1], [2], [4]], dtype=torch.float32)
print(torch.linalg.lstsq(A, B).solution)
''',
    'core.linalg.lu': '''
A = torch.tensor([[4, 1], [2, 3]], dtype=torch.float32)
P, L, U = torch.linalg.lu(A)
print(L)
print(U)
print(P.matmul(L).matmul(U))
''',
    'core.linalg.luFactorEx': '''
A = torch.tensor([[4, 1], [2, 3]], dtype=torch.float32)
LU, pivots, info = torch.linalg.lu_factor_ex(A)
print(LU)
print(pivots, info)
''',
    'core.linalg.luSolve': '''
A = torch.tensor([[4, 1], [2, 3]], dtype=torch.float32)
B = torch.tensor([[5], [5]], dtype=torch.float32)
LU, pivots = torch.linalg.lu_factor(A)
print(torch.linalg.lu_solve(LU, pivots, B))
''',
    'core.linalg.matrixNorm': '''
A = torch.tensor([[1, -2], [3, 4]], dtype=torch.float32)
print(torch.linalg.matrix_norm(A))
print(torch.linalg.matrix_norm(A, 1))
''',
    'core.linalg.matrixPower': '''
A = torch.tensor([[1, 1], [1, 0]])
print(torch.linalg.matrix_power(A, 5))
print(torch.linalg.matrix_power(A, 0))
''',
    'core.linalg.multiDot': '''
A = torch.ones(4, 2)
B = torch.ones(2, 5)
C = torch.ones(5, 1)
print(torch.linalg.multi_dot([A, B, C]))
''',
    'core.linalg.norm': '''
A = torch.tensor([[3, 0], [0, 4]], dtype=torch.float32)
v = torch.tensor([1, -5, 2], dtype=torch.float32)
print(torch.linalg.norm(A))
print(torch.linalg.norm(v, float('inf')))
''',
    'core.linalg.qr': '''
A = torch.tensor([[3, 1], [4, 2]], dtype=torch.float32)
Q, R = torch.linalg.qr(A)
print(Q)
print(R)
''',
    'core.linalg.solveTriangular': '''
U = torch.tensor([[2, 1], [0, 4]], dtype=torch.float32)
B = torch.tensor([[4], [8]], dtype=torch.float32)
print(torch.linalg.solve_triangular(U, B, upper=True))
''',
    'core.linalg.svd': '''
A = torch.tensor([[3, 0], [4, 5]], dtype=torch.float64)
U, S, Vh = torch.linalg.svd(A, False)
print(S)
print(U.mul(S.unsqueeze(-2)).matmul(Vh).sub(A).abs().max().lt(1e-12))
''',
    'core.linspace': '''
print(torch.linspace(0, 1, 5))
''',
    'core.logaddexp': '''
a = torch.tensor([0, -100, 1000], dtype=torch.float32)
b = torch.tensor([0, -101, 1000], dtype=torch.float32)
print(torch.logaddexp(a, b))
''',
    'core.logsumexp': '''
x = torch.tensor([[0, 0], [1000, 1000]], dtype=torch.float32)
print(torch.logsumexp(x, 1))
''',
    'core.luUnpack': '''
A = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
LU, pivots = torch.linalg.lu_factor(A)
P, L, U = torch.lu_unpack(LU, pivots)
print(P)
print(L)
print(U)
''',
    'core.manualSeed': '''
torch.manual_seed(7)
print(torch.randn(1, 5))
''',
    'core.maskedFill': '''
x = torch.tensor([1, -2, 3, -4])
print(x.masked_fill(x.lt(0), 0))
''',
    'core.matmul': '''
a = torch.arange(6, dtype=torch.float32).reshape(2, 3)
print(torch.matmul(a, torch.tensor([1, 0, -1], dtype=torch.float32)))
print(torch.matmul(a, a.T))
''',
    'core.max': '''
x = torch.tensor([[1, 9, 3], [7, 2, 8]])
print(torch.max(x))
values, indices = torch.max(x, 1)
print(values, indices)
''',
    'core.mean': '''
x = torch.tensor([[1, 2], [3, 5]], dtype=torch.float32)
print(x.mean())
print(torch.mean(x, 0))
''',
    'core.median': '''
print(torch.median(torch.tensor([3, 1, 2, 4])))
x = torch.tensor([[5, 1, 3], [2, 8, 6]])
values, indices = torch.median(x, 1)
print(values, indices)
''',
    'core.min': '''
x = torch.tensor([[1, 9, 3], [7, 2, 8]])
print(x.min())
print(x.min(0, True))
''',
    'core.mm': '''
a = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
print(torch.mm(a, a))
print(a.mm(torch.eye(2)))
''',
    'core.ones': '''
print(torch.ones(2, 2))
''',
    'core.permute': '''
x = torch.zeros(2, 3, 4)
print(x.permute(2, 0, 1).shape)
print(torch.permute(x, [1, 0, 2]).shape)
''',
    'core.prod': '''
print(torch.tensor([[1, 2], [3, 4]]).prod(1))
''',
    'core.quantile': '''
print(torch.quantile(torch.tensor([1, 2, 3, 4], dtype=torch.float32), 0.5))
x = torch.tensor([[0, 1, 2, 3, 4], [0, 10, 20, 30, 40]], dtype=torch.float32)
print(torch.quantile(x, torch.tensor([0.25, 0.75]), 1, keepdim=True))
''',
    'core.rand': '''
torch.manual_seed(0)
print(torch.rand(2, 3))
''',
    'core.randint': '''
torch.manual_seed(0)
print(torch.randint(10, [5]))
print(torch.randint(-3, 3, [2, 3]))
''',
    'core.randn': '''
torch.manual_seed(0)
print(torch.randn(2, 3))
''',
    'core.randperm': '''
torch.manual_seed(0)
print(torch.randperm(6))
''',
    'core.reshape': '''
x = torch.arange(6).view(2, 3).t()
print(x.reshape(6))
print(torch.reshape(x, [3, -1]).shape)
''',
    'core.scatter': '''
x = torch.zeros(2, 4)
index = torch.tensor([[0, 2], [1, 3]])
print(x.scatter(1, index, torch.tensor([[5, 6], [7, 8]], dtype=torch.float32)))
print(x.scatter(1, index, 1))
''',
    'core.scatterReduce': '''
src = torch.tensor([1, 5, 2], dtype=torch.float32)
print(torch.scatter_reduce(torch.zeros(3), 0, torch.tensor([0, 0, 2]), src, 'amax'))
''',
    'core.setDefaultDtype': '''
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.5]).dtype, torch.zeros(1).dtype)
torch.set_default_dtype(torch.float32)
''',
    'core.setIndexAsync_': '''
x = torch.zeros(2, 3)
mask = torch.tensor([[True, False, True], [False, True, False]])
x[mask] = torch.arange(3).float()
print(x)
''',
    'core.setIndex_': '''
x = torch.tensor([[1, -2, 3], [-4, 5, 6]])
x[0, 1:3] = 7
x[x < 0] = 0
x[..., [2, 0]] = torch.tensor([8, 9])
print(x)
''',
    'core.setPrintoptions': '''
x = torch.tensor([3.141592653589793, 1e-3])
torch.set_printoptions(precision=2)
print(x)
torch.set_printoptions(sci_mode=False, precision=6)
print(x)
torch.set_printoptions(profile='default')
''',
    'core.slice': '''
x = torch.arange(6)
print(x[1::2])
''',
    'core.softmax': '''
x = torch.tensor([[1, 2, 3], [1, 1, 1]], dtype=torch.float32)
print(torch.softmax(x, 1))
''',
    'core.split': '''
x = torch.arange(5)
print(*torch.split(x, 2))
print(*x.split([1, 4]))
''',
    'core.squeeze': '''
x = torch.zeros(2, 1, 3, 1)
print(x.squeeze().shape)
print(x.squeeze(1).shape)
''',
    'core.stack': '''
print(torch.stack([torch.tensor([1, 2]), torch.tensor([3, 4])], 1))
''',
    'core.std': '''
x = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
print(torch.std(x))
print(torch.std(x, None, correction=0))
''',
    'core.stdMean': '''
x = torch.tensor([[1, 3], [2, 6]], dtype=torch.float32)
s, m = torch.std_mean(x, 1, correction=0)
print(s, m)
''',
    'core.sum': '''
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.sum(x))
print(torch.sum(x, 1, keepdim=True))
print(x.sum([0, -1]))
''',
    'core.svd': '''
A = torch.tensor([[3, 0], [4, 5]], dtype=torch.float64)
U, S, V = torch.svd(A)
print(S)
print(U.mul(S.unsqueeze(-2)).matmul(V.mT).sub(A).abs().max().lt(1e-12))
''',
    'core.takeAlongDim': '''
x = torch.tensor([[10, 30, 20], [60, 40, 50]])
print(torch.take_along_dim(x, x.argmax(1, True), 1))
''',
    'core.tensor': '''
print(torch.tensor([[1, 2], [3, 4]]))
print(torch.tensor([1., 2., 3.]))
print(torch.tensor([0.5, 1], dtype=torch.float64, requires_grad=True))
print(torch.tensor([True, False]))
''',
    'core.tidy': '''
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()
x = torch.randn(4, 3)
y = torch.randn(4, 1)
opt.zero_grad()
l = loss_fn(model(x), y)
l.backward()
opt.step()
print(l.detach().item())
''',
    'core.transpose': '''
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x.transpose(0, 1))
''',
    'core.unique': '''
print(torch.unique(torch.tensor([3, 1, 3])))
x = torch.tensor([2, 7, 2, 5, 7, 2])
values, inverse, counts = torch.unique(x, return_inverse=True, return_counts=True)
print(values, inverse, counts)
''',
    'core.unsqueeze': '''
x = torch.tensor([1, 2, 3])
print(x.unsqueeze(0))
print(x.unsqueeze(-1))
''',
    'core.var': '''
x = torch.tensor([[1, 2, 3, 4], [2, 2, 2, 2]], dtype=torch.float32)
print(x.var(1))
print(x.var(1, correction=0, keepdim=True))
''',
    'core.view': '''
x = torch.arange(6)
print(x.view(2, 3))
print(x.view([-1, 2]).shape)
''',
    'core.where': '''
x = torch.tensor([-1.5, 0.5, 2])
print(torch.where(x.gt(0), x, 0))
''',
    'core.zeros': '''
print(torch.zeros(2, 3))
print(torch.zeros([2], dtype=torch.int64))
''',
}
