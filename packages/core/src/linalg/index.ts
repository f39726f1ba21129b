/**
 * `torch.linalg`: linear algebra on batches of matrices (any leading batch dims),
 * float32 and float64, with PyTorch's results, errors and derivatives.
 *
 * Factorizations run on the backend's dense matrix kernels ({@link Backend.linalg},
 * LAPACK-like: LU with partial pivoting, Cholesky, triangular solves, Householder QR,
 * Bunch–Kaufman LDL); everything else is composed here from those kernels and ordinary
 * ops. The CPU backend has the kernels. A backend without them (WebGPU today) raises a
 * `TorchRuntimeError` naming the op and the device: move the tensor to the CPU with
 * `await t.toAsync('cpu')`, compute there, and move the result back.
 * @example
 * ```ts
 * const a = torch.tensor([[4, 1], [2, 3]], 'float64');
 * torch.linalg.det(a); // tensor(10., dtype=torch.float64)
 * ```
 * @packageDocumentation
 */
export {};
