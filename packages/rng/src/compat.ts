/**
 * Which PyTorch release the random streams imitate.
 *
 * The streams of PyTorch 1.13 and 2.x are identical except in a few places
 * (see the README): the scalar Box–Muller path and `exponential_` use
 * `log1p(-u)` in 2.x instead of `log(1 - u)`, `uniform_` maps a value equal to
 * `to` back to `from` in 2.x, `multinomial(p, 1, replacement=True)` uses the
 * exponential trick in 2.x, `randperm(n)` for `n >= 214748364` uses an
 * inside-out shuffle with 64-bit draws in 2.x, and `exponential_(0)` is an
 * error in 2.x.
 */

/** A PyTorch release family whose CPU random streams are reproduced. */
export type RngCompat = '1.13' | '2';

let current: RngCompat = '2';

/**
 * Selects the PyTorch release whose behaviour the distributions follow.
 * The default is `'2'` (PyTorch 2.x). The setting is module-wide and read at
 * the start of every distribution call.
 * @throws TypeError for any other value.
 */
export function setRngCompat(version: RngCompat): void {
  if (version !== '1.13' && version !== '2') {
    throw new TypeError(`setRngCompat expects '1.13' or '2', got ${String(version)}`);
  }
  current = version;
}

/** The release family set by {@link setRngCompat} (default `'2'`). */
export function getRngCompat(): RngCompat {
  return current;
}

/** @internal true when the 1.13 behaviour is selected. */
export function is113(): boolean {
  return current === '1.13';
}
