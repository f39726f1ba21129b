import { defineConfig } from 'vitepress';

// The site builds into apps/docs/dist (git-ignored); `npm run docs:build` at the root runs it.
export default defineConfig({
  title: 'Antorcha',
  description: 'PyTorch for TypeScript',
  outDir: 'dist',
  srcExclude: ['README.md', 'node_modules/**', 'doctest/**', 'test/**'],
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  themeConfig: {
    search: { provider: 'local' },
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Tutorial', link: '/tutorial/notebook' },
      { text: 'Coming from PyTorch', link: '/guide/coming-from-pytorch' },
      // TypeDoc's pages are not VitePress routes: target '_self' makes the router load them
      // (kept out of the sidebar, whose prev/next links drop the target)
      { text: 'API', link: '/api/index.html', target: '_self' },
      { text: 'Contributing', link: '/contributing/adding-an-op' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/guide/getting-started' },
          { text: 'Tensors', link: '/guide/tensors' },
          { text: 'Reproducibility', link: '/guide/reproducibility' },
          { text: 'Autograd', link: '/guide/autograd' },
          { text: 'Building and training models', link: '/guide/models' },
          { text: 'Devices and memory', link: '/guide/devices' },
          { text: 'Saving and loading', link: '/guide/saving-loading' },
          { text: 'Performance', link: '/guide/performance' },
          { text: 'Writing a backend', link: '/guide/writing-a-backend' },
        ],
      },
      {
        text: 'Tutorial',
        items: [{ text: 'Tensors, step by step', link: '/tutorial/notebook' }],
      },
      {
        text: 'Reference',
        items: [
          { text: 'Coming from PyTorch', link: '/guide/coming-from-pytorch' },
          { text: 'Every PyTorch name', link: '/reference/pytorch-mapping' },
        ],
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
