// Autograd records and differentiates WebGPU ops like CPU ones.
import * as torch from 'antorcha';
import { it, expect } from 'vitest';
import { hasGpu } from './gpu.js';
it.skipIf(!hasGpu)('backward() on WebGPU gives the CPU gradients (autograd is device-agnostic)', async () => {
  torch.manualSeed(1);
  const mk = (dev: string) => {
    torch.manualSeed(1);
    const x = torch.randn([8, 5], { device: dev });
    const w = torch.randn([5, 3], { device: dev, requiresGrad: true });
    const b = torch.zeros([3], { device: dev, requiresGrad: true });
    const loss = torch.logSoftmax(x.matmul(w).add(b).tanh(), 1).mean();
    loss.backward();
    return [w.grad!, b.grad!, loss];
  };
  const g = mk('webgpu'), c = mk('cpu');
  for (let i = 0; i < 3; i++) {
    const a = await g[i]!.data(), e = c[i]!.dataSync();
    for (let j = 0; j < e.length; j++) expect(Math.abs(a[j]! - e[j]!)).toBeLessThan(1e-5);
  }
});
