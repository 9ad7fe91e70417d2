// Send, why it is blocked, and the last submit error: the compose pane's footer, outside its scrolling body, so Send
// stays in reach however long the form grows (options open, a long text, Operations below). The button submits the
// form by its id; Ctrl/Cmd+Enter in the form does the same.
import type { SubmitError } from '../../store/messages-slice';

interface ComposeActionBarProps {
  formId: string;
  canSend: boolean;
  blockedBy: string | null;
  error: SubmitError | null;
  /** The alert's id: the controls the host blamed name it in their aria-describedby. */
  errorId: string;
}

export function ComposeActionBar({ formId, canSend, blockedBy, error, errorId }: ComposeActionBarProps) {
  return (
    <div className="compose__actions">
      <div className="compose__send">
        <button type="submit" form={formId} disabled={!canSend} aria-keyshortcuts="Control+Enter Meta+Enter">
          Send
        </button>
        <span className={blockedBy === null ? 'muted' : 'blocked'}>{blockedBy ?? 'Ctrl+Enter / ⌘+Enter'}</span>
      </div>
      {error !== null && (
        <p id={errorId} className="alert" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
