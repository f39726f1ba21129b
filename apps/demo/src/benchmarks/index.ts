// The Benchmarks view: a few seconds of matmul and an MLP training step on each backend this
// browser has, charted beside the figures BENCHMARKS.md recorded (parsed from the file at build time).
import benchmarksMd from '../../../../BENCHMARKS.md?raw';
import { addStyle, h, webgpuUnavailableReason } from '../playground/dom.js';
import type { MountView } from '../view.js';
import { type Recorded, parseBenchmarks, recordedFigure } from './parse.js';
import { type Measurement, ROWS, measure } from './run.js';
import { CSS } from './style.js';

const SVG = 'http://www.w3.org/2000/svg';
const DEVICES = ['cpu', 'webgpu'] as const;
type Dev = (typeof DEVICES)[number];

/** One bar: what it is, its value in the row's unit (null: not measured), and a note. */
interface Bar {
  label: string;
  value: number | null;
  note: string;
  kind: 'measured' | 'recorded';
}

/** BENCHMARKS.md's newest figure for `row` on `device`, in the page's unit (ms rows become steps/s). */
function recorded(sections: ReturnType<typeof parseBenchmarks>, row: string, device: Dev): Recorded | null {
  const r = recordedFigure(sections, device === 'cpu' ? 'CPU backend' : 'WebGPU backend', row);
  if (!r) return null;
  if (r.unit === 'ms') return { ...r, unit: 'steps/s', values: r.values.map((ms) => 1000 / ms) };
  return r;
}

const fmt = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toPrecision(2));

/**
 * A horizontal bar chart (SVG) of `bars`, scaled to the largest value, drawn for `width` CSS
 * pixels (so its text stays at the page's size): labels left of the bars, or above them when narrow.
 */
