/**
 * Doctest extraction: finds the TypeScript examples of a markdown page or of the
 * TSDoc `@example` blocks of a TypeScript source, with the output each one shows.
 *
 * Convention: an example is a fenced ```` ```ts ```` block; its shown output is a
 * ```` ```text ```` block that follows it directly (only blank lines between).
 * ```` ```ts no-run ```` blocks are not executed.
 *
 * Sessions: ```` ```ts session=<name> ```` blocks of one file share state, the way notebook
 * cells do. Such a block runs after the code of the earlier runnable blocks of the same
 * session in the same file (its {@link Example.prelude}), and only what the block itself
 * prints is compared with its shown output. The blocks of a session form one module, so a
 * name is declared once per session (later blocks reassign a `let`).
 */

/** One line of a source with its 1-based line number and the comment prefix stripped from it. */
interface Line {
  text: string;
  lineNo: number;
  /** What was stripped from the start of the line (`' * '` in TSDoc, `''` in markdown). */
  prefix: string;
}

/** The shown output of an example: its text and where its fence sits in the file. */
export interface ShownOutput {
  text: string;
  /** 1-based line of the opening ```` ```text ```` fence. */
  open: number;
  /** 1-based line of the closing fence. */
  close: number;
}

/** A TypeScript example found in a file. */
export interface Example {
  file: string;
  /** 1-based line of the opening ```` ```ts ```` fence. */
  line: number;
  /** 1-based line of the closing fence. */
  close: number;
  code: string;
  noRun: boolean;
  /**
   * The id of the PyTorch program that prints the same output (`pytorch=<id>` in the fence's
   * info string); its output is in `fixtures/pytorch-outputs.json`, written by
   * `tools/golden/doc_examples.py`.
   */
  pytorch: string | null;
  output: ShownOutput | null;
  /** The session the block belongs to (`session=<name>` in the fence's info string), or null. */
  session: string | null;
  /**
   * The code of the earlier runnable blocks of the same session in the same file, in order;
   * it runs before the block (empty outside a session).
   */
  prelude: string[];
  /** The comment prefix of the fence line (`' * '` in TSDoc), used to rewrite shown outputs. */
  prefix: string;
}

const FENCE_OPEN = /^(\s*)(`{3,})\s*([\w-]*)\s*(.*)$/;
const TS_LANGS = new Set(['ts', 'typescript']);

/** Finds the ts fences (and their text outputs) in a run of lines. */
function fences(lines: Line[], file: string): Example[] {
  const out: Example[] = [];
  let i = 0;
  while (i < lines.length) {
    const m = FENCE_OPEN.exec(lines[i]!.text);
    if (!m) {
      i++;
      continue;
    }
    const [, indent, ticks, lang, info] = m;
    const end = closingFence(lines, i + 1, ticks!);
    if (!TS_LANGS.has(lang!)) {
      i = end + 1;
      continue;
    }
    const code = body(lines, i + 1, end, indent!.length);
    const ex: Example = {
      file,
      line: lines[i]!.lineNo,
      close: lines[Math.min(end, lines.length - 1)]!.lineNo,
      code,
      noRun: /\bno-run\b/.test(info!),
      pytorch: /\bpytorch=([\w.-]+)/.exec(info!)?.[1] ?? null,
      output: null,
      session: /\bsession=([\w.-]+)/.exec(info!)?.[1] ?? null,
      prelude: [],
      prefix: lines[i]!.prefix + indent!,
    };
    let j = end + 1;
    while (j < lines.length && lines[j]!.text.trim() === '') j++;
    const t = j < lines.length ? FENCE_OPEN.exec(lines[j]!.text) : null;
    if (t && t[3] === 'text') {
      const tEnd = closingFence(lines, j + 1, t[2]!);
      ex.output = {
        text: body(lines, j + 1, tEnd, t[1]!.length),
        open: lines[j]!.lineNo,
        close: lines[Math.min(tEnd, lines.length - 1)]!.lineNo,
      };
      j = tEnd + 1;
    }
    out.push(ex);
    i = Math.max(j, end + 1);
  }
  return out;
}

function closingFence(lines: Line[], from: number, ticks: string): number {
  for (let k = from; k < lines.length; k++) {
    const t = lines[k]!.text.trim();
    if (t.startsWith(ticks) && t.replace(/`/g, '') === '') return k;
  }
  return lines.length;
}

