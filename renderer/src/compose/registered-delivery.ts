// registered_delivery (SMPP v3.4 §5.2.17, 5.0 §4.7.21) as the compose pane shows it: which delivery receipt
// (bits 1–0), which SME acknowledgements (bits 3–2) and the intermediate notification (bit 4), kept as the one
// byte the contract carries so what is shown is always what is sent.
import type { Choice } from './compose-options';

export type ReceiptChoice = 0 | 1 | 2 | 3;

export const RECEIPT_CHOICES: readonly Choice<ReceiptChoice>[] = [
  { value: 0, label: 'None' },
  { value: 1, label: 'On success or failure' },
  { value: 2, label: 'On failure only' },
  { value: 3, label: 'On success only (5.0)' },
];

/** What the console has always asked for: a receipt on final delivery or failure, receipts being how it follows a message. */
export const DEFAULT_REGISTERED_DELIVERY = 1;

export type RegisteredDeliveryFlag = 'smeDeliveryAck' | 'smeUserAck' | 'intermediate';

export const REGISTERED_DELIVERY_FLAGS: readonly { flag: RegisteredDeliveryFlag; bit: number; label: string }[] = [
  { flag: 'smeDeliveryAck', bit: 0x04, label: 'SME delivery acknowledgement' },
  { flag: 'smeUserAck', bit: 0x08, label: 'SME user acknowledgement' },
  { flag: 'intermediate', bit: 0x10, label: 'Intermediate notification' },
];

const RECEIPT_BITS = 0x03;

export function receiptOf(registeredDelivery: number): ReceiptChoice {
  return (registeredDelivery & RECEIPT_BITS) as ReceiptChoice;
}

export function withReceipt(registeredDelivery: number, receipt: ReceiptChoice): number {
  return (registeredDelivery & ~RECEIPT_BITS) | receipt;
}

export function withFlag(registeredDelivery: number, bit: number, on: boolean): number {
  return on ? registeredDelivery | bit : registeredDelivery & ~bit;
}

/** "0x15" — the byte as it will appear in the trace. */
export function registeredDeliveryHex(registeredDelivery: number): string {
  return `0x${registeredDelivery.toString(16).padStart(2, '0').toUpperCase()}`;
}
