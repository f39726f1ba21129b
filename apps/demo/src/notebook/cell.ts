/**
 * One code cell of the notebook: its editable code (coloured), Run and Reset buttons, execution
 * count and output. The seed's code runs from its build-time transpilation; edited code is
 * transpiled in the page, which loads the transpiler (sucrase) the first time.
 */
import type cells from 'virtual:notebook-cells';
import { h } from './dom.js';
import { highlight } from './highlight.js';
import type { Kernel } from './kernel.js';
import type { CellScript } from './rewrite.js';

/** What a cell needs from its notebook. */
export interface CellContext {
  kernel: Kernel;
  /** Queues a run behind the ones already asked for (one at a time, like a kernel). */
  enqueue(job: () => Promise<void>): Promise<void>;
  /** The next execution count. */
  nextCount(): number;
  /** Whether the view was unmounted (then a queued run does nothing). */
  disposed(): boolean;
  /** Called after every run (the notebook redraws the network diagram). */
  afterRun(): void;
  /** Tells screen-reader users what happened. */
  announce(text: string): void;
}

/** A cell on the page. */
export interface CellView {
  name: string;
  element: HTMLElement;
  /** Runs the cell's current code; resolves when it has run. */
  run(): Promise<void>;
}

/** Builds cell number `n` of the page. */
export function cellView(cell: (typeof cells)[number], n: number, ctx: CellContext): CellView {
  const id = `cell-${cell.name}`;
  const original = cell.source.trimEnd();
  const counter = h('span', { class: 'cell-count', textContent: '[ ]' });
  counter.setAttribute('aria-hidden', 'true');
  const runButton = h('button', { type: 'button', class: 'run primary', textContent: 'Run' });
  runButton.setAttribute('aria-label', `Run cell ${n}`);
  const resetButton = h('button', { type: 'button', class: 'reset', textContent: 'Reset', hidden: true });
  resetButton.setAttribute('aria-label', `Reset cell ${n} to the original code`);
  const label = h('label', { class: 'visually-hidden', htmlFor: `${id}-code`, textContent: `Cell ${n}, TypeScript code (Ctrl+Enter runs it)` });
  const code = h('textarea', { id: `${id}-code`, class: 'code', value: original, spellcheck: false });
  code.setAttribute('autocapitalize', 'off');
  code.setAttribute('autocomplete', 'off');
  code.setAttribute('wrap', 'off');
  // The coloured copy of the code, drawn under the textarea (whose own text is transparent).
  const colours = h('pre', { class: 'code-colours' });
  colours.setAttribute('aria-hidden', 'true');
  const output = h('pre', { class: 'output', hidden: true });
  output.setAttribute('data-testid', 'output');
  const section = h(
    'section',
    { class: 'cell' },
    h('div', { class: 'cell-bar' }, counter, runButton, resetButton),
    label,
    h('div', { class: 'editor' }, colours, code),
    output,
  );
  section.dataset.cell = cell.name;
  section.lang = 'en'; // the code and the cell's controls are in English, whatever the text's language
  section.setAttribute('aria-label', `Cell ${n}`);

  const edited = (): boolean => code.value !== original;
  const fit = (): void => {
    code.rows = Math.max(1, code.value.split('\n').length);
    colours.innerHTML = highlight(code.value);
    resetButton.hidden = !edited();
  };
  fit();

  const script = async (): Promise<CellScript> => {
    if (!edited()) return cell.script;
    const { transpileCell } = await import('./transpile.js');
    return transpileCell(code.value);
  };
  const run = (): Promise<void> =>
    ctx.enqueue(async () => {
      if (ctx.disposed()) return;
      counter.textContent = '[*]';
      section.classList.add('running');
      let text: string;
      let error: string | undefined;
      try {
        ({ text, error } = await ctx.kernel.run(await script()));
      } catch (e) {
        error = `${(e as Error).name}: ${(e as Error).message}`; // the transpiler's SyntaxError
        text = `${error}\n`;
      }
      if (ctx.disposed()) return;
      counter.textContent = `[${ctx.nextCount()}]`;
      section.classList.remove('running');
      output.textContent = text;
      output.hidden = text === '';
      output.classList.toggle('error', error !== undefined);
      section.dataset.state = error ? 'error' : 'ok';
      ctx.afterRun();
    });
  const runAndAnnounce = (): void => void run().then(() => ctx.announce(`Cell ${n} ran.`));

  runButton.addEventListener('click', runAndAnnounce);
  resetButton.addEventListener('click', () => {
    code.value = original;
    fit();
    code.focus();
  });
  code.addEventListener('input', fit);
  code.addEventListener('scroll', () => {
    colours.scrollLeft = code.scrollLeft;
    colours.scrollTop = code.scrollTop;
  });
  code.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || e.shiftKey)) {
      e.preventDefault();
      runAndAnnounce();
    }
  });
  return { name: cell.name, element: section, run };
}
