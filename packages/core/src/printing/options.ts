/**
 * Global print options, with the semantics of `torch.set_printoptions`.
 *
 * @module
 */
import type { PrintOptions } from './types.js';
import { TorchValueError } from '../errors.js';

/** The `profile` presets of `torch.set_printoptions` (sci_mode is not part of them). */
const PROFILES = {
  default: { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 },
  short: { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 },
  full: { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 },
} as const;

const current: PrintOptions = { ...PROFILES.default, sciMode: null };

/**
 * Sets global print options, like `torch.set_printoptions`: the profile (if
 * any) is applied first, then each given option overrides it.
 *
 * As in PyTorch, `sciMode` is always assigned: omitting it resets it to
 * `null` (automatic), because torch's `set_printoptions` writes
 * `PRINT_OPTS.sci_mode = sci_mode` unconditionally.
 * @param opts options to change, plus an optional `profile` preset
 * @example
 * ```ts pytorch=core.setPrintoptions
 * const x = torch.tensor([Math.PI, 1e-3]);
 * torch.setPrintoptions({ precision: 2 });
 * console.log(x);
 * torch.setPrintoptions({ sciMode: false, precision: 6 });
 * console.log(x);
 * torch.setPrintoptions({ profile: 'default' });
 * ```
 * ```text
 * tensor([3.14e+00, 1.00e-03])
 * tensor([    3.141593,     0.001000])
 * ```
 */
export function setPrintoptions(
  opts: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' },
): void {
  if (opts.profile !== undefined) {
    const preset = PROFILES[opts.profile];
    if (preset === undefined) throw new TorchValueError('set_printoptions', `set_printoptions: unknown profile '${String(opts.profile)}' (expected 'default', 'short' or 'full')`);
    Object.assign(current, preset);
  }
  if (opts.precision !== undefined) current.precision = opts.precision;
  if (opts.threshold !== undefined) current.threshold = opts.threshold;
  if (opts.edgeitems !== undefined) current.edgeitems = opts.edgeitems;
  if (opts.linewidth !== undefined) current.linewidth = opts.linewidth;
  current.sciMode = opts.sciMode ?? null;
}

/**
 * Returns a copy of the current global print options.
 */
export function getPrintoptions(): PrintOptions {
  return { ...current };
}

/**
 * Global options with per-call overrides applied (keys set to `undefined` are ignored).
 * @param overrides per-call options
 */
export function resolveOptions(overrides?: Partial<PrintOptions>): PrintOptions {
  const opts = getPrintoptions();
  if (overrides === undefined) return opts;
  if (overrides.precision !== undefined) opts.precision = overrides.precision;
  if (overrides.threshold !== undefined) opts.threshold = overrides.threshold;
  if (overrides.edgeitems !== undefined) opts.edgeitems = overrides.edgeitems;
  if (overrides.linewidth !== undefined) opts.linewidth = overrides.linewidth;
  if (overrides.sciMode !== undefined) opts.sciMode = overrides.sciMode;
  return opts;
}
