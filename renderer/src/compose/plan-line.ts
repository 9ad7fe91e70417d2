// The live line under the compose text: what the text costs on the wire and how many parts it goes out in.
// Counted by shared/message-parts — the same planner core splits with, given the same profile alphabet — so the
// figures shown are the parts sent.
import type { DefaultAlphabet } from '../../../shared/contract';
import { MAX_PARTS, planMessage, type MessagePlan } from '../../../shared/message-parts';
import { encodingName, type ComposeOptions } from './compose-options';
import { unsupportedPhrase } from './unsupported-report';

export interface ComposePlan {
  plan: MessagePlan;
  /** e.g. "400 characters · GSM 03.38 (data_coding 0) · 3 parts of up to 153 septets · 59 left in this part". */
  line: string;
  /** Why the text cannot be sent as it stands (said beside Send), or null. */
  blockedBy: string | null;
  /**
   * The character set the unsupported characters are missing from: the plan's encoding, except that "GSM 03.38"
   * on an SMSC reading data_coding 0 as Latin-1 or IA5 goes out in that set's octets.
   */
  charset: string;
}

export function planCompose(text: string, options: ComposeOptions, defaultAlphabet: DefaultAlphabet = 'gsm7'): ComposePlan {
  const plan = planMessage(text, { ...options, defaultAlphabet });
  const charset = plan.encoding === 'gsm7' ? defaultAlphabet : plan.encoding;
  // Binary is typed as hex: what counts is the octets it makes, not the digits typed.
  const count = plan.encoding === 'binary' ? countOf(plan.units, 'octet') : countOf(plan.characters, 'character');
  const line = `${count} · ${encodingOf(plan, defaultAlphabet)} · ${describeFit(text, plan, options, defaultAlphabet)}`;
  return { plan, line, blockedBy: blockedBy(plan, charset), charset };
}

function countOf(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

function encodingOf(plan: MessagePlan, defaultAlphabet: DefaultAlphabet): string {
  const read = plan.encoding === 'gsm7' && defaultAlphabet !== 'gsm7' ? `, read as ${encodingName(defaultAlphabet)} by this SMSC` : '';
  return `${encodingName(plan.encoding)} (data_coding ${plan.dataCoding}${read})`;
}

function describeFit(text: string, plan: MessagePlan, options: ComposeOptions, defaultAlphabet: DefaultAlphabet): string {
  if (options.split === 'payload') {
    // The planner counts a message_payload text as one part of any size; a text that would fit one short_message
    // anyway is shown against that capacity, so the figure still warns where a split would begin.
    const asShort = planMessage(text, { ...options, split: 'udh8', defaultAlphabet });
    if (asShort.parts === 1) return singlePart(asShort);
    return `${plan.units} ${plan.unitName} in one message_payload TLV (the SMSC splits it)`;
  }
  if (plan.parts === 1) return singlePart(plan);
  const parts = `${plan.parts} parts of up to ${plan.perPart} ${plan.unitName}`;
  if (plan.parts > MAX_PARTS) return `${parts} — more than ${MAX_PARTS}, the most a long message can have`;
  return `${parts} · ${plan.roomLeft} left in this part`;
}

function singlePart(plan: MessagePlan): string {
  return `${plan.units}/${plan.perPart} ${plan.unitName}`;
}

function blockedBy(plan: MessagePlan, charset: string): string | null {
  const unsupported = plan.unsupported.length;
  if (unsupported > 0) return `${countOf(unsupported, 'character')} ${unsupportedPhrase(charset)}`;
  if (plan.parts > MAX_PARTS) return `Needs ${plan.parts} parts; ${MAX_PARTS} at most`;
  return null;
}