function chart(title: string, unit: string, bars: readonly Bar[], width: number): SVGSVGElement {
  const narrow = width < 520;
  const rowH = narrow ? 40 : 26;
  const labelW = narrow ? 0 : 230;
  const height = bars.length * rowH + 8;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${title}, ${unit}: ${bars.map((b) => `${b.label} ${b.value === null ? b.note : `${fmt(b.value)} ${unit}`}`).join('; ')}`);
  svg.classList.add('bm-chart');
  const max = Math.max(1e-12, ...bars.map((b) => b.value ?? 0));
  const barMax = width - labelW - 90;
  const text = (x: number, y: number, content: string, anchor = 'start'): void => {
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('text-anchor', anchor);
    t.textContent = content;
    svg.append(t);
  };
  bars.forEach((b, i) => {
    const y = 4 + i * rowH;
    // the bar's band: the lower part of the row when the label sits above it
    const barY = narrow ? y + 18 : y + 4;
    const barH = narrow ? rowH - 22 : rowH - 8;
    if (narrow) text(0, y + 13, b.label);
    else text(labelW - 8, y + rowH / 2 + 4, b.label, 'end');
    const w = b.value === null ? 0 : Math.max(2, (b.value / max) * barMax);
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(labelW));
    rect.setAttribute('y', String(barY));
    rect.setAttribute('width', String(w));
    rect.setAttribute('height', String(barH));
    rect.setAttribute('class', b.kind === 'measured' ? 'bm-bar-measured' : 'bm-bar-recorded');
    svg.append(rect);
    text(labelW + w + 6, barY + barH / 2 + 4, b.value === null ? b.note : `${fmt(b.value)}${b.note ? ` ${b.note}` : ''}`);
  });
  return svg;
}

/** Mounts the Benchmarks view into `root`; the returned function stops a run and removes the view. */
export const mount: MountView = (root) => {
  const removeStyle = addStyle(CSS);
  const sections = parseBenchmarks(benchmarksMd);
  const abort = new AbortController();
  const results = new Map<string, Measurement | string>();
  let webgpuReason: string | null | undefined;

  const runBtn = h('button', { type: 'button', class: 'bm-primary', 'data-testid': 'run-benchmarks' }, 'Run benchmarks');
  const status = h('p', { class: 'bm-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'bench-status' }, 'Press Run: each row runs for about half a second per backend.');
  const charts = h('div', { class: 'bm-charts' });
  const cpuInfo = h('p', { class: 'bm-status', 'data-testid': 'bench-cpu-info' });
  const tbody = h('tbody');
  const sources = h('ul', { class: 'bm-sources' });

  // where the recorded figures come from: each section used, with its date and machine
  const used = new Map<string, Recorded>();
  for (const row of ROWS) for (const d of DEVICES) {
    const r = recorded(sections, row.label, d);
    if (r) used.set(r.section.title, r);
  }
  for (const r of used.values()) {
    sources.append(h('li', { 'data-testid': 'bench-source' }, h('strong', {}, r.section.title), r.section.machine ? ` — ${r.section.machine}` : ''));
  }

  const view = h(
    'section',
    { class: 'bm', 'aria-labelledby': 'bm-title' },
    h('h2', { id: 'bm-title' }, 'Benchmarks'),
    h('p', {}, 'A short run, in this browser, of a matrix product and of one training step of a small MLP on each backend available here, beside the figures the repository’s ', h('code', {}, 'BENCHMARKS.md'), ' recorded (', h('code', {}, 'pnpm bench'), ' under Node). Longer bars are faster.'),
    h('div', { class: 'bm-run' }, runBtn, status),
    cpuInfo,
    charts,
    h(
      'table',
      { class: 'bm-table', 'data-testid': 'bench-table' },
      h('caption', {}, 'All figures (throughput: larger is faster)'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), h('th', { scope: 'col' }, 'Backend'), h('th', { scope: 'col' }, 'This browser'), h('th', { scope: 'col' }, 'BENCHMARKS.md'))),
      tbody,
    ),
    h('h3', {}, 'Recorded figures: when and where'),
    sources,
  );
  root.append(view);

  const render = (): void => {
    charts.replaceChildren();
    tbody.replaceChildren();
    ROWS.forEach((row, ri) => {
      const bars: Bar[] = [];
      for (const d of DEVICES) {
        const m = results.get(`${d}/${row.label}`);
        const note = d === 'webgpu' && webgpuReason ? 'unavailable here' : m === undefined ? 'not run yet' : typeof m === 'string' ? m : '';
        bars.push({ label: `${d} · this browser`, value: typeof m === 'object' ? m.value : null, note, kind: 'measured' });
      }
      for (const d of DEVICES) {
        const r = recorded(sections, row.label, d);
        if (!r) bars.push({ label: `${d} · BENCHMARKS.md`, value: null, note: 'no such row recorded', kind: 'recorded' });
        else r.values.forEach((v, i) => bars.push({ label: `${d} · BENCHMARKS.md${r.values.length > 1 ? ` ${r.labels[i]!.replace(/^new, /, '')}` : ''}`, value: v, note: '', kind: 'recorded' }));
      }
      const width = Math.min(720, Math.max(260, Math.floor(charts.clientWidth || 640)));
      charts.append(h('figure', { class: 'bm-figure' }, h('figcaption', {}, `${row.label} (${row.unit})`), chart(row.label, row.unit, bars, width)));
      for (const d of DEVICES) {
        const m = results.get(`${d}/${row.label}`);
        const r = recorded(sections, row.label, d);
        const mine =
          d === 'webgpu' && webgpuReason ? `unavailable: ${webgpuReason}` : m === undefined ? '—' : typeof m === 'string' ? m : `${fmt(m.value)} ${m.unit} (${m.ms.toFixed(m.ms < 10 ? 2 : 1)} ms, ${m.iterations} runs)`;
        const rec = r ? `${r.values.map(fmt).join(', ')} ${r.unit}${r.section.date ? ` (${r.section.date})` : ''}` : '—';
        tbody.append(h('tr', {}, h('th', { scope: 'row' }, row.label), h('td', {}, d), h('td', { 'data-testid': `bench-${d}-${ri}` }, mine), h('td', {}, rec)));
      }
    });
  };

  const run = async (): Promise<void> => {
    runBtn.disabled = true;
    results.clear();
    render();
    try {
      status.textContent = 'Loading the library…';
      const torch = await import('antorcha');

      for (const d of DEVICES) {
        let sync = async (): Promise<void> => {};
        if (d === 'webgpu') {
          webgpuReason ??= await webgpuUnavailableReason();
          if (webgpuReason) {
            render();
            continue;
          }
          status.textContent = 'Starting WebGPU…';
          const wg = await import('@antorcha/backend-webgpu');
          await wg.initWebGPU();
          sync = () => wg.webgpu.synchronize();
        }
        for (const row of ROWS) {
          if (abort.signal.aborted) return;
          status.textContent = `Running ${row.label} on ${d}…`;
          try {
            const m = await measure(torch, row, d, sync, { budgetMs: 400, minIterations: d === 'cpu' ? 5 : 2, signal: abort.signal });
            if (m) results.set(`${d}/${row.label}`, m);
          } catch (e) {
            results.set(`${d}/${row.label}`, `failed: ${e instanceof Error ? e.message : String(e)}`);
          }
          if (abort.signal.aborted) return;
          render();
        }
        if (d === 'cpu') {
          // read after the rows ran: the WebAssembly kernels load with the first op
          const cpu = torch.backends.cpu;
          cpuInfo.textContent = `CPU backend here: ${cpu.getCpuCapability()} kernels, ${torch.getNumThreads()} thread(s), ${cpu.sharedMemory() ? 'shared' : 'unshared'} WebAssembly memory (${navigator.hardwareConcurrency} logical cores reported).`;
        }
      }
      status.textContent = 'Done. Run again to repeat (figures vary from run to run, more so while other work runs).';
    } catch (e) {
      status.textContent = `The run failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      if (!abort.signal.aborted) runBtn.disabled = false;
    }
  };
  runBtn.addEventListener('click', () => void run());

  void webgpuUnavailableReason().then((reason) => {
    if (abort.signal.aborted) return;
    webgpuReason = reason;
    render();
  });
  render();

  // the charts are drawn for their box's width: redraw when it changes
  let lastWidth = charts.clientWidth;
  const onResize = (): void => {
    if (charts.clientWidth !== lastWidth) {
      lastWidth = charts.clientWidth;
      render();
    }
  };
  globalThis.addEventListener('resize', onResize);

  return () => {
    abort.abort();
    globalThis.removeEventListener('resize', onResize);
    view.remove();
    removeStyle();
  };
};
