// The renderer's one store, built from slices; each slice keeps its actions beside its state. The ConsoleApi
// is injected so the store can be created against any transport (or a test double of one).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConsoleApi } from '../../../shared/contract';
import { createComposeSlice, type ComposeSlice } from './compose-slice';
import { createDraftsSlice, type DraftsSlice } from './drafts-slice';
import { createHostSlice, type HostSlice } from './host-slice';
import { createInboxActionsSlice, type InboxActionsSlice } from './inbox-actions-slice';
import { createInboxSlice, type InboxSlice } from './inbox-slice';
import { createLifecycleSlice, type LifecycleSlice } from './lifecycle-slice';
import { createLoadSlice, type LoadSlice } from './load-slice';
import { createMessagesSlice, type MessagesSlice } from './messages-slice';
import { createOperationsSlice, type OperationsSlice } from './operations-slice';
import { createProfilesSlice, type ProfilesSlice } from './profiles-slice';
import { createSessionsSlice, type SessionsSlice } from './sessions-slice';
import { createSimulatorSlice, type SimulatorSlice } from './simulator-slice';
import { createTraceSlice, type TraceSlice } from './trace-slice';
import { createTraceToolsSlice, type TraceToolsSlice } from './trace-tools-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

export type ConsoleState = HostSlice &
  ProfilesSlice &
  SessionsSlice &
  TraceSlice &
  TraceToolsSlice &
  MessagesSlice &
  InboxSlice &
  InboxActionsSlice &
  LifecycleSlice &
  OperationsSlice &
  DraftsSlice &
  ComposeSlice &
  LoadSlice &
  WorkspaceSlice &
  SimulatorSlice;
export type ConsoleStore = StoreApi<ConsoleState>;

export function createConsoleStore(api: ConsoleApi): ConsoleStore {
  return createStore<ConsoleState>()((...args) => ({
    ...createHostSlice(...args),
    ...createProfilesSlice(api)(...args),
    ...createSessionsSlice(api)(...args),
    ...createTraceSlice(api)(...args),
    ...createTraceToolsSlice(api)(...args),
    ...createMessagesSlice(api)(...args),
    ...createInboxSlice(api)(...args),
    ...createInboxActionsSlice(api)(...args),
    ...createLifecycleSlice(api)(...args),
    ...createOperationsSlice(api)(...args),
    ...createDraftsSlice(api)(...args),
    ...createSimulatorSlice(api)(...args),
    ...createComposeSlice(...args),
    ...createLoadSlice(api)(...args),
    ...createWorkspaceSlice(...args),
  }));
}
