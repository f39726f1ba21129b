/**
 * Finding a GPU: `navigator.gpu` in browsers (and Deno, Bun, Node ≥ 21 when
 * provided), else the npm package `webgpu` (Dawn) in Node, loaded on demand so
 * nothing here needs it unless a device is requested.
 */

/** Options for acquiring a WebGPU device. */
export interface WebGPUOptions {
  /** Use this device instead of requesting one (e.g. to share it with other WebGPU code). */
  device?: GPUDevice;
  /** Adapter power preference (default `'high-performance'`). */
  powerPreference?: GPUPowerPreference;
  /** Dawn options for the Node `webgpu` package, e.g. `['backend=vulkan']`. */
  dawnOptions?: string[];
  /** Give up finding an adapter after this many milliseconds (default 15000). */
  timeoutMs?: number;
}

/** Thrown when no WebGPU adapter or device can be obtained; the message says why and what to try. */
export class WebGPUUnavailableError extends Error {
  /** @param message what failed and how to fix it. */
  constructor(message: string) {
    super(message);
    this.name = 'WebGPUUnavailableError';
  }
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

const NODE_HINT =
  'In Node, WebGPU comes from the npm package "webgpu" (Dawn), which needs a Vulkan loader (libvulkan.so.1) and a driver. ' +
  'Without a GPU, SwiftShader works: LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json (Debian\'s chromium package).';

let nodeGpu: Promise<GPU | null> | null = null;

/** Loads Dawn from the `webgpu` package (once), installing its globals (GPUBufferUsage, …). */
async function loadNodeGpu(dawnOptions: readonly string[]): Promise<GPU | null> {
  nodeGpu ??= (async () => {
    const name = 'webgpu';
    let mod: { create(options: string[]): GPU; globals: object };
    try {
      mod = (await import(/* @vite-ignore */ name)) as typeof mod;
    } catch {
      return null;
    }
    const g = globalThis as Record<string, unknown>;
    for (const [k, v] of Object.entries(mod.globals)) if (g[k] === undefined) g[k] = v;
    return mod.create([...dawnOptions]);
  })();
  return nodeGpu;
}

/** The environment's `GPU` object, or null when there is none. */
export async function getGPU(opts: WebGPUOptions = {}): Promise<GPU | null> {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu;
  if (isNode) return loadNodeGpu(opts.dawnOptions ?? []);
  return null;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new WebGPUUnavailableError(`${what} did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Requests an adapter; null when there is none. */
export async function requestAdapter(opts: WebGPUOptions = {}): Promise<GPUAdapter | null> {
  const gpu = await getGPU(opts);
  if (!gpu) return null;
  return withTimeout(gpu.requestAdapter({ powerPreference: opts.powerPreference ?? 'high-performance' }), opts.timeoutMs ?? 15000, 'navigator.gpu.requestAdapter()');
}

/** The limits this backend asks for: as large as the adapter allows for the ones kernels use. */
const WANTED_LIMITS = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxStorageBuffersPerShaderStage',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
] as const;

/**
 * A device from the best adapter, with the largest buffer and workgroup limits it offers.
 * @throws WebGPUUnavailableError when there is no WebGPU or no adapter (never hangs: see `timeoutMs`).
 */
export async function requestDevice(opts: WebGPUOptions = {}): Promise<GPUDevice> {
  if (opts.device) return opts.device;
  const gpu = await getGPU(opts);
  if (!gpu) {
    throw new WebGPUUnavailableError(
      isNode ? `WebGPU is not available: the npm package "webgpu" could not be loaded (npm install webgpu). ${NODE_HINT}` : 'WebGPU is not available in this browser (navigator.gpu is undefined).',
    );
  }
  const adapter = await requestAdapter(opts);
  if (!adapter) {
    throw new WebGPUUnavailableError(`No WebGPU adapter was found.${isNode ? ` ${NODE_HINT}` : ' The browser or its GPU blocklist may disable WebGPU.'}`);
  }
  const requiredLimits: Record<string, number> = {};
  const lim = adapter.limits as unknown as Record<string, number>;
  for (const k of WANTED_LIMITS) if (typeof lim[k] === 'number') requiredLimits[k] = lim[k];
  return withTimeout(adapter.requestDevice({ requiredLimits }), opts.timeoutMs ?? 15000, 'GPUAdapter.requestDevice()');
}

let available: Promise<boolean> | null = null;

/**
 * Whether a WebGPU adapter can be obtained here (cached after the first call).
 * @example
 * ```ts pytorch=core.webgpu.isAvailable
 * import * as torch from 'antorcha';
 * import { initWebGPU, isAvailable } from '@antorcha/backend-webgpu';
 *
 * const device = (await isAvailable()) ? 'webgpu' : 'cpu';
 * if (device === 'webgpu') await initWebGPU();
 * const x = torch.arange(4, { device });
 * console.log(await x.mul(x).toAsync('cpu'));
 * ```
 * ```text
 * tensor([0, 1, 4, 9])
 * ```
 */
export function isAvailable(opts: WebGPUOptions = {}): Promise<boolean> {
  available ??= requestAdapter(opts).then(
    (a) => a !== null,
    () => false,
  );
  return available;
}
