/**
 * Products and matrix-shaped composites (diag family, trace, kron, cross, cdist, tensordot, addmm family, …).
 */
export {};
