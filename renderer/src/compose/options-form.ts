// Message options as the form holds them, and the SubmitOptions they become. Only what differs from SMPP's own
// defaults is sent, so a draft with untouched options is the same draft as before options existed, and the
// trace shows exactly what the engineer changed. Values that cannot be turned into the contract's types (a
// picker left half-filled, a tag that is not hex) come back as problems named by the field the host would use.
import type { MessageClass, SubmitOptions } from '../../../shared/contract';
import type { MessagingMode } from './option-choices';
import { DEFAULT_REGISTERED_DELIVERY } from './registered-delivery';
import { NO_TIME, resolveTimePick, type TimePick } from './smpp-time-pick';
import { resolveTag, toRawTlv, type TlvRow } from './tlv-rows';

export interface OptionsForm {
  serviceType: string;
  sourceAddrTon: number;
  sourceAddrNpi: number;
  destAddrTon: number;
  destAddrNpi: number;
  messagingMode: MessagingMode;
  messageType: number;
  replyPath: boolean;
  /** Number inputs are kept as typed; '' means the default. */
  protocolId: string;
  priorityFlag: number;
  scheduleDeliveryTime: TimePick;
  validityPeriod: TimePick;
  registeredDelivery: number;
  replaceIfPresent: boolean;
  messageClass: MessageClass;
  smDefaultMsgId: string;
  tlvs: TlvRow[];
}

export type OptionsFormKey = keyof OptionsForm;

export const DEFAULT_OPTIONS_FORM: OptionsForm = {
  serviceType: '',
  sourceAddrTon: 0,
  sourceAddrNpi: 0,
  destAddrTon: 0,
  destAddrNpi: 0,
  messagingMode: 0,
  messageType: 0,
  replyPath: false,
  protocolId: '',
  priorityFlag: 0,
  scheduleDeliveryTime: NO_TIME,
  validityPeriod: NO_TIME,
  registeredDelivery: DEFAULT_REGISTERED_DELIVERY,
  replaceIfPresent: false,
  messageClass: 'none',
  smDefaultMsgId: '',
  tlvs: [],
};

/** The SubmitDraft path of a form key, as the host names fields in its errors. */
export const optionField = (key: OptionsFormKey | `tlvs.${number}.${'tag' | 'hex'}`) => `options.${key}`;

export interface OptionProblem {
  field: string;
  message: string;
}

export interface ResolvedOptions {
  /** undefined when every option is at its default: the draft then carries no options at all. */
  options: SubmitOptions | undefined;
  /** How many options differ from their defaults (all TLVs count as one), for the collapsed section's title. */
  changed: number;
  problems: OptionProblem[];
}

/** The one labelled name of each picker, for problems said beside Send. */
const TIME_LABELS = { scheduleDeliveryTime: 'Schedule delivery', validityPeriod: 'Validity period' } as const;

export function resolveOptions(form: OptionsForm): ResolvedOptions {
  const options: SubmitOptions = {};
  const problems: OptionProblem[] = [];
  const differs = <K extends OptionsFormKey>(key: K) => form[key] !== DEFAULT_OPTIONS_FORM[key];

  if (form.serviceType !== '') options.serviceType = form.serviceType;
  if (differs('sourceAddrTon')) options.sourceAddrTon = form.sourceAddrTon;
  if (differs('sourceAddrNpi')) options.sourceAddrNpi = form.sourceAddrNpi;
  if (differs('destAddrTon')) options.destAddrTon = form.destAddrTon;
  if (differs('destAddrNpi')) options.destAddrNpi = form.destAddrNpi;
  if (differs('messagingMode')) options.messagingMode = form.messagingMode;
  if (differs('messageType')) options.messageType = form.messageType;
  if (form.replyPath) options.replyPath = true;
  if (differs('priorityFlag')) options.priorityFlag = form.priorityFlag;
  if (differs('registeredDelivery')) options.registeredDelivery = form.registeredDelivery;
  if (form.replaceIfPresent) options.replaceIfPresent = true;
  if (differs('messageClass')) options.messageClass = form.messageClass;

  const number = (key: 'protocolId' | 'smDefaultMsgId', label: string) => {
    const typed = form[key].trim();
    if (typed === '') return;
    const value = Number(typed);
    // Range and whole-number checks are the host's, with the limit named; only "not a number" stops here.
    if (Number.isNaN(value)) problems.push({ field: optionField(key), message: `${label}: a number` });
    else if (value !== 0) options[key] = value;
  };
  number('protocolId', 'protocol_id');
  number('smDefaultMsgId', 'sm_default_msg_id');

  for (const key of ['scheduleDeliveryTime', 'validityPeriod'] as const) {
    const { value, problem } = resolveTimePick(form[key]);
    if (problem !== null) problems.push({ field: optionField(key), message: `${TIME_LABELS[key]}: ${problem}` });
    else if (value !== '') options[key] = value;
  }

  const tlvs = form.tlvs.flatMap((row, index) => {
    const { tag, problem } = resolveTag(row);
    if (tag === null) {
      problems.push({ field: optionField(`tlvs.${index}.tag`), message: `TLV ${index + 1}: ${problem}` });
      return [];
    }
    const value = toRawTlv(row, tag);
    if (value.tlv) return [value.tlv];
    problems.push({ field: optionField(`tlvs.${index}.hex`), message: `TLV ${index + 1}: ${value.problem}` });
    return [];
  });
  if (tlvs.length > 0) options.tlvs = tlvs;

  const changed = Object.keys(options).length;
  return { options: changed > 0 ? options : undefined, changed, problems };
}
