// Generates what the op catalogue (src/ops/catalogue/*.ts) implies, so no list of ops is
// written twice:
// - src/ops/generated.ts: the torch.* functions of kernel-backed rows, their in-place
//   function forms (`torch.exp_`), every alias (`arccos`, `swapdims`), and the
//   `CatalogueMethods` interface that types the Tensor methods tensor.ts installs from
//   the rows;
// - fixtures/catalogue.json: the rows as data, for the golden scripts (Python) and the
//   docs' PyTorch mapping.
// Usage: node scripts/gen-ops.mjs [--check]   (--check: fail if the outputs are stale)
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const catalogueDir = join(root, 'src/ops/catalogue');

/** Loads the catalogue rows by transpiling its (import-free) modules to a temporary folder. */
async function loadCatalogue() {
  const out = mkdtempSync(join(tmpdir(), 'antorcha-catalogue-'));
  try {
    for (const f of readdirSync(catalogueDir).filter((n) => n.endsWith('.ts'))) {
      const js = ts.transpileModule(readFileSync(join(catalogueDir, f), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      writeFileSync(join(out, f.replace(/\.ts$/, '.js')), js);
    }
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    return await import(pathToFileURL(join(out, 'index.js')).href);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** PyTorch's snake_case → the TypeScript spelling. */
const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

const { CATALOGUE } = await loadCatalogue();
const rows = Object.entries(CATALOGUE);
const has = (row, v) => row.variants.includes(v);
const kernel = (row) => (typeof row.impl === 'object' ? row.impl.family : null);
const ELEMENTWISE = new Set(['unary', 'binary']);

/**
 * A catalogue method's signature in `CatalogueMethods<D>`: elementwise rows return the dtype
 * their rule gives for the tensor's static dtype `D` (ops/result-dtype.ts), the rest what
 * their function returns.
 */
function methodSignature(name, key, row) {
  const fam = kernel(row);
  // the function's other parameters (round's { decimals }, …) carry over unchanged
  if (fam === 'unary') return `${name}(...args: MethodArgs<typeof ops.${key}>): Tensor<UnaryResultDType<'${row.impl.dtype}', D>>`;
  if (fam === 'binary') return `${name}<O extends TensorOrScalar>(other: O, ...rest: MethodRest<typeof ops.${key}>): Tensor<BinaryResultDType<'${row.impl.dtype}', D, OperandDType<O>>>`;
  return `${name}(...args: MethodArgs<typeof ops.${key}>): ReturnType<typeof ops.${key}>`;
}

const fns = [];
const aliasFns = [];
const methods = [];
const factoryImports = new Set();

/** The TSDoc of a generated function: the row's summary, and its example when it has one. */
function fnDoc(row) {
  if (!row.example) return `/** ${row.doc} */`;
  return ['/**', ` * ${row.doc}`, ' * @example', ...row.example.map((l) => (l ? ` * ${l}` : ' *')), ' */'].join('\n');
}

for (const [key, row] of rows) {
  const fam = kernel(row);
  const generated = ELEMENTWISE.has(fam) && !row.manualFunction;
  if (!ELEMENTWISE.has(fam) && fam !== null && !row.manualFunction) throw new Error(`${key}: ${fam} rows need a hand-written function (manualFunction)`);
  if (generated && has(row, 'function')) {
    factoryImports.add(`${fam}Fn`);
    fns.push(`${fnDoc(row)}\nexport const ${key} = ${fam}Fn('${key}');`);
  }
  if (ELEMENTWISE.has(fam) && has(row, 'inplace') && !row.manualMethod && !row.manualFunction) {
    factoryImports.add(`${fam}InplaceFn`);
    fns.push(`/** In-place {@link ${key}}: writes into \`input\` and returns it. */\nexport const ${key}_ = ${fam}InplaceFn('${key}');`);
  }
  for (const alias of row.aliases ?? []) {
    const a = camel(alias);
    const doc = `/** Alias of {@link ${key}} (PyTorch's \`${alias}\`). */`;
    if (generated) aliasFns.push(`${doc}\nexport const ${a} = ${key};`);
    else aliasFns.push(`${doc}\nexport function ${a}(...args: Parameters<typeof ops.${key}>): ReturnType<typeof ops.${key}> {\n  return (ops.${key} as (...a: unknown[]) => ReturnType<typeof ops.${key}>)(...args);\n}`);
    if (has(row, 'inplace')) {
      const inplaceDoc = `/** Alias of {@link ${key}_} (PyTorch's \`${alias}_\`). */`;
      if (generated && !row.manualMethod) aliasFns.push(`${inplaceDoc}\nexport const ${a}_ = ${key}_;`);
      else if (!generated && !row.manualMethod) aliasFns.push(`${inplaceDoc}\nexport function ${a}_(...args: Parameters<typeof ops.${key}_>): ReturnType<typeof ops.${key}_> {\n  return (ops.${key}_ as (...a: unknown[]) => ReturnType<typeof ops.${key}_>)(...args);\n}`);
    }
  }
  if (row.manualMethod) {
    for (const alias of row.aliases ?? []) {
      const a = camel(alias);
      if (has(row, 'method')) methods.push(`  /** Alias of {@link Tensor.${key}} (PyTorch's \`${alias}\`). */\n  ${a}: Tensor<D>['${camel(row.aten)}'];`);
      if (has(row, 'inplace')) methods.push(`  /** Alias of {@link Tensor.${key}_} (PyTorch's \`${alias}_\`). */\n  ${a}_: Tensor<D>['${camel(row.aten)}_'];`);
    }
  }
  if (has(row, 'method') && !row.manualMethod) {
    for (const name of [key, ...(row.aliases ?? []).map(camel)]) {
      const doc = name === key ? row.doc : `Alias of {@link Tensor.${key}} (PyTorch's \`${row.aliases.find((x) => camel(x) === name)}\`).`;
      methods.push(`  /** ${doc} */\n  ${methodSignature(name, key, row)};`);
    }
  }
  if (has(row, 'inplace') && !row.manualMethod) {
    for (const name of [key, ...(row.aliases ?? []).map(camel)]) {
      // Link to the out-of-place form that exists: the method, else the function; an op with
      // only an in-place form (`fillDiagonal_`, `cauchy_`) is described by its own row.
      const doc = has(row, 'method')
        ? `In-place {@link Tensor.${name}}.`
        : has(row, 'function')
          ? `In-place {@link ops.${key} | torch.${key}}.`
          : row.doc;
      methods.push(`  /** ${doc} */\n  ${name}_(...args: MethodArgs<typeof ops.${key}_>): Tensor<D>;`);
    }
  }
}

const header = `// Generated by packages/core/scripts/gen-ops.mjs from src/ops/catalogue: do not edit.
// Add or change a row in the catalogue and run \`pnpm --filter @antorcha/core build\`.
/* eslint-disable */
import type { DTypeName } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './elementwise.js';
import type { BinaryResultDType, OperandDType, UnaryResultDType } from './result-dtype.js';
import * as ops from './index.js';
import { ${[...factoryImports].sort().join(', ')} } from './elementwise.js';

/** The arguments of an op's method form: the function's, without the tensor it is called on. */
export type MethodArgs<F> = F extends (self: any, ...rest: infer R) => any ? R : never;
/** The arguments of a binary op's method form after \`other\`. */
export type MethodRest<F> = F extends (self: any, other: any, ...rest: infer R) => any ? R : never;
`;
const methodsBlock = `
/**
 * The Tensor methods the catalogue declares (installed on \`Tensor.prototype\` by
 * tensor.ts): \`x.op(...args)\` is \`torch.op(x, ...args)\`.
 */
export interface CatalogueMethods<D extends DTypeName = DTypeName> {
${methods.join('\n')}
}
`;
const generated = [header, fns.join('\n'), '', aliasFns.join('\n'), methodsBlock].join('\n');

const catalogueJson = JSON.stringify(
  Object.fromEntries(rows.map(([key, row]) => [key, { ...row, kernel: kernel(row) }])),
  null,
  1,
) + '\n';

const outputs = [
  [join(root, 'src/ops/generated.ts'), generated],
  [join(root, 'fixtures/catalogue.json'), catalogueJson],
];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([p, text]) => {
    try {
      return readFileSync(p, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(`stale generated files (run node scripts/gen-ops.mjs): ${stale.map(([p]) => p).join(', ')}`);
    process.exit(1);
  }
} else {
  for (const [p, text] of outputs) {
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
}
