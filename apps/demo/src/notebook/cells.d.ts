/** The notebook's cells, from src/notebook/cells/ (built by vite.config.ts's plugin). */
declare module 'virtual:notebook-cells' {
  /** One cell: its name (`generate-data`), TypeScript source and transpiled script (see rewrite.ts). */
  const cells: { name: string; source: string; script: { code: string; declared: string[] } }[];
  export default cells;
}
