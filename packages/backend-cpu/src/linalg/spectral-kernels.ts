/** The spectral kernels of the CPU's `Backend.linalg` table (torch.linalg part 2), one module each. */
export { eig } from './eig.js';
export { eigh } from './eigh.js';
export { svd } from './svd.js';
