/**
 * Errors raised on bad arguments, with PyTorch's own message texts so that
 * the tensor layer can rethrow them unchanged.
 */

/** The Python exception class PyTorch raises for a given mistake. */
export type PythonErrorName = 'RuntimeError' | 'ValueError' | 'TypeError' | 'IndexError';

/**
 * An argument error from a distribution function. `message` is PyTorch's text
 * (2.x unless noted); `op` is the PyTorch op name, `pythonName` the Python
 * exception class PyTorch raises.
 */
export class RngError extends Error {
  /** The PyTorch op that rejects the argument, e.g. `'random_'`. */
  readonly op: string;
  /** The Python exception class PyTorch raises here. */
  readonly pythonName: PythonErrorName;
  /** @internal */
  constructor(op: string, message: string, pythonName: PythonErrorName = 'RuntimeError') {
    super(message);
    this.op = op;
    this.pythonName = pythonName;
    this.name = 'RngError';
  }
}

/**
 * Formats a double the way C++ `std::ostream << double` does with the default
 * precision (as PyTorch error messages print numbers): `%g` with 6 significant
 * digits, e.g. `1.5`, `3e+38`, `nan`, `-inf`, `1e-05`.
 */
export function formatCppDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const P = 6;
  const exp = x.toExponential(P - 1); // d.ddddde±x, correctly rounded
  const eIdx = exp.indexOf('e');
  let mant = exp.slice(0, eIdx);
  const e = Number(exp.slice(eIdx + 1));
  if (e < -4 || e >= P) {
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    const sign = e < 0 ? '-' : '+';
    const digits = String(Math.abs(e)).padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  let fixed = x.toFixed(Math.max(0, P - 1 - e));
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  return fixed;
}

/** Formats an integer (number or bigint) as C++ prints int64. */
export function formatInt(x: number | bigint): string {
  return typeof x === 'bigint' ? x.toString() : String(x);
}
