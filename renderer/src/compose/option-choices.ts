// The named choices of Message options. Each label leads with the value that goes on the wire ("1 · International")
// because engineers compare it with the SMSC's logs and spec tables; the name says what it means.
import type { MessageClass, SubmitOptions } from '../../../shared/contract';
import { NPI_NAMES, TON_NAMES } from '../../../shared/profile-defaults';
import type { Choice } from './compose-options';

const numbered = (names: Record<number, string>): Choice<number>[] =>
  Object.entries(names).map(([value, name]) => ({ value: Number(value), label: `${value} · ${name}` }));

export const TON_CHOICES: readonly Choice<number>[] = numbered(TON_NAMES);
export const NPI_CHOICES: readonly Choice<number>[] = numbered(NPI_NAMES);

export type MessagingMode = NonNullable<SubmitOptions['messagingMode']>;

/** esm_class bits 1–0. */
export const MESSAGING_MODE_CHOICES: readonly Choice<MessagingMode>[] = [
  { value: 0, label: 'Default (SMSC mode)' },
  { value: 1, label: 'Datagram' },
  { value: 2, label: 'Forward (transaction)' },
  { value: 3, label: 'Store and forward' },
];

/** esm_class bits 5–2, as the value they add to esm_class. */
export const MESSAGE_TYPE_CHOICES: readonly Choice<number>[] = [
  { value: 0x00, label: 'Default (0x00)' },
  { value: 0x08, label: 'SME delivery acknowledgement (0x08)' },
  { value: 0x10, label: 'User acknowledgement (0x10)' },
];

/** priority_flag: 0 is GSM's non-priority and everyone's default; what 1–4 mean differs by network (v3.4 §5.2.14). */
export const PRIORITY_CHOICES: readonly Choice<number>[] = [
  { value: 0, label: '0 (lowest)' },
  { value: 1, label: '1' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4 (highest)' },
];

/** Class 0 is a flash message: shown at once, not stored (3GPP TS 23.038 §4). */
export const MESSAGE_CLASS_CHOICES: readonly Choice<MessageClass>[] = [
  { value: 'none', label: 'None' },
  { value: 0, label: '0 – flash' },
  { value: 1, label: '1 – mobile equipment' },
  { value: 2, label: '2 – SIM' },
  { value: 3, label: '3 – terminal equipment' },
];
