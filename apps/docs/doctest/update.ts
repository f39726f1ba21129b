/**
 * Update mode (`DOCTEST_UPDATE=1`): rewrites the shown ```` ```text ```` block of each
 * example with what it printed, in markdown and in TSDoc (keeping the ` * ` prefix).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Example } from './extract.js';

/** True when the doctests should rewrite shown outputs instead of failing on them. */
export const UPDATE = process.env['DOCTEST_UPDATE'] === '1';

const pending = new Map<string, { ex: Example; printed: string }[]>();

/** Records what an example printed, to be written back by {@link applyUpdates}. */
export function recordOutput(ex: Example, printed: string): void {
  const list = pending.get(ex.file) ?? [];
  list.push({ ex, printed });
  pending.set(ex.file, list);
}

/** Writes the recorded outputs into their files (bottom-up so line numbers stay valid). */
export function applyUpdates(): number {
  let changed = 0;
  for (const [file, list] of pending) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const eol = (p: string): string => p.replace(/\s+$/, '');
    for (const { ex, printed } of [...list].sort((a, b) => b.ex.line - a.ex.line)) {
      const shown = printed === '' ? [] : printed.split('\n');
      const block = shown.length
        ? [`${ex.prefix}\`\`\`text`, ...shown.map((l) => (l === '' ? eol(ex.prefix) : ex.prefix + l)), `${ex.prefix}\`\`\``]
        : [];
      if (ex.output) lines.splice(ex.output.open - 1, ex.output.close - ex.output.open + 1, ...block);
      // A new block in markdown gets a blank line before it; in TSDoc it follows the code directly.
      else if (block.length) lines.splice(ex.close, 0, ...(ex.prefix.includes('*') ? block : ['', ...block]));
      changed++;
    }
    writeFileSync(file, lines.join('\n'));
  }
  pending.clear();
  return changed;
}
