// The way back from SubmitOptions to the Message options form, for a recalled draft or a template: the inverse
// of resolveOptions, so a draft recalled and sent again goes out with the same fields. Where the form has a
// friendlier way of saying a value (a relative time as a duration, a TLV tag by name) that way is used, but only
// when it makes exactly the same value again; otherwise the value is kept as it was sent (raw time, hex tag).
import type { RawTlv, SubmitOptions } from '../../../shared/contract';
import { DEFAULT_OPTIONS_FORM, type OptionsForm } from './options-form';
import { NO_TIME, type TimePick } from './smpp-time-pick';
import { OTHER_TAG, tagHex, TLV_TAG_CHOICES, type TlvRow } from './tlv-rows';

export function optionsFormOf(options: SubmitOptions | undefined): OptionsForm {
  const o = options ?? {};
  const d = DEFAULT_OPTIONS_FORM;
  return {
    serviceType: o.serviceType ?? d.serviceType,
    sourceAddrTon: o.sourceAddrTon ?? d.sourceAddrTon,
    sourceAddrNpi: o.sourceAddrNpi ?? d.sourceAddrNpi,
    destAddrTon: o.destAddrTon ?? d.destAddrTon,
    destAddrNpi: o.destAddrNpi ?? d.destAddrNpi,
    messagingMode: o.messagingMode ?? d.messagingMode,
    messageType: o.messageType ?? d.messageType,
    replyPath: o.replyPath ?? d.replyPath,
    protocolId: typed(o.protocolId),
    priorityFlag: o.priorityFlag ?? d.priorityFlag,
    scheduleDeliveryTime: timePickOf(o.scheduleDeliveryTime),
    validityPeriod: timePickOf(o.validityPeriod),
    registeredDelivery: o.registeredDelivery ?? d.registeredDelivery,
    replaceIfPresent: o.replaceIfPresent ?? d.replaceIfPresent,
    messageClass: o.messageClass ?? d.messageClass,
    smDefaultMsgId: typed(o.smDefaultMsgId),
    tlvs: (o.tlvs ?? []).map((tlv, index) => tlvRowOf(tlv, index + 1)),
  };
}

/** Number inputs hold text; '' is the default, as the form starts. */
function typed(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** A relative time of whole days, hours and minutes only (YYMM and seconds 00). */
const DURATION = /^0000(\d{2})(\d{2})(\d{2})00000R$/;

/**
 * A duration the picker can say goes back as one (blank parts are zero, as the picker reads them); anything else
 * (an absolute time, seconds, months) as the raw SMPP string, which the picker sends unchanged.
 */
export function timePickOf(value: string | undefined): TimePick {
  if (value === undefined || value === '') return NO_TIME;
  const duration = DURATION.exec(value);
  if (duration === null) return { ...NO_TIME, mode: 'raw', raw: value };
  const [days = '', hours = '', minutes = ''] = duration.slice(1).map((digits) => (Number(digits) === 0 ? '' : String(Number(digits))));
  return { ...NO_TIME, mode: 'after', days, hours, minutes };
}

const NAMED_TAGS = new Set(TLV_TAG_CHOICES.map((choice) => choice.value));

function tlvRowOf(tlv: RawTlv, key: number): TlvRow {
  const named = tagHex(tlv.tag);
  if (NAMED_TAGS.has(named)) return { key, tag: named, otherTag: '', hex: tlv.hex };
  return { key, tag: OTHER_TAG, otherTag: tlv.tag.toString(16).padStart(4, '0'), hex: tlv.hex };
}
