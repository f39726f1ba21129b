/**
 * The notebook's kernel: one scope shared by every cell, in the order they run (as in Jupyter),
 * a Python-like `print`, and errors reported as Python reports them (`RuntimeError: …`).
 */
import type { CellScript } from './rewrite.js';

/** Python's `NameError`: a cell read a name that no cell has defined yet. */
export class NameError extends Error {
  /** @internal */
  constructor(name: string) {
    super(`name '${name}' is not defined`);
    this.name = 'NameError';
  }
}

/** Python's `ModuleNotFoundError`, for an `import` of a module the notebook does not provide. */
export class ModuleNotFoundError extends Error {
  /** @internal */
  constructor(spec: string) {
    super(`No module named '${spec}'`);
    this.name = 'ModuleNotFoundError';
  }
}

/** What one cell run produced. */
export interface CellResult {
  /** Everything the cell printed, then the error line when it raised. */
  text: string;
  /** The error line (`RuntimeError: …`), when the cell raised. */
  error?: string;
}

/** The last line of a Python traceback for `e`: `RuntimeError: …` for Antorcha's errors. */
export function pythonErrorLine(e: unknown): string {
  if (e instanceof Error) {
    const name = (e as { pythonName?: string }).pythonName ?? e.name;
    return `${name}: ${e.message}`;
  }
  return `Exception: ${String(e)}`;
}

/**
 * Formats one `print` argument as Python's `print` does with `str()`: strings as they are, plain
 * arrays like Python lists, other objects with their `toString()` (a tensor's repr, also for a
 * 0-dim tensor, whose template-literal form is its number, like an f-string's).
 */
function show(v: unknown): string {
  if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype) return `[${v.map((x) => (typeof x === 'string' ? `'${x}'` : show(x))).join(', ')}]`;
  if (v !== null && typeof v === 'object' && typeof (v as { toString?: unknown }).toString === 'function') return (v as { toString(): string }).toString();
  return String(v);
}

// The compiled cell receives this one parameter; the scope proxy must not hide it.
const PARAM = '__nb';
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (param: string, body: string) => (nb: unknown) => Promise<void>;

/** One notebook session: its variables and the modules cells may import. */
export class Kernel {
  /** The notebook's variables, by name. */
  readonly vars: Record<string, unknown> = Object.create(null);
  private readonly scope: object;
  private out = '';

  /** `modules` maps an import specifier (`'antorcha'`) to its module namespace. */
  constructor(private readonly modules: Record<string, unknown>) {
    this.vars.print = (...parts: unknown[]) => {
      this.out += parts.map(show).join(' ') + '\n';
    };
    const vars = this.vars;
    // Inside `with (scope)`, a name resolves here unless it is a global (Math, console, …):
    // reading an unknown name raises NameError, assigning one creates a notebook variable.
    this.scope = new Proxy(vars, {
      has: (_, key) => typeof key === 'string' && key !== PARAM && (key in vars || !(key in globalThis)),
      get: (_, key) => {
        if (typeof key !== 'string') return undefined; // Symbol.unscopables
        if (key in vars) return vars[key];
        throw new NameError(key);
      },
      set: (_, key, value) => {
        vars[key as string] = value;
        return true;
      },
    });
  }

  /** Runs a cell (already transpiled by transpile.ts) in the shared scope. */
  async run(cell: CellScript): Promise<CellResult> {
    this.out = '';
    try {
      // A top-level declaration whose name is also a global (`name`, `status`) must still land in the scope.
      for (const d of cell.declared) if (!(d in this.vars) && d in globalThis) this.vars[d] = undefined;
      const body = new AsyncFunction(PARAM, `with (${PARAM}.scope) {\n${cell.code}\n}`);
      await body({ scope: this.scope, import: (spec: string) => this.import(spec) });
      return { text: this.out };
    } catch (e) {
      const error = pythonErrorLine(e);
      return { text: `${this.out}${error}\n`, error };
    }
  }

  private import(spec: string): unknown {
    if (!(spec in this.modules)) throw new ModuleNotFoundError(spec);
    return this.modules[spec];
  }
}
