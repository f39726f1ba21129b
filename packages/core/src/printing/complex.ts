/**
 * Complex elements as `_tensor_str` prints them: the real and imaginary parts get
 * formatters of their own (mode and width from the parts shown), and each element is
 * `real_str` followed by the imaginary string with its sign and a `j`
 * (`1.+2.j`, `-0.-1.j`, `1.0000e+10+1.0000j`).
 *
 * @module
 */
import { ElementFormatter } from './formatter.js';
import type { PrintDTypeName, PrintOptions } from './types.js';

/** The formatter interface the layout uses: a shared width and one element's text by position. */
export interface PairFormatter {
  width(): number;
  format(index: number): string;
}

/**
 * Formats complex elements addressed by their index into `pairs` (interleaved
 * re, im). `shown` are the indices of the elements that will be printed.
 */
export function complexFormatter(pairs: ArrayLike<number>, shown: readonly number[], dtype: PrintDTypeName, opts: PrintOptions): PairFormatter {
  const part: PrintDTypeName = dtype === 'complex128' ? 'float64' : 'float32';
  const re = new ElementFormatter(shown.map((i) => pairs[2 * i]!), part, opts);
  const im = new ElementFormatter(shown.map((i) => pairs[2 * i + 1]!), part, opts);
  return {
    // `_vector_str` adds the imaginary width and one for the `j` to the element length
    width: () => re.width() + im.width() + 1,
    format: (i: number): string => {
      const realStr = re.format(pairs[2 * i]!);
      const imagStr = (im.format(pairs[2 * i + 1]!) + 'j').trimStart();
      return imagStr[0] === '+' || imagStr[0] === '-' ? realStr + imagStr : realStr + '+' + imagStr;
    },
  };
}

/** Whether a dtype prints as complex. */
export function isComplexPrint(dtype: PrintDTypeName): boolean {
  return dtype === 'complex64' || dtype === 'complex128';
}
