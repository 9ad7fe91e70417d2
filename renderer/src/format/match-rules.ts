// How a receipt found its message, in words: the Inbox's tooltip and the timeline's receipt line say the same.
import type { ReceiptMatchRule } from '../../../shared/contract';

export const MATCH_RULE_WORDS: Record<ReceiptMatchRule, string> = {
  'as-sent': 'matched by its id as submit_sm_resp gave it (case and zero padding aside)',
  converted: 'matched by its id read as hex ⇄ decimal (the only waiting message that answers to it)',
  'on-response': 'came before its submit_sm_resp; matched when that arrived',
};
