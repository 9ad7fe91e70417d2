// Entry: connect to the host (Electron bridge or browser WebSocket), build the store, start syncing, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from './api/connect-host';
import { App } from './App';
import { ConsoleStoreContext } from './store/console-context';
import { createConsoleStore } from './store/console-store';
import { startConsoleSync } from './store/console-sync';
import './styles/theme.css';
import './styles/layout.css';
import './styles/compose.css';
import './styles/trace.css';
import './styles/profiles.css';

const host = connectHost();
const store = createConsoleStore(host.api);
host.onLost(() => store.getState().markConnectionLost());
startConsoleSync(store, host.api);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ConsoleStoreContext value={store}>
      <App />
    </ConsoleStoreContext>
  </StrictMode>,
);
