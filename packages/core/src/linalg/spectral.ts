/** The spectral half of `torch.linalg` (part 2): SVD, symmetric and general eigen-decompositions, and what is built on them. */
export { svd, svdvals, type SvdOptions } from './svd.js';
export { eigh, eigvalsh, type Uplo } from './eigh.js';
export { eig, eigvals } from './eig.js';
export { pinv, type PinvOptions, type ToleranceOptions } from './pinv.js';
export { matrixRank, type MatrixRankOptions } from './matrix-rank.js';
export { cond } from './cond.js';
export { lstsq, type LstsqOptions, type LstsqDriver } from './lstsq.js';
