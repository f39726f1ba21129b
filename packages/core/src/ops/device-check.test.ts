// deviceCheck's asynchronous path, on a stub backend that reads only asynchronously: the check is
// handed to Backend.check (nothing is read), and deviceCheckError rebuilds the error from the id.
import { describe, expect, it } from 'vitest';
import type { Backend, BackendBuffer, DTypeName, HostArray, TensorRef } from '../index.js';
import { TorchIndexError, TorchRuntimeError, bool, deviceCheck, deviceCheckError, float32, int64, registerBackend, tensor, unregisterBackend } from '../index.js';

// The stub backends' device types, declared to the type checker as a backend package does.
declare module '../device.js' {
  interface DeviceTypes {
    stubcheck: true;
    stubnocheck: true;
  }
}

interface Queued {
  bad: TensorRef;
  values: TensorRef | null;
  id: number;
}

/** A backend that stores nothing, reads only asynchronously, and records the checks it is given. */
function stubBackend(name: string, withCheck: boolean): { backend: Backend; queued: Queued[] } {
  const queued: Queued[] = [];
  const alloc = (dtype: DTypeName, numel: number): BackendBuffer => ({ backend: name, dtype, numel });
  const unused = (): never => {
    throw new Error('the stub backend runs no kernels');
  };
  const backend = {
    name,
    dtypes: new Set<DTypeName>(['float32', 'int64', 'bool']),
    syncRead: false,
    alloc,
    write: (_b: BackendBuffer, _d: HostArray, _o: number) => undefined,
    read: unused,
    ...(withCheck ? { check: (bad: TensorRef, values: TensorRef | null, id: number) => void queued.push({ bad, values, id }) } : {}),
  };
  return { backend: backend as unknown as Backend, queued };
}

describe('deviceCheck on an asynchronous backend', () => {
  it('queues the check with the mask, the values broadcast to its shape and an interned id', () => {
    const { backend, queued } = stubBackend('stubcheck', true);
    registerBackend(backend);
    try {
      const target = tensor([1, 2, 3], { dtype: int64, device: 'stubcheck' });
      const bad = tensor([[false, true, false]], { dtype: bool, device: 'stubcheck' }).expand([2, 3]);
      deviceCheck('nll_loss', bad, 'Target {value} is out of bounds.', target);
      deviceCheck('nll_loss', bad, 'Target {value} is out of bounds.', target);
      expect(queued).toHaveLength(2);
      expect(queued[0]!.bad.shape).toEqual([2, 3]);
      expect(queued[0]!.values!.shape).toEqual([2, 3]);
      expect(queued[0]!.values!.strides).toEqual([0, 1]);
      expect(queued[1]!.id).toBe(queued[0]!.id); // interned: the same template, the same id
      const e = deviceCheckError(queued[0]!.id, 5);
      expect(e).toBeInstanceOf(TorchRuntimeError);
      expect([e.op, e.message]).toEqual(['nll_loss', 'Target 5 is out of bounds.']);
      deviceCheck('embedding', bad, { message: 'index out of range in self', errorClass: 'IndexError' });
      expect(queued[2]!.values).toBeNull();
      expect(queued[2]!.id).not.toBe(queued[0]!.id);
      expect(deviceCheckError(queued[2]!.id)).toBeInstanceOf(TorchIndexError);
      // floats print as Python prints them
      const x = tensor([0.5], { dtype: float32, device: 'stubcheck' });
      deviceCheck('bce', bad.select(0, 0).narrow(0, 0, 1), 'got {value}', x);
      expect(deviceCheckError(queued[3]!.id, 2).message).toBe('got 2.0');
    } finally {
      unregisterBackend('stubcheck');
    }
  });

  it('an asynchronous backend without check: a clear error instead of a silent pass', () => {
    const { backend } = stubBackend('stubnocheck', false);
    registerBackend(backend);
    try {
      const bad = tensor([true], { dtype: bool, device: 'stubnocheck' });
      expect(() => deviceCheck('op', bad, 'x')).toThrow(/reads asynchronously and has no device-side checks/);
    } finally {
      unregisterBackend('stubnocheck');
    }
  });
});
