// submit_sm's own fields, each checked against its spec limit before anything is sent; the message names the
// field and the limit (smpp-notes.md §Field limits, SMPP v3.4 §5.2).
import { z } from 'zod';
import { messageClasses, messagingModes, type SubmitOptions } from '../../../shared/contract';
import { maxCharacters } from '../../../shared/smpp-limits';
import { smppTimeProblem } from '../../../shared/smpp-time';

const octet = (label: string, max = 255) =>
  z.number({ error: `${label}: a number is required` }).int(`${label}: a whole number`).min(0, `${label}: 0 at least`).max(max, `${label}: ${max} at most`);

const smppTime = (label: string) =>
  z.string().superRefine((value, ctx) => {
    const problem = smppTimeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${label}: ${problem}` });
  });

export const submitOptionsSchema = z
  .object({
    serviceType: z
      .string()
      .max(maxCharacters('service_type'), `service_type: ${maxCharacters('service_type')} characters at most (a C-Octet String of 6 octets with its NUL)`)
      .regex(/^[\x20-\x7e]*$/, 'service_type: printable ASCII only')
      .optional(),
    sourceAddrTon: octet('source_addr_ton').optional(),
    sourceAddrNpi: octet('source_addr_npi').optional(),
    destAddrTon: octet('dest_addr_ton').optional(),
    destAddrNpi: octet('dest_addr_npi').optional(),
    messagingMode: z.literal(messagingModes, { error: 'esm_class messaging mode: 0–3' }).optional(),
    messageType: z
      .number()
      .int()
      .refine((v) => (v & ~0x3c) === 0, 'esm_class message type: bits 5–2 only (0x00, 0x04 … 0x3C)')
      .optional(),
    replyPath: z.boolean().optional(),
    protocolId: octet('protocol_id').optional(),
    priorityFlag: octet('priority_flag', 4).optional(),
    scheduleDeliveryTime: smppTime('schedule_delivery_time').optional(),
    validityPeriod: smppTime('validity_period').optional(),
    registeredDelivery: octet('registered_delivery', 0x1f).optional(),
    replaceIfPresent: z.boolean().optional(),
    messageClass: z.literal(messageClasses, { error: 'message class: none or 0–3' }).optional(),
    smDefaultMsgId: octet('sm_default_msg_id').optional(),
    tlvs: z
      .array(
        z
          .object({
            tag: octet('TLV tag', 0xffff),
            hex: z.string().regex(/^([0-9a-fA-F]{2})*$/, 'TLV value: hex octets, two digits each').max(2 * 65535, 'TLV value: 65,535 octets at most'),
          })
          .strict(),
      )
      .max(64, 'TLVs: 64 at most')
      .optional(),
  })
  .strict() satisfies z.ZodType<SubmitOptions>;
