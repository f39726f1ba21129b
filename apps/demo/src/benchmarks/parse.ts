// Reads the recorded figures out of the repository's BENCHMARKS.md (imported as text at build
// time), so the page shows what the file says and nothing typed by hand.

/** A `## ` section of BENCHMARKS.md with its tables. */
export interface Section {
  title: string;
  /** The first YYYY-MM-DD date in the title, or null. */
  date: string | null;
  /** Where the figures were measured, in the file's words (markdown removed). */
  machine: string;
  tables: Table[];
}

/** A markdown table: header cells and rows of cells (markdown kept). */
export interface Table {
  header: string[];
  rows: string[][];
}

/** A recorded figure for one benchmark row. */
export interface Recorded {
  /** Section title, date and machine it comes from. */
  section: Section;
  /** The table row's label as written in the file. */
  row: string;
  unit: string;
  /** One value per run the table lists (one where it has an `antorcha` column). */
  values: number[];
  /** What each value is, e.g. `antorcha`, `new, run 1`. */
  labels: string[];
}

const stripMarkdown = (s: string): string =>
  s
    .replace(/\*\*|__|`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

function machineOf(body: string): string {
  const m = /Machine:\s*([\s\S]+?)(?:;|\.\s|\n\n)/.exec(body);
  if (m) return stripMarkdown(m[1]!);
  // otherwise the first paragraph's first two sentences (e.g. "No GPU was lent to this task: …")
  const para = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p !== '' && !p.startsWith('|'));
  if (!para) return '';
  const text = stripMarkdown(para);
  return text
    .split(/(?<=\.)\s+/)
    .slice(0, 2)
    .join(' ');
}

/** Splits BENCHMARKS.md into its `## ` sections and their tables, in file order (newest first there). */
export function parseBenchmarks(md: string): Section[] {
  const sections: Section[] = [];
  const parts = md.split(/^## /m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const title = stripMarkdown(nl < 0 ? part : part.slice(0, nl));
    const body = nl < 0 ? '' : part.slice(nl + 1);
    const tables: Table[] = [];
    const lines = body.split('\n');
    for (let i = 0; i < lines.length; i++) {
      // a table: a header row, then a |---| separator row
      if (lines[i]!.trim().startsWith('|') && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? '')) {
        const header = cells(lines[i]!);
        const rows: string[][] = [];
        let j = i + 2;
        for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) rows.push(cells(lines[j]!));
        tables.push({ header, rows });
        i = j - 1;
      }
    }
    sections.push({ title, date: /\d{4}-\d{2}-\d{2}/.exec(title)?.[0] ?? null, machine: machineOf(body), tables });
  }
  return sections;
}

/** Units the tables use. */
const UNIT = /\b(GFLOP\/s|GB\/s|M elem\/s|steps\/s|µs\/op|ms)\b/;

/** The leading number of a cell ("1.25", "0.02 vs 0.05 GFLOP/s: 0.44×", "6,583"), or null. */
export function leadingNumber(cell: string): number | null {
  const m = /^\s*([0-9][0-9,]*(?:\.[0-9]+)?)/.exec(stripMarkdown(cell));
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

/**
 * The newest figures for the row whose label starts with `rowPrefix`, from the first section
 * (the file lists the newest first) whose title contains `sectionTitle`. Tables with an
 * `antorcha` column give that column; tables of runs ("new, run 1", "new, run 2", "before …")
 * give each run's leading number except the "before" ones. Null where no section has the row.
 */
export function recordedFigure(sections: readonly Section[], sectionTitle: string, rowPrefix: string): Recorded | null {
  for (const section of sections) {
    if (!section.title.includes(sectionTitle)) continue;
    for (const table of section.tables) {
      const label0 = (r: string[]): string => stripMarkdown(r[0] ?? '');
      // the row itself if the table has it, else the first that starts with it
      const row = table.rows.find((r) => label0(r) === rowPrefix) ?? table.rows.find((r) => label0(r).startsWith(rowPrefix));
      if (!row) continue;
      const h = table.header.map((x) => stripMarkdown(x).toLowerCase());
      const unitCol = h.indexOf('unit');
      const label = stripMarkdown(row[0]!);
      const col = h.indexOf('antorcha');
      if (col >= 0) {
        const v = leadingNumber(row[col] ?? '');
        if (v === null) continue;
        return { section, row: label, unit: unitCol >= 0 ? stripMarkdown(row[unitCol]!) : '', values: [v], labels: ['antorcha'] };
      }
      const values: number[] = [];
      const labels: string[] = [];
      h.forEach((name, i) => {
        if (i === 0 || name.startsWith('before') || name === 'unit') return;
        const v = leadingNumber(row[i] ?? '');
        if (v !== null) {
          values.push(v);
          labels.push(stripMarkdown(table.header[i]!));
        }
      });
      if (values.length === 0) continue;
      // such tables name the unit in a cell ("0.02 vs 0.05 GFLOP/s: 0.44×"), often only in the
      // first row of a family ("matmul …"), or in the label ("… batch 64 (steps/s)")
      const unitIn = (r: string[]): string | undefined => UNIT.exec(r.map(stripMarkdown).join(' | '))?.[1];
      const family = label.split(' ')[0];
      const unit = unitIn(row) ?? table.rows.filter((r) => stripMarkdown(r[0] ?? '').split(' ')[0] === family).map(unitIn).find((u) => u !== undefined) ?? '';
      return { section, row: label, unit, values, labels };
    }
  }
  return null;
}
