/**
 * The indexing and scatter family (index_add/copy/fill/put/reduce, take, put, scatter_reduce, …) and einsum.
 */
export {};
