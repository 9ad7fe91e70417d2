// Recent drafts: what was sent lately (the host keeps the newest, once each), to put back into the form and send
// again — the everyday loop of someone testing an SMSC by hand. Recalling only fills the form; sending stays the
// engineer's own press of Send, so a recalled draft can be looked over or changed first.
import type { DraftContent } from '../../../../shared/contract';
import { draftSettings, recallLabel, savedWhen } from '../../compose/draft-label';
import { useConsole } from '../../store/console-context';

interface RecentDraftsProps {
  onRecall: (draft: DraftContent) => void;
}

export function RecentDrafts({ onRecall }: RecentDraftsProps) {
  const drafts = useConsole((state) => state.recentDrafts);
  const error = useConsole((state) => state.recentDraftsError);
  const load = useConsole((state) => state.loadRecentDrafts);
  return (
    // Asked for again on opening: another window (or the browser host's other tab) may have sent since.
    <details className="compose__section drafts" onToggle={(event) => event.currentTarget.open && void load()}>
      <summary>
        Recent drafts
        {drafts.length > 0 && <span className="muted"> · {drafts.length}</span>}
      </summary>
      {drafts.length === 0 && error === null && (
        <p className="muted drafts__empty">Nothing sent yet. Each message sent is kept here to recall and send again.</p>
      )}
      {drafts.length > 0 && (
        <ol className="drafts__list">
          {drafts.map((saved) => {
            const settings = draftSettings(saved.draft);
            const label = recallLabel(saved.draft);
            return (
              <li key={saved.id}>
                {/* Named by its content alone: the notes beside it are not part of its name. */}
                <button type="button" className="drafts__recall" title={label} onClick={() => onRecall(saved.draft)}>
                  {label}
                </button>
                <span className="muted drafts__note">
                  {savedWhen(saved.savedAt)}
                  {settings !== '' && ` · ${settings}`}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
