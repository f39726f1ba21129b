/**
 * TypeScript → a notebook cell's JavaScript, with sucrase (types stripped, nothing else
 * down-levelled) and then {@link toCellScript}. The page loads this module (and sucrase) only
 * when a user runs a cell they have edited; the seed's cells are transpiled by the same code
 * at build time (vite.config.ts).
 */
import { transform } from 'sucrase';
import { toCellScript, type CellScript } from './rewrite.js';

/** Transpiles one cell's TypeScript; throws a `SyntaxError` with the line and column on bad input. */
export function transpileCell(ts: string): CellScript {
  let js: string;
  try {
    js = transform(ts, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (e) {
    throw new SyntaxError((e as Error).message);
  }
  return toCellScript(js);
}
