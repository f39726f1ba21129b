// The Playground's two canvases: the decision boundary with the data, and the loss curve.
import { fitCanvas } from './dom.js';
import { EXTENT, GRID } from './protocol.js';

/** Class 0 and class 1 colours (RGB), also used by the CSS legend. */
export const CLASS_RGB: readonly [readonly number[], readonly number[]] = [
  [31, 111, 178],
  [211, 84, 0],
];

/**
 * Paints `grid` (GRID×GRID probabilities of class 1, rows from the top) as a blue–white–orange
 * field, then the points on top; before the first prediction, only a frame.
 */
export function drawHeatmap(canvas: HTMLCanvasElement, grid: Float32Array | null, points: { x: Float32Array; y: Float32Array } | null): void {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (grid && grid.length === GRID * GRID) {
    const img = new ImageData(GRID, GRID);
    for (let i = 0; i < grid.length; i++) {
      const p = grid[i]!;
      const c = CLASS_RGB[p >= 0.5 ? 1 : 0];
      // white at p = 0.5, the class colour (lightened) where the model is sure
      const t = Math.min(1, Math.abs(p - 0.5) * 2) * 0.55;
      img.data[4 * i] = 255 + (c[0]! - 255) * t;
      img.data[4 * i + 1] = 255 + (c[1]! - 255) * t;
      img.data[4 * i + 2] = 255 + (c[2]! - 255) * t;
      img.data[4 * i + 3] = 255;
    }
    const off = new OffscreenCanvas(GRID, GRID);
    off.getContext('2d')!.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, 0, 0, width, height);
  }
  // axes through the origin
  ctx.strokeStyle = 'rgba(0,0,0,0.15)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(width / 2, 0);
  ctx.lineTo(width / 2, height);
  ctx.moveTo(0, height / 2);
  ctx.lineTo(width, height / 2);
  ctx.stroke();
  if (points) {
    const r = Math.max(2.5, Math.min(width, height) / 110);
    for (let i = 0; i < points.y.length; i++) {
      const px = ((points.x[2 * i]! + EXTENT) / (2 * EXTENT)) * width;
      const py = ((EXTENT - points.x[2 * i + 1]!) / (2 * EXTENT)) * height;
      const c = CLASS_RGB[points.y[i]! > 0.5 ? 1 : 0];
      ctx.fillStyle = `rgb(${c[0]},${c[1]},${c[2]})`;
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.strokeStyle = '#888';
  ctx.strokeRect(0.5, 0.5, width - 1, height - 1);
}

/** Draws `losses` (one point per `stride` steps) with a labelled y axis from 0 to the largest loss. */
export function drawLossCurve(canvas: HTMLCanvasElement, losses: readonly number[], stride: number): void {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  const left = 44;
  const bottom = height - 20;
  const top = 8;
  const right = width - 8;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#444';
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, bottom);
  ctx.lineTo(right, bottom);
  ctx.stroke();
  if (losses.length === 0) {
    ctx.fillText('Press Train to start', left + 10, (top + bottom) / 2);
    return;
  }
  let max = 0;
  for (const v of losses) if (Number.isFinite(v)) max = Math.max(max, v);
  max = max > 0 ? max : 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const f of [0, 0.5, 1]) {
    const y = bottom - f * (bottom - top);
    ctx.fillText((max * f).toFixed(2), left - 4, y);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const steps = losses.length * stride;
  ctx.fillText('step 0', left, height - 5);
  ctx.textAlign = 'right';
  ctx.fillText(`step ${steps}`, right, height - 5);
  ctx.strokeStyle = `rgb(${CLASS_RGB[1].join(',')})`;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  const n = Math.max(1, losses.length - 1);
  losses.forEach((v, i) => {
    const x = left + (i / n) * (right - left);
    const y = bottom - (Math.min(Number.isFinite(v) ? v : max, max) / max) * (bottom - top);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
}
