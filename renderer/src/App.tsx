// The console's one screen: sessions and compose on the left, the PDU trace filling the right with Sent and Inbox
// as tabs under it — everything an engineer follows a message through, visible at once, in panes that resize and
// collapse (components/workspace/).
import { ConnectionBanner } from './components/ConnectionBanner';
import { LifecycleDialog } from './components/lifecycle/LifecycleDialog';
import { AppBar } from './components/workspace/AppBar';
import { Workspace } from './components/workspace/Workspace';

export function App() {
  return (
    <div className="app">
      <AppBar />
      <ConnectionBanner />
      <Workspace />
      <LifecycleDialog />
    </div>
  );
}
