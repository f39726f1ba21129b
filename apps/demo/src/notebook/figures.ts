/**
 * The notebook's two figures, drawn as SVG: the single neuron (static) and Activity 1's
 * 3-2-1 network, which shows the live values of the notebook's variables.
 */
import { diagramText, type Lang } from './prose.js';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// `id` names the figure's arrow-head marker, unique on the page.
function svgRoot(width: number, height: number, label: string, id: string): SVGSVGElement {
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'figure-svg' });
  const defs = el('defs', {});
  // Sized in user units, so that thick edges (large weights) keep small arrow heads.
  const marker = el('marker', { id: `arrow-${id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  defs.append(marker);
  svg.append(defs);
  return svg;
}

/** The single neuron: inputs x₁…xₙ, weights on the edges, Σ with the bias, the activation f, the output y. */
export function neuronFigure(lang: Lang): SVGSVGElement {
  const label = lang === 'es' ? 'Diagrama de una neurona' : 'Diagram of one neuron';
  const svg = svgRoot(560, 250, label, 'neuron');
  const arrow = 'url(#arrow-neuron)';
  const inputs = [
    { y: 45, name: 'x₁', w: 'w₁' },
    { y: 115, name: 'x₂', w: 'w₂' },
    { y: 205, name: 'xₙ', w: 'wₙ' },
  ];
  const sum = { x: 300, y: 125 };
  for (const i of inputs) {
    svg.append(el('line', { x1: 82, y1: i.y, x2: sum.x - 34, y2: sum.y + (i.y - sum.y) * 0.12, class: 'edge', 'marker-end': arrow }));
    svg.append(el('circle', { cx: 60, cy: i.y, r: 22, class: 'node input' }));
    svg.append(el('text', { x: 60, y: i.y + 5, class: 'node-label' }, i.name));
    const tx = 82 + (sum.x - 34 - 82) * 0.45;
    const ty = i.y + (sum.y - i.y) * 0.45 - 8;
    svg.append(el('text', { x: tx, y: ty, class: 'edge-label' }, i.w));
  }
  svg.append(el('text', { x: 60, y: 165, class: 'node-label muted' }, '⋮'));
  // The bias enters the sum from above.
  svg.append(el('line', { x1: sum.x, y1: 40, x2: sum.x, y2: sum.y - 34, class: 'edge', 'marker-end': arrow }));
  svg.append(el('text', { x: sum.x + 14, y: 40, class: 'edge-label start' }, lang === 'es' ? 'b (sesgo)' : 'b (bias)'));
  svg.append(el('circle', { cx: sum.x, cy: sum.y, r: 32, class: 'node hidden' }));
  svg.append(el('text', { x: sum.x, y: sum.y + 9, class: 'node-label big' }, 'Σ'));
  svg.append(el('line', { x1: sum.x + 32, y1: sum.y, x2: 398, y2: sum.y, class: 'edge', 'marker-end': arrow }));
  svg.append(el('rect', { x: 400, y: sum.y - 24, width: 56, height: 48, rx: 8, class: 'node output' }));
  svg.append(el('text', { x: 428, y: sum.y + 6, class: 'node-label' }, 'f'));
  svg.append(el('line', { x1: 456, y1: sum.y, x2: 512, y2: sum.y, class: 'edge', 'marker-end': arrow }));
  svg.append(el('text', { x: 530, y: sum.y + 6, class: 'node-label' }, 'y'));
  return svg;
}

/** A 2-D array of numbers, or null when `v` is not a tensor of that many elements on a readable device. */
type Tensorish = { tolist(): unknown; numel(): number; grad?: Tensorish | null };

function values(v: unknown, n: number): number[] | null {
  const t = v as Tensorish | undefined;
  if (!t || typeof t !== 'object' || typeof t.tolist !== 'function' || typeof t.numel !== 'function') return null;
  try {
    if (t.numel() !== n) return null;
    const flat = [t.tolist()].flat(4) as unknown[];
    return flat.every((x) => typeof x === 'number') ? (flat as number[]) : null;
  } catch {
    return null; // e.g. a WebGPU tensor, which needs an asynchronous read
  }
}

function grad(v: unknown, n: number): number[] | null {
  const t = v as Tensorish | undefined;
  return t && typeof t === 'object' && 'grad' in t ? values(t.grad, n) : null;
}

/** Four decimals, as PyTorch prints these tensors. */
const fmt = (x: number): string => x.toFixed(4);

/** The live 3-2-1 network of Activity 1. */
export interface NetworkDiagram {
  /** The figure's element. */
  element: SVGSVGElement;
  /** Redraws the values from the notebook's variables (`features`, `W1`, `B1`, `h1`, `W2`, `B2`, `output`). */
  update(vars: Record<string, unknown>): void;
  /** Redraws the labels in `lang`. */
  setLang(lang: Lang): void;
}

/** Draws Activity 1's network; its values come from {@link NetworkDiagram.update}. */
export function networkDiagram(initialLang: Lang): NetworkDiagram {
  let lang = initialLang;
  const svg = svgRoot(720, 410, 'network', 'network');
  const arrow = 'url(#arrow-network)';
  const X = [{ x: 80, y: 65 }, { x: 80, y: 195 }, { x: 80, y: 325 }];
  const H = [{ x: 400, y: 130 }, { x: 400, y: 260 }];
  const O = { x: 640, y: 195 };
  const R = 34;
  // Lines below the nodes, every label above both.
  const edgeGroup = el('g', {});
  const nodeGroup = el('g', {});
  const labelGroup = el('g', {});
  svg.append(edgeGroup, nodeGroup, labelGroup);

  interface Edge { line: SVGLineElement; box: SVGRectElement; w: SVGTSpanElement; g: SVGTSpanElement; x: number; y: number }
  const edge = (a: { x: number; y: number }, b: { x: number; y: number }, t: number, name: string): Edge => {
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    const line = el('line', { x1: a.x + ux * R, y1: a.y + uy * R, x2: b.x - ux * (R + 2), y2: b.y - uy * (R + 2), class: 'edge', 'marker-end': arrow });
    const lx = a.x + (b.x - a.x) * t;
    const ly = a.y + (b.y - a.y) * t;
    // The label sits on the line, over a box of the figure's background (sized in setEdge).
    const box = el('rect', { class: 'label-box', rx: 3 });
    const text = el('text', { x: lx, y: ly, class: 'edge-label', 'data-edge': name });
    const w = el('tspan', { x: lx, class: 'weight' });
    const g = el('tspan', { x: lx, dy: 14, class: 'grad' });
    text.append(w, g);
    edgeGroup.append(line);
    labelGroup.append(box, text);
    return { line, box, w, g, x: lx, y: ly };
  };
  const w1: Edge[][] = X.map((x, i) => H.map((h, j) => edge(x, h, 0.3, `W1-${i}-${j}`)));
  const w2: Edge[] = H.map((h, j) => edge(h, O, 0.5, `W2-${j}`));

  interface Node { value: SVGTextElement; extra: SVGTextElement }
  const node = (p: { x: number; y: number }, cls: string, name: string): Node => {
    nodeGroup.append(el('circle', { cx: p.x, cy: p.y, r: R, class: `node ${cls}` }));
    nodeGroup.append(el('text', { x: p.x, y: p.y - 2, class: 'node-label' }, name));
    const value = el('text', { x: p.x, y: p.y + 16, class: 'node-value', 'data-node': name });
    const extra = el('text', { x: p.x, y: p.y + R + 16, class: 'node-extra' });
    nodeGroup.append(value);
    labelGroup.append(extra);
    return { value, extra };
  };
  const xs = X.map((p, i) => node(p, 'input', `x${'₁₂₃'[i]}`));
  const hs = H.map((p, j) => node(p, 'hidden', `h${'₁₂'[j]}`));
  const out = node(O, 'output', 'ŷ');
  const layerLabels = [
    el('text', { x: X[0]!.x, y: 22, class: 'layer-label' }),
    el('text', { x: H[0]!.x, y: 22, class: 'layer-label' }),
    el('text', { x: O.x, y: 22, class: 'layer-label' }),
  ];
  const note = el('text', { x: 360, y: 400, class: 'diagram-note' });
  svg.append(...layerLabels, note);

  let state: 'empty' | 'values' | 'grads' = 'empty';
  const drawText = (): void => {
    const [a, b, c] = layerLabels;
    a!.textContent = diagramText.input[lang];
    b!.textContent = diagramText.hidden[lang];
    c!.textContent = diagramText.output[lang];
    note.textContent = state === 'empty' ? diagramText.waiting[lang] : state === 'grads' ? diagramText.grads[lang] : '';
    svg.setAttribute('aria-label', lang === 'es' ? 'Red de la Actividad 1: 3 entradas, 2 unidades ocultas, 1 salida' : 'Activity 1 network: 3 inputs, 2 hidden units, 1 output');
  };
  const setEdge = (e: Edge, w: number | undefined, g: number | undefined): void => {
    e.w.textContent = w === undefined ? '' : `w ${fmt(w)}`;
    e.g.textContent = g === undefined ? '' : `∂ ${fmt(g)}`;
    // Monospaced labels: 12.5px text is about 7.6px per character.
    const chars = Math.max(e.w.textContent.length, e.g.textContent.length);
    const lines = (e.w.textContent ? 1 : 0) + (e.g.textContent ? 1 : 0);
    e.box.setAttribute('x', String(e.x - chars * 3.8 - 4));
    e.box.setAttribute('y', String(e.y - 13));
    e.box.setAttribute('width', String(chars ? chars * 7.6 + 8 : 0));
    e.box.setAttribute('height', String(lines * 14 + 4));
    e.line.classList.toggle('positive', w !== undefined && w >= 0);
    e.line.classList.toggle('negative', w !== undefined && w < 0);
    e.line.style.strokeWidth = w === undefined ? '' : String(1.2 + Math.min(Math.abs(w), 2) * 1.6);
  };

  const update = (vars: Record<string, unknown>): void => {
    const x = values(vars.features, 3);
    const W1 = values(vars.W1, 6);
    const W2 = values(vars.W2, 2);
    const B1 = values(vars.B1, 2);
    const B2 = values(vars.B2, 1);
    const h1 = values(vars.h1, 2);
    const y = values(vars.output, 1);
    const gW1 = grad(vars.W1, 6);
    const gW2 = grad(vars.W2, 2);
    const gB1 = grad(vars.B1, 2);
    const gB2 = grad(vars.B2, 1);
    xs.forEach((n, i) => (n.value.textContent = x ? fmt(x[i]!) : ''));
    hs.forEach((n, j) => {
      n.value.textContent = h1 ? fmt(h1[j]!) : '';
      n.extra.textContent = B1 ? `b ${fmt(B1[j]!)}${gB1 ? `  ∂ ${fmt(gB1[j]!)}` : ''}` : '';
    });
    out.value.textContent = y ? fmt(y[0]!) : '';
    out.extra.textContent = B2 ? `b ${fmt(B2[0]!)}${gB2 ? `  ∂ ${fmt(gB2[0]!)}` : ''}` : '';
    w1.forEach((row, i) => row.forEach((e, j) => setEdge(e, W1?.[i * 2 + j], gW1?.[i * 2 + j])));
    w2.forEach((e, j) => setEdge(e, W2?.[j], gW2?.[j]));
    state = gW1 || gW2 ? 'grads' : x || W1 ? 'values' : 'empty';
    drawText();
  };
  drawText();
  return {
    element: svg,
    update,
    setLang(l) {
      lang = l;
      drawText();
    },
  };
}
