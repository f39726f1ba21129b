/**
 * Compiled compute pipelines, cached by a key that determines the WGSL text
 * (op, dtypes, rank, binding pattern), so each variant is generated and
 * compiled once per device.
 */
import { withLibrary } from './codegen/math.js';

/** How a kernel binds one buffer: read-only storage, read-write storage. */
export type Access = 'r' | 'w';

/** A compiled kernel: its pipeline and bind group layout. */
export interface Kernel {
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
}

/** Pipelines and bind group layouts of one device. */
export class PipelineCache {
  private readonly kernels = new Map<string, Kernel>();
  private readonly layouts = new Map<string, GPUBindGroupLayout>();
  /** Number of pipelines compiled (cache misses). */
  compiled = 0;

  /** @param device the device pipelines are created on; @param onCompile called with each new shader (debugging). */
  constructor(
    private readonly device: GPUDevice,
    private readonly onCompile?: (key: string, code: string) => void,
  ) {}

  /** The bind group layout for a list of binding accesses (`'r'`/`'w'`), shared between kernels. */
  layout(access: readonly Access[]): GPUBindGroupLayout {
    const sig = access.join('');
    let l = this.layouts.get(sig);
    if (!l) {
      l = this.device.createBindGroupLayout({
        entries: access.map((a, i) => ({
          binding: i,
          visibility: GPUShaderStage.COMPUTE,
          buffer: { type: a === 'w' ? 'storage' : 'read-only-storage' },
        })),
      });
      this.layouts.set(sig, l);
    }
    return l;
  }

  /**
   * The kernel for `key`, compiling `source()` (plus the math library functions it
   * uses) on the first request. The entry point is `main`.
   */
  get(key: string, access: readonly Access[], source: () => string): Kernel {
    let k = this.kernels.get(key);
    if (k) return k;
    const code = withLibrary(source());
    this.onCompile?.(key, code);
    const layout = this.layout(access);
    const module = this.device.createShaderModule({ code, label: key });
    const pipeline = this.device.createComputePipeline({
      label: key,
      layout: this.device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      compute: { module, entryPoint: 'main' },
    });
    k = { pipeline, layout };
    this.kernels.set(key, k);
    this.compiled++;
    return k;
  }

  /** Number of cached pipelines. */
  get size(): number {
    return this.kernels.size;
  }
}
