// The Benchmarks view's styles (scoped by the `bm-` prefix; added on mount, removed on unmount).

/** The Benchmarks view's CSS. */
export const CSS = `
.bm-run { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; margin: 0.8rem 0; }
.bm button { font: inherit; padding: 0.45rem 1rem; border-radius: 5px; border: 1px solid #8a3600; background: #b04500; color: #fff; font-weight: 600; cursor: pointer; }
.bm button:disabled { background: #999; border-color: #777; cursor: progress; }
.bm button:focus-visible { outline: 3px solid #1f6fb2; outline-offset: 2px; }
.bm-status { margin: 0 0 0.6rem; color: #333; font-size: 0.92rem; }
.bm-charts { display: grid; grid-template-columns: 1fr; gap: 0.6rem; }
.bm-figure { margin: 0; }
.bm-figure figcaption { font-weight: 600; font-size: 0.95rem; margin-bottom: 0.2rem; }
.bm-chart { display: block; max-width: 100%; font: 13px system-ui, sans-serif; fill: #222; }
.bm-bar-measured { fill: rgb(211,84,0); }
.bm-bar-recorded { fill: rgb(31,111,178); }
.bm-table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; width: 100%; max-width: 52rem; }
.bm-table caption { text-align: left; font-weight: 600; margin-bottom: 0.3rem; }
.bm-table th, .bm-table td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.bm-table td { font-variant-numeric: tabular-nums; }
.bm-sources { font-size: 0.88rem; color: #333; padding-left: 1.2rem; }
.bm-sources li { margin: 0.3rem 0; }
@media (max-width: 44rem) {
  .bm-table { font-size: 0.8rem; }
  .bm-table th, .bm-table td { padding: 0.25rem 0.3rem; }
}
`;
