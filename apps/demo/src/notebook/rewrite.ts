/**
 * Turns a cell's JavaScript (TypeScript already stripped) into the body of a notebook cell:
 * top-level declarations become assignments to the notebook's shared scope, as Python's
 * top-level names are in Jupyter.
 *
 * The cell body later runs inside `with (scope) { … }` (see kernel.ts). There, `var x = …`
 * assigns through the scope object, while `const`/`let`/`function`/`class` would stay local
 * to the cell. So, at the top level only:
 * - `const x = …` and `let x = …` become `var x = …` (destructuring included);
 * - `function f() {}` becomes `var f = function f() {};` (likewise `async function`, `class`);
 * - `import * as t from 'm'` becomes `var t = __nb.import("m");` (also `{ a, b as c }` and default).
 * Nested blocks, functions and loops keep their own declarations.
 */

/** The result of {@link toCellScript}. */
export interface CellScript {
  /** The rewritten cell body. */
  code: string;
  /**
   * Names the cell declares at its top level: functions, classes, imports and the first
   * plain identifier of each `const`/`let`/`var` (not those inside destructuring patterns).
   */
  declared: string[];
}

interface Token {
  kind: 'name' | 'num' | 'str' | 'tmpl' | 'regex' | 'punct';
  text: string;
  start: number;
  end: number;
  /** Whether a line break separates this token from the previous one. */
  nl: boolean;
  /** Bracket depth before this token ((), [], {} and template `${}`). */
  depth: number;
}

