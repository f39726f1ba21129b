/**
 * Element formatter: a port of `torch._tensor_str._Formatter`.
 *
 * It looks at every value that will be printed once to pick a mode
 * (integer-valued floats, scientific, fixed) and a common column width,
 * then formats each element right-aligned to that width.
 *
 * @module
 */
import { formatExp, formatFixed } from './pyfloat.js';
import type { PrintDTypeName, PrintOptions } from './types.js';

/** Python `str()` of an integer or bool element. */
function formatIntegral(value: number, dtype: PrintDTypeName): string {
  if (dtype === 'bool') return value !== 0 ? 'True' : 'False';
  // String(-0) is '0', as Python prints integer zero
  return String(value);
}

/** True for dtypes that PyTorch formats as floating point. */
export function isFloatingDType(dtype: PrintDTypeName): boolean {
  return dtype === 'float32' || dtype === 'float64' || dtype === 'float16' || dtype === 'bfloat16';
}

/** Formats elements of one tensor with a shared mode and width. */
export class ElementFormatter {
  private readonly floating: boolean;
  private intMode = true;
  private sciMode = false;
  private maxWidth = 1;

  /**
   * @param values every value that will be printed (the summarized data when summarizing)
   * @param dtype element dtype
   * @param opts effective print options
   */
  constructor(
    values: readonly number[],
    private readonly dtype: PrintDTypeName,
    private readonly opts: PrintOptions,
  ) {
    this.floating = isFloatingDType(dtype);
    if (!this.floating) {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, formatIntegral(v, dtype).length);
      return;
    }
    const nonzeroFinite = values.filter((v) => Number.isFinite(v) && v !== 0);
    // torch returns early here, so a forced sci_mode is ignored for all-zero/non-finite data
    if (nonzeroFinite.length === 0) return;

    let min = Infinity;
    let max = 0;
    for (const v of nonzeroFinite) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
      if (v !== Math.ceil(v)) this.intMode = false;
    }
    const p = opts.precision;
    if (this.intMode) {
      // integral floats print as '3.' — the +1 accounts for the trailing dot
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        for (const v of nonzeroFinite) this.maxWidth = Math.max(this.maxWidth, formatExp(v, p).length);
      } else {
        for (const v of nonzeroFinite) this.maxWidth = Math.max(this.maxWidth, formatFixed(v, 0).length + 1);
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      for (const v of nonzeroFinite) this.maxWidth = Math.max(this.maxWidth, formatExp(v, p).length);
    } else {
      for (const v of nonzeroFinite) this.maxWidth = Math.max(this.maxWidth, formatFixed(v, p).length);
    }
    // a forced mode changes how values are formatted, not the width computed above
    if (opts.sciMode !== null) this.sciMode = opts.sciMode;
  }

  /** Column width shared by all elements. */
  width(): number {
    return this.maxWidth;
  }

  /**
   * Formats one element, left-padded with spaces to the common width.
   * @param value the element (bool as 0/1)
   */
  format(value: number): string {
    let ret: string;
    if (!this.floating) {
      ret = formatIntegral(value, this.dtype);
    } else if (this.sciMode) {
      ret = formatExp(value, this.opts.precision);
    } else if (this.intMode) {
      ret = formatFixed(value, 0);
      if (Number.isFinite(value)) ret += '.';
    } else {
      ret = formatFixed(value, this.opts.precision);
    }
    return ret.length < this.maxWidth ? ' '.repeat(this.maxWidth - ret.length) + ret : ret;
  }
}
