// The Playground's styles (scoped by the `pg-` prefix; added on mount, removed on unmount).
// Buttons use a darker orange than the charts: white text on it has a contrast of 5.7 (WCAG AA asks 4.5).

/** The Playground view's CSS. */
export const CSS = `
.pg { --pg-blue: rgb(31,111,178); --pg-orange: rgb(211,84,0); }
.pg-intro { color: #333; max-width: 46rem; }
.pg-layout { display: grid; grid-template-columns: minmax(15rem, 18rem) 1fr; gap: 1.5rem; align-items: start; }
.pg-controls fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 0 0 0.8rem; padding: 0.4rem 0.8rem 0.6rem; }
.pg-controls legend { font-weight: 600; padding: 0 0.3rem; }
.pg-field { display: grid; grid-template-columns: 8.5rem 1fr; align-items: center; gap: 0.5rem; margin: 0.35rem 0; }
.pg-field label { font-size: 0.92rem; }
.pg-field select, .pg-field input { font: inherit; font-size: 0.92rem; padding: 0.2rem 0.3rem; min-width: 0; border: 1px solid #888; border-radius: 4px; background: #fff; color: #111; }
.pg-note { font-size: 0.82rem; color: #555; margin: 0.2rem 0 0.4rem; }
.pg-buttons { display: flex; gap: 0.5rem; margin: 0.5rem 0; flex-wrap: wrap; }
.pg button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 5px; border: 1px solid #666; background: #f4f4f4; color: #111; cursor: pointer; }
.pg button:hover { background: #e8e8e8; }
.pg button.pg-primary { background: #b04500; border-color: #8a3600; color: #fff; min-width: 6rem; font-weight: 600; }
.pg button.pg-primary[aria-pressed="true"] { background: #333; border-color: #111; }
.pg button:focus-visible, .pg select:focus-visible, .pg input:focus-visible { outline: 3px solid #1f6fb2; outline-offset: 2px; }
.pg-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.pg-stats { display: flex; flex-wrap: wrap; gap: 0.5rem 1.2rem; margin-bottom: 0.3rem; }
.pg-stat { display: flex; flex-direction: column; min-width: 4.5rem; }
.pg-stat span { font-size: 0.78rem; color: #555; text-transform: uppercase; letter-spacing: 0.03em; }
.pg-stat output { font-size: 1.15rem; font-variant-numeric: tabular-nums; font-weight: 600; }
.pg-status { color: #333; font-size: 0.9rem; margin: 0.3rem 0; min-height: 1.3em; }
.pg-error { color: #a00; background: #fff0f0; border: 1px solid #e0b0b0; padding: 0.4rem 0.6rem; border-radius: 4px; white-space: pre-wrap; font-size: 0.9rem; }
.pg-figure { margin: 0.6rem 0; }
.pg-figure figcaption { font-size: 0.82rem; color: #444; margin-top: 0.2rem; }
.pg-heatmap { display: block; width: min(100%, 26rem); aspect-ratio: 1; }
.pg-curve { display: block; width: min(100%, 26rem); height: 9rem; }
.pg-key { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 50%; margin: 0 0.25rem 0 0.4rem; vertical-align: -0.05rem; }
.pg-key0 { background: var(--pg-blue); }
.pg-key1 { background: var(--pg-orange); }
@media (max-width: 44rem) {
  .pg-layout { grid-template-columns: 1fr; }
}
`;
