// Names the API reference's modules after the packages' import specifiers
// (`antorcha`, `@antorcha/core/testing`) instead of their source folders (`antorcha/src`).
import { Converter, ReflectionKind } from 'typedoc';

const names = {
  'antorcha/src': 'antorcha',
  'core/src': '@antorcha/core',
  'core/src/testing': '@antorcha/core/testing',
  'rng/src': '@antorcha/rng',
  'autograd/src': '@antorcha/autograd',
  'nn/src': '@antorcha/nn',
  'backend-cpu/src': '@antorcha/backend-cpu',
  'backend-webgpu/src': '@antorcha/backend-webgpu',
};

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      if (mod.parent === context.project && names[mod.name]) mod.name = names[mod.name];
    }
  });
}
