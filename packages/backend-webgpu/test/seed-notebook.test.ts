// The seed notebook (packages/antorcha/examples/seed-notebook.ts) on WebGPU: the
// same computations with `device: 'webgpu'`, printed with `await toStringAsync()`.
// On the CPU they print exactly the golden PyTorch output; on WebGPU they print the
// CPU text plus PyTorch's `device=` annotation for GPU tensors.
import type { DeviceLike } from '@antorcha/core';
import { readFileSync } from 'node:fs';
import * as torch from 'antorcha';
import type { Tensor } from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';

interface CellOutput {
  cell: string;
  stdout: string;
}

const golden: CellOutput[] = JSON.parse(readFileSync(new URL('../../antorcha/test/fixtures/seed-notebook.json', import.meta.url), 'utf8'));

const activation = (x: Tensor): Tensor => torch.div(1, torch.add(1, torch.exp(torch.neg(x))));

/** Runs the notebook's cells on `device`; returns each cell's printed text. */
async function notebook(device: DeviceLike): Promise<Map<string, string>> {
  const o = { device };
  const out = new Map<string, string>();
  let buf = '';
  const print = (...parts: string[]): void => void (buf += `${parts.join(' ')}\n`);
  const show = (t: Tensor): Promise<string> => t.toStringAsync();
  // Python's f-string of a 0-d tensor formats its item() as a float
  const fmt0d = async (t: Tensor): Promise<string> => torch.formatPythonFloat((await t.data())[0]!);
  const cell = async (name: string, f: () => Promise<void>): Promise<void> => {
    buf = '';
    await f();
    out.set(name, buf);
  };
  let features!: Tensor, weights!: Tensor, bias!: Tensor;
  const act1: Record<string, Tensor> = {};
  await cell('generate-data', async () => {
    torch.manualSeed(7);
    features = torch.randn([1, 5], o);
    print(await show(features));
    weights = torch.randnLike(features);
    print(await show(weights));
    bias = torch.randn([1, 1], o);
  });
  await cell('sum-solutions', async () => {
    print(await show(activation(torch.add(torch.sum(torch.mul(features, weights)), bias))));
    print(await show(activation(features.mul(weights).sum().add(bias))));
  });
  await cell('mm-shape-error', async () => {
    try {
      torch.mm(features, weights);
    } catch (e) {
      print(`RuntimeError: ${(e as Error).message}`);
    }
  });
  await cell('mm-view', async () => {
    print(String(weights.shape));
    print(await show(activation(torch.mm(features, weights.view(5, 1)).add(bias))));
  });
  await cell('reshape-resize', async () => {
    print(await show(weights.reshape(5, 1)));
    print(await show(weights.view(5, 1)));
    const grown = weights.clone();
    grown.resize_(5, 1);
    print(await show(grown));
    const shrunk = weights.clone();
    shrunk.resize_(2, 2);
    print(await show(shrunk));
  });
  await cell('activity-1-tensors', async () => {
    torch.manualSeed(7);
    act1.features = torch.randn([1, 3], o);
    act1.W1 = torch.randn([3, 2], { ...o, requiresGrad: true });
    act1.W2 = torch.randn([2], { ...o, requiresGrad: true });
    act1.B1 = torch.randn([2], { ...o, requiresGrad: true });
    act1.B2 = torch.randn([], { ...o, requiresGrad: true });
    print(`Atributos:\n${await show(act1.features)}\n\n`);
    print(`Vector de pesos capa de entrada:\n${await show(act1.W1)}\n\n`);
    print(`Vector de pesos capa oculta:\n${await show(act1.W2)}\n\n`);
    print(`Vector de bias para capa oculta:\n${await show(act1.B1)}\n\n`);
    print(`Vector de bias para capa de salida:\n${await fmt0d(act1.B2)}\n\n`);
  });
  await cell('activity-1-network', async () => {
    const { features: x, W1, W2, B1, B2 } = act1 as Record<string, Tensor>;
    const h1 = activation(torch.mm(x!, W1!).add(B1!));
    const output = torch.sigmoid(h1.matmul(W2!).add(B2!));
    print(`Vector de outputs capa oculta:\n${await show(h1)}`);
    print(`Resultado final:\n${await show(output)}\n\n`);
  });
  return out;
}

describe('seed notebook', () => {
  it('on the CPU, these cells print exactly what PyTorch prints (same computations as the example)', async () => {
    const cpu = await notebook('cpu');
    expect([...cpu.keys()]).toEqual(golden.map((g) => g.cell));
    for (const g of golden) expect(cpu.get(g.cell), g.cell).toBe(g.stdout);
  });

  it.skipIf(!hasGpu)('on WebGPU, every cell prints the CPU text with device=\'webgpu:0\'', async () => {
    const cpu = await notebook('cpu');
    const gpu = await notebook('webgpu');
    for (const [name, text] of gpu) {
      expect(text.replaceAll(", device='webgpu:0'", ''), name).toBe(cpu.get(name));
    }
    expect(gpu.get('sum-solutions')).toBe("tensor([[0.1595]], device='webgpu:0')\ntensor([[0.1595]], device='webgpu:0')\n");
    expect(gpu.get('activity-1-network')).toContain("tensor([0.3171], device='webgpu:0', grad_fn=<SigmoidBackward0>)");
  });
});
