/** Starts an app: theme first (so the first paint has the right colours), then React. */
import type { ReactElement } from 'react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@atlaskit/css-reset';
// Token themes (light, dark, spacing, ...) as one extracted stylesheet; see static/build.mjs.
import 'virtual:accord-tokens.css';
import { setUpTheme } from './theme';

export function mountApp(app: ReactElement): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html must contain <div id="root">');
  const render = () => createRoot(element).render(<StrictMode>{app}</StrictMode>);
  // A theming failure must not leave the panel blank: render with the default theme instead.
  setUpTheme().then(render, (error: unknown) => {
    console.error('Accord: theme setup failed', error);
    render();
  });
}
