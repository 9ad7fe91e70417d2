// Several recipients in the Destination address field: how many, and how they go on the wire, said in the live
// line before Send so nobody is surprised by a burst of submit_sm. Counted by shared/recipients, as the main side
// splits them.
import { MAX_RECIPIENTS } from '../../../shared/recipients';

export const RECIPIENTS_HINT = `Several recipients: separate them with commas, semicolons or spaces (${MAX_RECIPIENTS} at most).`;

/**
 * "3 recipients, one submit_sm each" — or "one submit_multi" when the profile sends several recipients in one
 * PDU (one per part for a long text). Null for a single recipient, whose line says nothing about it.
 */
export function recipientsPhrase(count: number, parts: number, submitMulti: boolean): string | null {
  if (count <= 1) return null;
  let how: string;
  if (submitMulti) how = parts > 1 ? `one submit_multi per part (${parts})` : 'one submit_multi';
  else how = parts > 1 ? `${parts} submit_sm each` : 'one submit_sm each';
  return `${count} recipients, ${how}`;
}

/** Why the recipients cannot be sent as typed (said beside Send), or null. */
export function recipientsBlockedBy(count: number): string | null {
  return count > MAX_RECIPIENTS ? `${count} recipients; ${MAX_RECIPIENTS} at most` : null;
}
