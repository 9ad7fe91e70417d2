// How far a sent message's parts have got, for the Sent table: "1 part", "3 parts · 3 accepted · 1 delivered",
// "3 parts · 3 delivered". The State column already says the outcome of a single part, so only parts of a long
// message are counted out.
import type { MessageView } from '../../../shared/contract';

export function describeParts(parts: MessageView['parts']): string {
  const total = `${parts.total} ${parts.total === 1 ? 'part' : 'parts'}`;
  if (parts.total <= 1) return total;
  const progress: string[] = [];
  // "accepted" counts submit_sm_resp ROK and so includes parts delivered since; it is only news until every
  // part has settled one way or the other.
  if (parts.accepted > 0 && parts.delivered + parts.failed < parts.total) progress.push(`${parts.accepted} accepted`);
  if (parts.delivered > 0) progress.push(`${parts.delivered} delivered`);
  if (parts.failed > 0) progress.push(`${parts.failed} failed`);
  return [total, ...progress].join(' · ');
}
