// Device strings are typed: `cpu` comes from @antorcha/core, `webgpu` from this package's
// declaration merging (src/index.ts), and a misspelt device is a type error. The assertions are
// checked by tsc through vitest's typecheck mode (vitest.config.ts), so they count in `npm test`.
import { type DeviceLike, type DeviceString, TorchRuntimeError, device, parseDevice } from '@antorcha/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import '../src/index.js';

describe('device strings are typed', () => {
  it('accepts the declared device types, with or without an index', () => {
    expectTypeOf<'cpu'>().toMatchTypeOf<DeviceString>();
    expectTypeOf<'webgpu'>().toMatchTypeOf<DeviceString>();
    expectTypeOf<'webgpu:1'>().toMatchTypeOf<DeviceString>();
    expectTypeOf<'cpu:0'>().toMatchTypeOf<DeviceLike>();
    expect(String(device('webgpu:1'))).toBe('webgpu:1');
  });

  it('refuses misspelt devices at compile time', () => {
    expectTypeOf<'gpu'>().not.toMatchTypeOf<DeviceString>();
    expectTypeOf<'cuda'>().not.toMatchTypeOf<DeviceString>();
    expectTypeOf<'webgpu1'>().not.toMatchTypeOf<DeviceString>();
    expectTypeOf<'webgpu:'>().not.toMatchTypeOf<DeviceString>();
    expectTypeOf<string>().not.toMatchTypeOf<DeviceLike>();
    // @ts-expect-error 'gpu' is no declared device type
    const bad: DeviceLike = 'gpu';
    expect(bad).toBe('gpu');
  });

  it('parseDevice takes a string known only at run time and validates it', () => {
    const fromUser: string = 'webgpu:0';
    expectTypeOf(parseDevice).parameter(0).toEqualTypeOf<string>();
    expect(String(parseDevice(fromUser))).toBe('webgpu:0');
    expect(() => parseDevice('web gpu')).toThrow(TorchRuntimeError);
  });
});
