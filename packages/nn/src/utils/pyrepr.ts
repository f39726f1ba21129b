/**
 * Python-style formatting for module reprs: `True`/`False`, floats as Python
 * prints them (`1.0`, `1e-05`), tuples (`(3,)`, `(3, 3)`), quoted strings.
 */
import { formatPythonFloat } from '@antorcha/core';

/** Python's `str(bool)`. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** Python's `str(float)`. */
export function pyFloat(x: number): string {
  return formatPythonFloat(x);
}

/** Python's `str(int)`. */
export function pyInt(x: number): string {
  return String(x);
}

/** Python's `repr(str)` for simple strings: `'none'`. */
export function pyStr(s: string): string {
  return `'${s}'`;
}

/** Python's `str(tuple_of_ints)`: `(3,)`, `(3, 3)`, `()`. */
export function pyTuple(xs: readonly number[]): string {
  if (xs.length === 1) return `(${xs[0]},)`;
  return `(${xs.join(', ')})`;
}

/** An int, or a tuple of ints, as Python prints it. */
export function pyIntOrTuple(x: number | readonly number[]): string {
  return typeof x === 'number' ? String(x) : pyTuple(x);
}

/** Python's `_addindent(s, numSpaces)`: indents every line but the first. */
export function addIndent(s: string, numSpaces: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const first = lines.shift()!;
  const pad = ' '.repeat(numSpaces);
  return [first, ...lines.map((l) => pad + l)].join('\n');
}
