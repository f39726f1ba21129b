/**
 * Golden-case calls for `torch.fft` and the window functions (fixture `ops-fft.json`, written
 * by `tools/golden/fft.py`): `fft.<name>` calls `torch.fft.<name>` with the positional
 * arguments and the keyword arguments as a trailing options object; `<kind>_window` calls
 * `torch.<kind>Window(length, periodic, …params, { dtype, device })`.
 */
import * as core from '../../index.js';
import type { Call, SurfaceCalls } from './types.js';

type Kw = Record<string, unknown>;
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** Keyword arguments as an options object (camelCase keys), or nothing when there are none. */
const opts = (kw: Kw): unknown[] => {
  const o = Object.fromEntries(Object.entries(kw).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [camel(k), v]));
  return Object.keys(o).length ? [o] : [];
};

const fftNs = core.fft as unknown as Record<string, (...a: unknown[]) => unknown>;
const ns = core as unknown as Record<string, (...a: unknown[]) => unknown>;

/** `torch.fft` names whose golden cases exist. */
const FFT_NAMES = ['fftfreq', 'rfftfreq', 'fftshift', 'ifftshift'];
const FFT_CREATION = ['fftfreq', 'rfftfreq'];

/** window name → its numeric parameters after `periodic`, in PyTorch's positional order. */
const WINDOWS: Record<string, readonly string[]> = {
  hann_window: [],
  bartlett_window: [],
  blackman_window: [],
  hamming_window: ['alpha', 'beta'],
  kaiser_window: ['beta'],
};

function windowCall(name: string, params: readonly string[]): Call {
  return (args, kw) => {
    const { periodic, dtype, device, ...rest } = kw as Kw;
    const pos: unknown[] = [args[0], args[1] ?? periodic ?? true];
    params.forEach((p, i) => pos.push(args[2 + i] ?? rest[p] ?? undefined));
    while (pos.length > 2 && pos[pos.length - 1] === undefined) pos.pop();
    const o: Kw = {};
    if (dtype !== undefined) o.dtype = dtype;
    if (device !== undefined) o.device = device;
    return ns[camel(name)]!(...pos, ...(Object.keys(o).length ? [o] : []));
  };
}

const calls: Record<string, Call> = {};
for (const n of FFT_NAMES) calls[`fft.${n}`] = (args, kw) => fftNs[camel(n)]!(...args, ...opts(kw));
for (const [n, params] of Object.entries(WINDOWS)) calls[n] = windowCall(n, params);

/** The calls of this area. */
export const FFT: SurfaceCalls = {
  calls,
  creationOps: [...FFT_CREATION.map((n) => `fft.${n}`), ...Object.keys(WINDOWS)],
};
