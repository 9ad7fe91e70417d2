// The live line under the compose text: what the text costs on the wire and how many parts it goes out in.
// Counted by shared/message-parts — the same planner core splits with — so the figures shown are the parts sent.
import { MAX_PARTS, planMessage, type MessagePlan } from '../../../shared/message-parts';
import type { ComposeOptions } from './compose-options';

const ENCODING_LABEL = { gsm7: 'GSM 03.38', ucs2: 'UCS-2' } as const;

export interface ComposePlan {
  plan: MessagePlan;
  /** e.g. "400 characters · GSM 03.38 (data_coding 0) · 3 parts of up to 153 septets · 59 left in this part". */
  line: string;
  /** Why the text cannot be sent as it stands (said beside Send), or null. */
  blockedBy: string | null;
}

export function planCompose(text: string, options: ComposeOptions): ComposePlan {
  const plan = planMessage(text, options);
  const characters = `${plan.characters} ${plan.characters === 1 ? 'character' : 'characters'}`;
  const encoding = `${ENCODING_LABEL[plan.encoding]} (data_coding ${plan.dataCoding})`;
  return { plan, line: `${characters} · ${encoding} · ${describeFit(text, plan, options)}`, blockedBy: blockedBy(plan) };
}

function describeFit(text: string, plan: MessagePlan, options: ComposeOptions): string {
  if (options.split === 'payload') {
    // The planner counts a message_payload text as one part of any size; a text that would fit one short_message
    // anyway is shown against that capacity, so the figure still warns where a split would begin.
    const asShort = planMessage(text, { ...options, split: 'udh8' });
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

function blockedBy(plan: MessagePlan): string | null {
  const unsupported = plan.unsupported.length;
  if (unsupported > 0) {
    return `${unsupported} ${unsupported === 1 ? 'character' : 'characters'} not in GSM 03.38`;
  }
  if (plan.parts > MAX_PARTS) return `Needs ${plan.parts} parts; ${MAX_PARTS} at most`;
  return null;
}
