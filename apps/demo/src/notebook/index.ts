/**
 * The Notebook view: the seed notebook "DL02 Tensores en PyTorch" as a page of text, figures
 * and editable TypeScript cells that run in one shared scope.
 */
import * as torch from 'antorcha';
import cells from 'virtual:notebook-cells';
import type { MountView } from '../view.js';
import { cellView, type CellContext, type CellView } from './cell.js';
import { h } from './dom.js';
import { neuronFigure, networkDiagram } from './figures.js';
import { Kernel } from './kernel.js';
import { blocks, title, type Bilingual, type Lang } from './prose.js';
import './notebook.css';

const LANG_KEY = 'antorcha.notebook.lang';

function savedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'es';
  } catch {
    return 'es'; // storage can be unavailable (privacy settings)
  }
}

/** Mounts the notebook into `root` and runs every cell once. */
export const mount: MountView = (root) => {
  let lang = savedLang();
  let disposed = false;
  let count = 0;
  // Runs happen one at a time, in the order asked for, like a notebook's kernel queue.
  let queue: Promise<void> = Promise.resolve();
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
  const context: CellContext = {
    kernel,
    enqueue: (job) => (queue = queue.then(job, job)),
    nextCount: () => ++count,
    disposed: () => disposed,
    afterRun: () => diagram.update(kernel.vars),
    announce: (text) => (status.textContent = text),
  };
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
      const view = cellView(cell, ++cellNumber, context);
      cellViews.push(view);
      article.append(view.element);
    }
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
