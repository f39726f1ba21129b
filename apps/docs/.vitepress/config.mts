import { defineConfig } from 'vitepress';

// The site builds into apps/docs/dist (git-ignored); `npm run docs:build` at the root runs it.
export default defineConfig({
  title: 'Antorcha',
  description: 'PyTorch for TypeScript',
  outDir: 'dist',
  srcExclude: ['README.md', 'node_modules/**', 'doctest/**', 'test/**'],
  themeConfig: {
    search: { provider: 'local' },
    nav: [
      { text: 'Coming from PyTorch', link: '/reference/pytorch-mapping' },
      { text: 'Contributing', link: '/contributing/adding-an-op' },
    ],
    sidebar: [
      {
        text: 'Reference',
        items: [{ text: 'PyTorch names', link: '/reference/pytorch-mapping' }],
      },
      {
        text: 'Guide',
        items: [{ text: 'Getting started', link: '/guide/getting-started' }],
      },
      {
        text: 'Contributing',
        items: [
          { text: 'Adding an op', link: '/contributing/adding-an-op' },
          { text: 'Adding a backend', link: '/contributing/adding-a-backend' },
        ],
      },
    ],
  },
});
