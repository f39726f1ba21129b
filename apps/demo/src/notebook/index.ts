/**
 * The Notebook view: the seed notebook "DL02 Tensores en PyTorch" as a page of text, figures
 * and editable TypeScript cells that run in one shared scope.
 */
import * as torch from 'antorcha';
import cells from 'virtual:notebook-cells';
import type { MountView } from '../view.js';
import { neuronFigure, networkDiagram } from './figures.js';
import { highlight } from './highlight.js';
import { Kernel } from './kernel.js';
import { blocks, title, type Bilingual, type Lang } from './prose.js';
import type { CellScript } from './rewrite.js';
import './notebook.css';

const LANG_KEY = 'antorcha.notebook.lang';

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { class?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  const { class: cls, ...rest } = props;
  if (cls) e.className = cls;
  Object.assign(e, rest);
  e.append(...children);
  return e;
}

function savedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'es';
  } catch {
    return 'es'; // storage can be unavailable (privacy settings)
  }
}

/** One code cell on the page. */
interface CellView {
  name: string;
  run(): Promise<void>;
}

/** Mounts the notebook into `root` and runs every cell once. */
export const mount: MountView = (root) => {
  let lang = savedLang();
  let disposed = false;
  let count = 0;
  // Runs happen one at a time, in the order asked for, like a notebook's kernel queue.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>): Promise<void> => (queue = queue.then(job, job));
  const kernel = new Kernel({ antorcha: torch });
  const texts: { set(l: Lang): void }[] = [];
  const bilingual = (b: Bilingual, render: (s: string) => void): void => {
    render(b[lang]);
    texts.push({ set: (l) => render(b[l]) });
  };

  const article = h('article', { class: 'notebook' });
  article.lang = lang;
  const heading = h('h1', { id: 'notebook-title' });
  bilingual(title, (s) => (heading.textContent = s));

  // Toolbar: language, Run all, and a status line for screen readers.
  const langButtons = (['es', 'en'] as const).map((l) =>
    h('button', { type: 'button', class: 'lang-button', textContent: l === 'es' ? 'Español' : 'English', lang: l }),
  );
  const langGroup = h('div', { class: 'lang-group' }, ...langButtons);
  langGroup.setAttribute('role', 'group');
  langGroup.setAttribute('aria-label', 'Language of the text');
  const runAllButton = h('button', { type: 'button', class: 'run-all primary', textContent: 'Run all' });
  runAllButton.title = 'Run every cell from the top, in order (cells that raise do not stop the rest)';
  const status = h('p', { class: 'nb-status' });
  status.setAttribute('role', 'status');
  const toolbar = h('div', { class: 'nb-toolbar', lang: 'en' }, langGroup, runAllButton, status);
  article.append(h('header', { class: 'nb-header' }, heading, toolbar));

  const diagram = networkDiagram(lang);
  const cellViews: CellView[] = [];
  let cellNumber = 0;
  for (const block of blocks) {
    if (block.kind === 'text') {
      const div = h('div', { class: 'prose' });
      bilingual(block.html, (s) => (div.innerHTML = s));
      article.append(div);
    } else if (block.kind === 'figure') {
      const figure = h('figure', { class: `figure figure-${block.figure}` });
      const caption = h('figcaption');
      bilingual(block.caption, (s) => (caption.textContent = s));
      if (block.figure === 'neuron') {
        let svg = neuronFigure(lang);
        figure.append(svg, caption);
        texts.push({
          set: (l) => {
            const next = neuronFigure(l);
            svg.replaceWith(next);
            svg = next;
          },
        });
      } else {
        const scroll = h('div', { class: 'figure-scroll', tabIndex: 0 }, diagram.element);
        scroll.setAttribute('role', 'region');
        bilingual({ es: 'Diagrama de la red (desplazable)', en: 'Network diagram (scrollable)' }, (s) => scroll.setAttribute('aria-label', s));
        figure.append(scroll, caption);
        texts.push({ set: (l) => diagram.setLang(l) });
      }
      article.append(figure);
    } else {
      const cell = cells.find((c) => c.name === block.name);
      if (!cell) throw new Error(`notebook: no cell named ${block.name}`);
      const view = cellView(cell, ++cellNumber);
      cellViews.push(view);
    }
  }

  function cellView(cell: (typeof cells)[number], n: number): CellView {
    const id = `cell-${cell.name}`;
    const counter = h('span', { class: 'cell-count', textContent: '[ ]' });
    counter.setAttribute('aria-hidden', 'true');
    const runButton = h('button', { type: 'button', class: 'run primary', textContent: 'Run' });
    runButton.setAttribute('aria-label', `Run cell ${n}`);
    const resetButton = h('button', { type: 'button', class: 'reset', textContent: 'Reset', hidden: true });
    resetButton.setAttribute('aria-label', `Reset cell ${n} to the original code`);
    const label = h('label', { class: 'visually-hidden', htmlFor: `${id}-code`, textContent: `Cell ${n}, TypeScript code (Ctrl+Enter runs it)` });
    const code = h('textarea', { id: `${id}-code`, class: 'code', value: cell.source.trimEnd(), spellcheck: false });
    code.setAttribute('autocapitalize', 'off');
    code.setAttribute('autocomplete', 'off');
    code.setAttribute('wrap', 'off');
    // The coloured copy of the code, drawn under the textarea (whose own text is transparent).
    const colours = h('pre', { class: 'code-colours' });
    colours.setAttribute('aria-hidden', 'true');
    const editor = h('div', { class: 'editor' }, colours, code);
    const fit = (): void => {
      code.rows = Math.max(1, code.value.split('\n').length);
      colours.innerHTML = highlight(code.value);
    };
    fit();
    code.addEventListener('scroll', () => {
      colours.scrollLeft = code.scrollLeft;
      colours.scrollTop = code.scrollTop;
    });
    const output = h('pre', { class: 'output', hidden: true });
    output.setAttribute('data-testid', 'output');
    const section = h('section', { class: 'cell' }, h('div', { class: 'cell-bar' }, counter, runButton, resetButton), label, editor, output);
    section.dataset.cell = cell.name;
    section.lang = 'en'; // the code and the cell's controls are in English, whatever the text's language
    section.setAttribute('aria-label', `Cell ${n}`);
    article.append(section);

    const edited = (): boolean => code.value !== cell.source.trimEnd();
    const script = async (): Promise<CellScript> => {
      if (!edited()) return cell.script;
      const { transpileCell } = await import('./transpile.js'); // sucrase loads on the first edited run
      return transpileCell(code.value);
    };
    const run = (): Promise<void> =>
      enqueue(async () => {
        if (disposed) return;
        counter.textContent = '[*]';
        section.classList.add('running');
        let text: string;
        let error: string | undefined;
        try {
          ({ text, error } = await kernel.run(await script()));
        } catch (e) {
          error = `${(e as Error).name}: ${(e as Error).message}`; // the transpiler's SyntaxError
          text = `${error}\n`;
        }
        if (disposed) return;
        counter.textContent = `[${++count}]`;
        section.classList.remove('running');
        output.textContent = text;
        output.hidden = text === '';
        output.classList.toggle('error', error !== undefined);
        section.dataset.state = error ? 'error' : 'ok';
        diagram.update(kernel.vars);
      });
    runButton.addEventListener('click', () => void run().then(() => (status.textContent = `Cell ${n} ran.`)));
    resetButton.addEventListener('click', () => {
      code.value = cell.source.trimEnd();
      fit();
      resetButton.hidden = true;
      code.focus();
    });
    code.addEventListener('input', () => {
      fit();
      resetButton.hidden = !edited();
    });
    code.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || e.shiftKey)) {
        e.preventDefault();
        void run().then(() => (status.textContent = `Cell ${n} ran.`));
      }
    });
    return { name: cell.name, run };
  }

  const runAll = async (): Promise<void> => {
    runAllButton.disabled = true;
    status.textContent = 'Running every cell…';
    for (const c of cellViews) await c.run();
    if (disposed) return;
    runAllButton.disabled = false;
    status.textContent = `Ran all ${cellViews.length} cells.`;
    article.dataset.ran = String(Number(article.dataset.ran ?? 0) + 1);
  };
  runAllButton.addEventListener('click', () => void runAll());

  const setLang = (l: Lang): void => {
    lang = l;
    article.lang = l;
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.lang === l));
    for (const t of texts) t.set(l);
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      /* not remembered */
    }
  };
  langButtons.forEach((b) => b.addEventListener('click', () => setLang(b.lang as Lang)));
  setLang(lang);

  root.append(article);
  void runAll();
  return () => {
    disposed = true;
    article.remove();
  };
};
