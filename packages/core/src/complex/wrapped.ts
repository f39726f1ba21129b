/**
 * Wrapped complex scalars: a {@link Complex} operand becomes a 0-dim complex128 tensor
 * that promotes as a wrapped number of the default complex dtype (`_wrappedDtype`).
 */
import { type DType, getDefaultDtype, toComplexDtype } from '../dtype.js';
import type { Tensor } from '../tensor.js';

/** The dtype a complex scalar stands for in promotion: the default complex dtype. */
export function complexScalarDtype(): DType {
  return toComplexDtype(getDefaultDtype());
}

/** The promotion dtype of a wrapped complex scalar tensor, or null for ordinary tensors. */
export function wrappedDtypeOf(t: Tensor): DType | null {
  return (t as { _wrappedDtype?: DType })._wrappedDtype ?? null;
}
