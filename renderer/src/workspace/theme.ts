// Light and dark themes: the choice (System follows the operating system's prefers-color-scheme), remembered, and
// applied as data-theme on <html>, which theme.css keys its dark colour set on. Resolved here rather than by a
// media query in the stylesheet so the dark colours are written once, and `color-scheme` (form controls,
// scrollbars) follows the same answer.

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];
export type Theme = Exclude<ThemeChoice, 'system'>;

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function themeFromSetting(text: string | null): ThemeChoice {
  return themeChoices.find((choice) => choice === text) ?? 'system';
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function resolveTheme(choice: ThemeChoice, prefersDark: boolean): Theme {
  return choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
}

/** Applies the choice now and whenever it or the system's preference changes; returns the way to stop. */
export function followTheme(current: () => ThemeChoice, subscribe: (listener: () => void) => () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  const apply = () => {
    document.documentElement.dataset.theme = resolveTheme(current(), query.matches);
  };
  apply();
  query.addEventListener('change', apply);
  const unsubscribe = subscribe(apply);
  return () => {
    query.removeEventListener('change', apply);
    unsubscribe();
  };
}
