// Entry: connect to the host (Electron bridge or browser WebSocket), build the store, start syncing, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from './api/connect-host';
import { App } from './App';
import { ConsoleStoreContext } from './store/console-context';
import { createConsoleStore } from './store/console-store';
import { startConsoleSync } from './store/console-sync';
import { followTheme } from './workspace/theme';
import './styles/theme.css';
import './styles/layout.css';
import './styles/compose.css';
import './styles/trace.css';
import './styles/trace-layout.css';
import './styles/inbox.css';
import './styles/profiles.css';
import './styles/workspace.css';
import './styles/lifecycle.css';
import './styles/load.css';
import './styles/simulator.css';

const host = connectHost();
const store = createConsoleStore(host.api);
host.onLost(() => store.getState().markConnectionLost());
startConsoleSync(store, host.api);
// Before the first render, so the page never flashes the other theme.
followTheme(
  () => store.getState().theme,
  (listener) => store.subscribe((state, previous) => state.theme !== previous.theme && listener()),
);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ConsoleStoreContext value={store}>
      <App />
    </ConsoleStoreContext>
  </StrictMode>,
);