function body(lines: Line[], from: number, to: number, indent: number): string {
  return lines
    .slice(from, to)
    .map((l) => (l.text.slice(0, indent).trim() === '' ? l.text.slice(indent) : l.text))
    .join('\n');
}

/** Gives each block of a session the code of the earlier runnable blocks of that session. */
function linkSessions(examples: Example[]): Example[] {
  const sessions = new Map<string, string[]>();
  for (const ex of examples) {
    if (ex.session === null) continue;
    const earlier = sessions.get(ex.session) ?? [];
    ex.prelude = [...earlier];
    if (!ex.noRun) sessions.set(ex.session, [...earlier, ex.code]);
  }
  return examples;
}

/** The examples of a markdown page. */
export function extractMarkdown(source: string, file: string): Example[] {
  const lines = source.split('\n').map((text, k) => ({ text, lineNo: k + 1, prefix: '' }));
  return linkSessions(fences(lines, file));
}

const COMMENT_PREFIX = /^(\s*\*\s?)/;

/** The examples of the `@example` blocks of TSDoc comments in a TypeScript source. */
export function extractTsdoc(source: string, file: string): Example[] {
  const raw = source.split('\n');
  const out: Example[] = [];
  let k = 0;
  while (k < raw.length) {
    if (!/^\s*\/\*\*/.test(raw[k]!)) {
      k++;
      continue;
    }
    // One TSDoc comment: its lines with the ` * ` prefix stripped.
    const block: Line[] = [];
    for (; k < raw.length; k++) {
      const text = raw[k]!;
      const closes = text.includes('*/');
      const p = COMMENT_PREFIX.exec(text);
      const prefix = p ? p[1]! : '';
      block.push({ text: text.slice(prefix.length), lineNo: k + 1, prefix });
      if (closes) {
        k++;
        break;
      }
    }
    // The @example sections: from an @example tag to the next block tag outside a fence.
    let inExample = false;
    let inFence = false;
    let section: Line[] = [];
    const flush = (): void => {
      if (section.length) out.push(...fences(section, file));
      section = [];
    };
    for (const l of block) {
      const t = l.text.trim();
      if (/^`{3,}/.test(t)) inFence = !inFence;
      if (!inFence && /^@\w+/.test(t)) {
        flush();
        inExample = t.startsWith('@example');
        continue;
      }
      if (inExample) section.push(l);
    }
    flush();
  }
  return linkSessions(out);
}

/**
 * The global function a session's module calls between its prelude and the block: the
 * runner drops what was printed before the call.
 */
export const SESSION_MARK = 'antorcha.doctest.sessionMark';

const IMPORTS = /^\s*import\s/m;

/**
 * The module a doctest runs: the example, with `import * as torch from 'antorcha'`
 * when it imports nothing; `resolve` maps import specifiers (the docs package does
 * not depend on every `@antorcha/*` package itself). A session block's `prelude` (the
 * earlier blocks of its session) comes first, then a call of the {@link SESSION_MARK}
 * function, then the block; the torch import is added once when any of these blocks
 * imports nothing and none imports `* as torch` itself.
 */
export function moduleSource(code: string, resolve: (spec: string) => string = (s) => s, prelude: readonly string[] = []): string {
  const parts = [...prelude, code];
  const needsTorch = parts.some((p) => !IMPORTS.test(p)) && !parts.some((p) => /^\s*import\s+\*\s+as\s+torch\s+from\b/m.test(p));
  const mapped = parts.map((p) =>
    p.replace(/(\bfrom\s+|\bimport\s*\(?\s*)(['"])([^'"]+)\2/g, (_m, pre: string, q: string, spec: string) => `${pre}${q}${resolve(spec)}${q}`),
  );
  const body = prelude.length
    ? [...mapped.slice(0, -1), `;Reflect.get(globalThis, Symbol.for('${SESSION_MARK}'))?.();`, mapped[mapped.length - 1]!].join('\n')
    : mapped[0]!;
  return (needsTorch ? `import * as torch from '${resolve('antorcha')}';\n` : '') + body + '\nexport {};\n';
}
