// The strip above the panes: the console's name (the page's one h1) and the settings of the screen itself — the
// theme, and putting the panes back where they started. Kept to one short line: at 1280×720 every row of pixels
// is a row of trace.
import { useId } from 'react';
import { useConsole } from '../../store/console-context';
import { THEME_LABELS, themeChoices, type ThemeChoice } from '../../workspace/theme';

export function AppBar() {
  const theme = useConsole((state) => state.theme);
  const setTheme = useConsole((state) => state.setTheme);
  const resetLayout = useConsole((state) => state.resetLayout);
  const themeId = useId();
  return (
    <header className="appbar">
      <h1>SMPP Console</h1>
      <button type="button" className="appbar__reset" onClick={resetLayout} title="Every pane back to its first size, none collapsed">
        Reset layout
      </button>
      <label htmlFor={themeId}>Theme</label>
      <select id={themeId} value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
        {themeChoices.map((choice) => (
          <option key={choice} value={choice}>
            {THEME_LABELS[choice]}
          </option>
        ))}
      </select>
    </header>
  );
}
