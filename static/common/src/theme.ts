/**
 * Theme setup shared by every app: ask the host for theming, then set Atlaskit's theme attributes for the
 * host's colour mode, and follow the host when it switches between light and dark.
 * The token CSS itself is extracted at build time (static/build.mjs, `virtual:accord-tokens.css`), so the
 * loader passed to setGlobalTheme does nothing: Atlaskit's default loader would inject <style> elements,
 * which a Forge CSP without 'unsafe-inline' refuses.
 */
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';

type ColorMode = 'light' | 'dark';

const themeState = (colorMode: ColorMode) =>
  ({ light: 'light', dark: 'dark', colorMode, spacing: 'spacing', typography: 'typography' }) as const;

const noLoader = (): void => undefined;

export async function setUpTheme(): Promise<void> {
  await view.theme.enable();
  const context = await view.getContext();
  let applied: ColorMode = context.theme?.colorMode === 'dark' ? 'dark' : 'light';
  await setGlobalTheme(themeState(applied), noLoader);
  // The host flips `data-color-mode` on our <html> when the viewer switches theme; load that theme too.
  new MutationObserver(() => {
    const mode = document.documentElement.getAttribute('data-color-mode');
    if ((mode === 'light' || mode === 'dark') && mode !== applied) {
      applied = mode;
      void setGlobalTheme(themeState(mode), noLoader);
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-color-mode'] });
}
