/**
 * The complex scalar value type. JavaScript has no complex literal, so where PyTorch
 * takes a Python `complex` (`torch.tensor([1+2j])`, `x.fill_(1j)`, `x * 2j`, `item()`),
 * Antorcha takes and returns a {@link Complex}.
 */
import { formatPythonFloat } from '../printing/pyfloat.js';

/**
 * An immutable complex number `re + im·j`, Antorcha's stand-in for a Python `complex`.
 * `String(z)` prints as Python's `repr` (`(1+2j)`, `2j`, `(-0-1j)`).
 * @example
 * ```ts pytorch=core.Complex
 * const z = new torch.Complex(1, 2);
 * console.log(String(z));
 * console.log(torch.tensor([z, torch.cplx(0, -1)]).toString());
 * ```
 * ```text
 * (1+2j)
 * tensor([1.+2.j, 0.-1.j])
 * ```
 */
export class Complex {
  /**
   * @param re the real part
   * @param im the imaginary part (default 0)
   */
  constructor(
    /** The real part. */
    readonly re: number,
    /** The imaginary part. */
    readonly im = 0,
  ) {}

  /** Python's `z.real`. */
  get real(): number {
    return this.re;
  }

  /** Python's `z.imag`. */
  get imag(): number {
    return this.im;
  }

  /** `|z|` (`abs(z)` in Python), without undue overflow. */
  abs(): number {
    return Math.hypot(this.re, this.im);
  }

  /** The complex conjugate `re − im·j`. */
  conjugate(): Complex {
    return new Complex(this.re, -this.im);
  }

  /** Whether both parts equal `other`'s (a number counts as `other + 0j`, as Python's `==`). */
  equals(other: Complex | number): boolean {
    return other instanceof Complex ? this.re === other.re && this.im === other.im : this.re === other && this.im === 0;
  }

  /** Python's `repr(z)`: `(1+2j)`, `2j` (real part +0), `(1.5-0.25j)`, `(nan+infj)`. */
  toString(): string {
    const im = pyPart(this.im);
    if (this.re === 0 && !Object.is(this.re, -0)) return `${im}j`;
    const sign = this.im < 0 || Object.is(this.im, -0) || (Number.isNaN(this.im) && im.startsWith('-')) ? '' : '+';
    return `(${pyPart(this.re)}${sign}${im}j)`;
  }

  /** `console.log(z)` prints the repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** A part of a complex repr: Python's `repr(float)` without a trailing `.0` (`1`, `-0`, `1.5`, `1e+16`). */
function pyPart(x: number): string {
  const s = formatPythonFloat(x);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/**
 * Shorthand for `new Complex(re, im)`: the Python literal `1+2j` is `torch.cplx(1, 2)`
 * (named apart from `torch.complex(real, imag)`, PyTorch's tensor function).
 * @example
 * ```ts pytorch=core.cplx
 * console.log(torch.tensor([torch.cplx(1, 2), torch.cplx(0, -1)]));
 * ```
 * ```text
 * tensor([1.+2.j, 0.-1.j])
 * ```
 */
export function cplx(re: number, im = 0): Complex {
  return new Complex(re, im);
}

/** Whether `v` is a {@link Complex} scalar. */
export function isComplexScalar(v: unknown): v is Complex {
  return v instanceof Complex;
}
