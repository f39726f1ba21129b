// The demo's entry point: the shell's styles and its hash router. Each view is its own chunk.
import './shell/styles.css';
import { startRouter } from './shell/router.js';

startRouter(document.getElementById('view')!, document.querySelectorAll<HTMLAnchorElement>('.app-nav a[data-view]'));
