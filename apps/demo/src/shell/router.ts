/**
 * Hash routing between the app's views (`#/notebook`, `#/playground`, `#/benchmarks`). Each view
 * is loaded with a dynamic `import()`, so it is a chunk of its own that downloads when first
 * opened, and it is unmounted (its timers, workers and devices stopped) when another is opened.
 */
import type { MountView } from '../view.js';

/** A view of the app: its label and how to load its module. */
export interface Route {
  label: string;
  load: () => Promise<{ mount: MountView }>;
}

/** The app's views by route name; the first is the default. */
export const routes: Record<string, Route> = {
  notebook: { label: 'Notebook', load: () => import('../notebook/index.js') },
  playground: { label: 'Playground', load: () => import('../playground/index.js') },
  benchmarks: { label: 'Benchmarks', load: () => import('../benchmarks/index.js') },
};
const DEFAULT = 'notebook';

/** The route named by a location hash: `#/playground` → `playground`; null for other hashes (`#main`). */
export function routeOf(hash: string): string | null {
  const m = /^#\/([\w-]*)/.exec(hash);
  if (!m) return hash === '' || hash === '#' ? DEFAULT : null;
  return m[1]! in routes ? m[1]! : DEFAULT;
}

/** Shows the view the location's hash names in `root`, and follows hash changes. */
export function startRouter(root: HTMLElement, links: ArrayLike<HTMLAnchorElement>): void {
  const navLinks = Array.from(links);
  let current: string | null = null;
  let unmount: (() => void) | null = null;
  let token = 0;

  const show = async (name: string, focus: boolean): Promise<void> => {
    if (name === current) return;
    current = name;
    const route = routes[name]!;
    const mine = ++token;
    for (const a of navLinks) {
      if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    document.title = `${route.label} · Antorcha — PyTorch for TypeScript`;
    unmount?.();
    unmount = null;
    const loading = document.createElement('p');
    loading.className = 'view-loading';
    loading.textContent = `Loading ${route.label}…`;
    root.replaceChildren(loading);
    let mod: { mount: MountView };
    try {
      mod = await route.load();
    } catch (e) {
      console.error(e); // also for the end-to-end tests, which fail on console errors
      if (mine !== token) return;
      loading.className = 'view-error';
      loading.textContent = `The ${route.label} view could not be loaded (${(e as Error).message}). Reload the page to try again.`;
      return;
    }
    if (mine !== token) return; // another view was chosen while this one loaded
    root.replaceChildren();
    root.dataset.view = name;
    unmount = mod.mount(root);
    // After a navigation (not the first load), move focus to the new content for keyboard and screen-reader users.
    if (focus) document.getElementById('main')?.focus({ preventScroll: false });
  };

  const onHash = (focus: boolean): void => {
    const name = routeOf(location.hash);
    if (name === null) return; // an in-page anchor such as the skip link
    if (location.hash !== `#/${name}`) history.replaceState(null, '', `#/${name}`);
    void show(name, focus);
  };
  window.addEventListener('hashchange', () => onHash(true));
  onHash(false);
}
