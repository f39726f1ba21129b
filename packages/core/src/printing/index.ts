/**
 * Tensor printing, byte-identical to PyTorch 2.x `repr(tensor)`
 * (`torch/_tensor_str.py`), as a pure module over plain tensor data.
 *
 * @module
 */
export type { PrintDTypeName, PrintableTensor, PrintOptions } from './types.js';
export { tensorRepr } from './repr.js';
export { setPrintoptions, getPrintoptions } from './options.js';
export { formatPythonFloat } from './pyfloat.js';
