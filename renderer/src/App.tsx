// The console's one screen: sessions and compose on the left, the PDU trace filling the right, the inbox
// along the bottom — everything an engineer follows a message through, visible at once.
import { Compose } from './components/Compose';
import { ConnectionBanner } from './components/ConnectionBanner';
import { Inbox } from './components/Inbox';
import { Sessions } from './components/Sessions';
import { Trace } from './components/Trace';

export function App() {
  return (
    <div className="app">
      <ConnectionBanner />
      <main className="layout">
        <Sessions />
        <Compose />
        <Trace />
        <Inbox />
      </main>
    </div>
  );
}