// After these, a `/` starts a regular expression rather than a division.
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);
const PUNCT3 = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??='];
const PUNCT2 = ['=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];

/** Splits JavaScript into tokens, skipping comments; enough to find statement boundaries. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const stack: string[] = []; // open brackets; '`' marks a template's `${`
  let i = 0;
  let nl = false;
  const push = (kind: Token['kind'], start: number, end: number): void => {
    tokens.push({ kind, text: src.slice(start, end), start, end, nl, depth: stack.length });
    nl = false;
  };
  // Reads template text from `i` (just after '`' or '}') to the closing '`' or a '${'.
  const templatePart = (start: number): void => {
    let j = i;
    while (j < src.length && src[j] !== '`') {
      if (src[j] === '\\') j += 2;
      else if (src[j] === '$' && src[j + 1] === '{') break;
      else j++;
    }
    if (src[j] === '`') {
      i = j + 1;
      push('tmpl', start, i);
    } else {
      i = j + 2;
      push('tmpl', start, i);
      stack.push('`');
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      nl = true;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      if (src.slice(i, stop).includes('\n')) nl = true;
      i = stop;
    } else if (/[A-Za-z_$\u0080-\uffff]/.test(c)) {
      const start = i;
      while (i < src.length && /[\w$\u0080-\uffff]/.test(src[i]!)) i++;
      push('name', start, i);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const start = i;
      while (i < src.length && /[\w.]/.test(src[i]!)) i++;
      push('num', start, i);
    } else if (c === '"' || c === "'") {
      const start = i++;
      while (i < src.length && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i++;
      push('str', start, i);
    } else if (c === '`') {
      const start = i++;
      templatePart(start);
    } else if (c === '}' && stack[stack.length - 1] === '`') {
      stack.pop();
      const start = i++;
      templatePart(start);
    } else if (c === '/' && startsRegex(tokens[tokens.length - 1])) {
      const start = i++;
      let inClass = false;
      while (i < src.length && src[i] !== '\n') {
        if (src[i] === '\\') i++;
        else if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        else if (src[i] === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < src.length && /\w/.test(src[i]!)) i++;
      push('regex', start, i);
    } else {
      const op = PUNCT3.find((p) => src.startsWith(p, i)) ?? PUNCT2.find((p) => src.startsWith(p, i)) ?? c;
      if (op === '}' || op === ')' || op === ']') stack.pop();
      push('punct', i, i + op.length);
      if (op === '{' || op === '(' || op === '[') stack.push(op);
      i += op.length;
    }
  }
  return tokens;
}

function startsRegex(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === 'name') return REGEX_AFTER_WORD.has(prev.text);
  if (prev.kind === 'punct') return prev.text !== ')' && prev.text !== ']';
  return false;
}

// A token that can end an expression: a line break after it may end the statement.
function endsExpression(t: Token): boolean {
  return t.kind !== 'punct' || t.text === ')' || t.text === ']' || t.text === '}' || t.text === '++' || t.text === '--';
}

/** Whether `tokens[k]` (at the top level) begins a statement. */
function atStatementStart(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  if (!prev) return true;
  if (prev.kind === 'punct' && (prev.text === ';' || prev.text === '}')) return true;
  return tokens[k]!.nl && endsExpression(prev);
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function matchingBrace(tokens: Token[], open: number): number {
  const depth = tokens[open]!.depth;
  // A closing bracket's depth is counted after it closes, so it equals its opener's.
  for (let k = open + 1; k < tokens.length; k++) if (tokens[k]!.text === '}' && tokens[k]!.depth === depth && tokens[k]!.kind === 'punct') return k;
  return -1;
}

/** Rewrites an `import` clause (`* as t`, `{ a, b as c }`, `d`, `d, { … }`) into `var` declarations. */
function importDeclarations(clause: string, spec: string, declared: string[]): string {
  const from = `__nb.import(${spec})`;
  const parts: string[] = [];
  const ns = /\*\s*as\s+([\w$]+)/.exec(clause);
  const named = /\{([^}]*)\}/.exec(clause);
  const def = /^\s*([\w$]+)\s*(,|$)/.exec(clause);
  if (def) {
    parts.push(`var ${def[1]} = ${from}.default;`);
    declared.push(def[1]!);
  }
  if (ns) {
    parts.push(`var ${ns[1]} = ${from};`);
    declared.push(ns[1]!);
  }
  if (named) {
    const bindings = named[1]!
      .split(',')
      .map((b) => b.trim())
      .filter((b) => b && !b.startsWith('type '))
      .map((b) => {
        const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(b);
        if (!m) throw new SyntaxError(`cannot read the import binding '${b}'`);
        declared.push(m[2] ?? m[1]!);
        return m[2] ? `${m[1]}: ${m[2]}` : m[1]!;
      });
    if (bindings.length) parts.push(`var { ${bindings.join(', ')} } = ${from};`);
  }
  if (!def && !ns && !named) parts.push(`${from};`);
  return parts.join(' ');
}

/** Rewrites a cell's JavaScript so that its top-level names land in the notebook's scope. */
export function toCellScript(js: string): CellScript {
  const tokens = tokenize(js);
  const edits: { start: number; end: number; text: string }[] = [];
  const declared: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.depth !== 0 || t.kind !== 'name') continue;
    const next = tokens[k + 1];
    const prev = tokens[k - 1];
    if (prev && prev.kind === 'punct' && (prev.text === '.' || prev.text === '?.')) continue;
    if ((t.text === 'const' || t.text === 'let') && next && (next.kind === 'name' || next.text === '{' || next.text === '[')) {
      edits.push({ start: t.start, end: t.end, text: 'var' });
      if (next.kind === 'name') declared.push(next.text);
    } else if (t.text === 'var' && next?.kind === 'name') {
      declared.push(next.text);
    } else if ((t.text === 'function' || t.text === 'class' || (t.text === 'async' && next?.text === 'function')) && atStatementStart(tokens, k)) {
      // `async function f`, `function* f`, `function f`, `class C`
      let n = t.text === 'async' ? k + 2 : k + 1;
      if (tokens[n]?.text === '*') n++;
      const name = tokens[n];
      if (name?.kind !== 'name') continue;
      let open = n + 1;
      while (open < tokens.length && !(tokens[open]!.text === '{' && tokens[open]!.depth === 0)) open++;
      const close = matchingBrace(tokens, open);
      if (close < 0) continue; // unbalanced: leave it to the JavaScript parser to report
      edits.push({ start: t.start, end: t.start, text: `var ${name.text} = ` });
      edits.push({ start: tokens[close]!.end, end: tokens[close]!.end, text: ';' });
      declared.push(name.text);
      k = close;
    } else if (t.text === 'import' && atStatementStart(tokens, k) && next && next.text !== '(' && next.text !== '.') {
      let e = k + 1;
      while (e < tokens.length && tokens[e]!.kind !== 'str') e++;
      const spec = tokens[e];
      if (!spec) throw new SyntaxError('an import without a module name');
      const fromAt = tokens[e - 1]!.text === 'from' ? tokens[e - 1]!.start : spec.start;
      const clause = js.slice(next.start, fromAt).trim();
      const end = tokens[e + 1]?.text === ';' ? tokens[e + 1]!.end : spec.end;
      edits.push({ start: t.start, end, text: importDeclarations(clause, spec.text, declared) });
      k = e;
    }
  }
  let code = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    code += js.slice(at, e.start) + e.text;
    at = e.end;
  }
  code += js.slice(at);
  return { code, declared: [...new Set(declared)] };
}
