/**
 * All derivative rules by core op name, and the lookup the recorder uses
 * (in-place variants `op_` share the rule of `op`).
 */
import type { CatalogueRuleOp, OpRecord } from '@antorcha/core';
import { COMPLEX } from './complex.js';
import { ELEMENTWISE, notImplemented } from './elementwise.js';
import { FFT } from './fft.js';
import { INDEXING } from './indexing.js';
import { LINALG } from './linalg.js';
import { LINALG_FACTOR } from './linalg-factor.js';
import { LINALG_SPECTRAL } from './linalg-spectral.js';
import { REDUCTIONS } from './reductions.js';
import { SPECIAL } from './special.js';
import type { Rule, RuleTable } from './rule.js';
import { VIEWS } from './views.js';

/**
 * Tables whose formulas are written for complex tensors themselves (torch.fft's, and the
 * factorizations' derivatives.yaml formulas with their own `.conj()`): the recorder runs them
 * as they are; the other tables' real formulas run conjugated on complex records (Rule.complexAware).
 */
function complexAware<T extends RuleTable>(table: T): T {
  const out: RuleTable = {};
  for (const [k, r] of Object.entries(table)) out[k] = { ...r, complexAware: true };
  return out as T;
}

/**
 * Real-written rules whose formula is already PyTorch's for complex inputs: var and std of
 * a complex tensor are real, and derivatives.yaml's var_backward/std_backward
 * (`2·g·(x − mean)/(n − correction)`) take no conjugate.
 */
const COMPLEX_AS_WRITTEN = complexAware({ var: REDUCTIONS.var, std: REDUCTIONS.std } as RuleTable);

const ALL_RULES = {
  ...ELEMENTWISE,
  ...REDUCTIONS,
  ...COMPLEX_AS_WRITTEN,
  ...VIEWS,
  ...LINALG,
  ...complexAware(LINALG_FACTOR),
  ...complexAware(LINALG_SPECTRAL),
  ...INDEXING,
  ...complexAware(FFT),
  ...SPECIAL,
  ...COMPLEX,
};

/** Every rule, by the op name core records. */
export const RULES: RuleTable = ALL_RULES;

/**
 * Catalogue rows that declare `grad: 'rule'` but have no rule here: this must be
 * `never`, so a missing derivative fails to compile (the error names the op).
 */
type MissingRules = Exclude<CatalogueRuleOp, keyof typeof ALL_RULES>;
const everyCatalogueRuleExists: [MissingRules] extends [never] ? true : { missingDerivativeFor: MissingRules } = true;
void everyCatalogueRuleExists;

/** Ops core records whose outputs are views of their input (autograd tracks them as views). */
export const VIEW_OPS = new Set([
  'view', 'expand', 'permute', 'transpose', 't', 'squeeze', 'unsqueeze', 'narrow', 'select', 'as_strided', 'split', 'unbind',
  // views that reinterpret the storage (dtype or math bits): in-place writes through them go to the base too
  'conj', 'real', 'imag', 'view_as_real', 'view_as_complex',
]);

/** Ops returning several views (in-place writes to their outputs are refused, as in PyTorch). */
export const MULTI_VIEW_OPS = new Set(['split', 'unbind']);

const inplaceCache = new Map<string, Rule>();

/** The rule for an op name (`add_` → `add`'s rule, named as PyTorch names the in-place node). */
export function ruleFor(op: string): Rule {
  const direct = RULES[op];
  if (direct !== undefined) return direct;
  let r = inplaceCache.get(op);
  if (r !== undefined) return r;
  if (op.endsWith('_') && RULES[op.slice(0, -1)] !== undefined) {
    r = RULES[op.slice(0, -1)]!;
  } else {
    r = notImplemented(op);
  }
  inplaceCache.set(op, r);
  return r;
}

/** Whether the in-place op `op` needs the value of its target before the write. */
export function inplaceNeedsSelf(op: string): boolean {
  return ruleFor(op).needsSelf !== false;
}

/** PyTorch's node name for a record. */
export function nodeName(rec: OpRecord): string {
  return ruleFor(rec.op).name(rec);
}
