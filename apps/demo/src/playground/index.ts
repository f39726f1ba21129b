// Placeholder while the real view is written: renders a heading, removes it on unmount.
import type { MountView } from '../view.js';

/** Mounts the playground view into `root`. */
export const mount: MountView = (root) => {
  const el = document.createElement('section');
  el.textContent = 'Loading…';
  root.append(el);
  return () => el.remove();
};
