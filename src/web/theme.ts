// Light/dark theme: follows prefers-color-scheme until the user picks one with the toggle (kept in
// localStorage); exposes the palette charts need, read from the CSS variables.

export type ThemeName = 'light' | 'dark';
const STORAGE_KEY = 'tidemark-theme';

/** The theme in force: the stored choice, else the system preference. */
export function currentTheme(): ThemeName {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Sets data-theme on <html>; `persist` stores the choice. */
export function applyTheme(theme: ThemeName, persist = false): void {
  document.documentElement.dataset['theme'] = theme;
  if (persist) safeStorage()?.setItem(STORAGE_KEY, theme);
}

export interface Palette {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly up: string;
  readonly down: string;
  readonly accent: string;
  readonly series: readonly string[];
}

/** Chart colours for the theme in force, from the CSS custom properties. */
export function palette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string): string => css.getPropertyValue(name).trim();
  return {
    text: v('--fg'),
    muted: v('--muted'),
    grid: v('--grid'),
    background: v('--card'),
    up: v('--up'),
    down: v('--down'),
    accent: v('--accent'),
    series: [v('--s1'), v('--s2'), v('--s3'), v('--s4'), v('--s5'), v('--s6'), v('--s7'), v('--s8')],
  };
}
