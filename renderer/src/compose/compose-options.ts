// The three choices that decide how a composed text goes on the wire, with the words the selects show. Values
// are the contract's, so the draft carries them as they are; the labels are what SMPP engineers call them.
import type { DefaultAlphabet, NationalLanguage, ReceiptIdFormat, SplitMethod, TextEncodingChoice } from '../../../shared/contract';

export interface ComposeOptions {
  encoding: TextEncodingChoice;
  nationalLanguage: NationalLanguage;
  split: SplitMethod;
}

export type ComposeOption = keyof ComposeOptions;

/** The contract's defaults, so a draft sent with these behaves as one sent without them. */
export const DEFAULT_COMPOSE_OPTIONS: ComposeOptions = { encoding: 'auto', nationalLanguage: 'none', split: 'udh8' };

export interface Choice<T extends string | number> {
  value: T;
  label: string;
}

/** What data_coding 0 means on an SMSC (a profile's setting; also asked by the Decode box). */
export const DEFAULT_ALPHABET_CHOICES: readonly Choice<DefaultAlphabet>[] = [
  { value: 'gsm7', label: 'GSM 03.38' },
  { value: 'latin1', label: 'Latin-1' },
  { value: 'ia5', label: 'IA5/ASCII' },
];

export const RECEIPT_ID_CHOICES: readonly Choice<ReceiptIdFormat>[] = [
  { value: 'auto', label: 'As sent, else hex ⇄ decimal when only one message fits' },
  { value: 'as-sent', label: 'As sent (never converted)' },
  { value: 'hex', label: 'In hex (submit_sm_resp gives decimal)' },
  { value: 'decimal', label: 'In decimal (submit_sm_resp gives hex)' },
];

export const ENCODING_CHOICES: readonly Choice<TextEncodingChoice>[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'gsm7', label: 'GSM 03.38' },
  { value: 'ia5', label: 'IA5/ASCII' },
  { value: 'latin1', label: 'Latin-1' },
  { value: 'ucs2', label: 'UCS-2' },
  { value: 'binary', label: '8-bit binary (hex)' },
];

/**
 * What the live line and the alerts call an encoding the planner resolved to. Keyed by string, not by the
 * planner's union, so a new encoding in shared/message-parts shows by its code until it is named here.
 */
const ENCODING_NAMES: Readonly<Record<string, string>> = {
  gsm7: 'GSM 03.38',
  ia5: 'IA5/ASCII',
  latin1: 'Latin-1',
  ucs2: 'UCS-2',
  binary: '8-bit binary',
};

export function encodingName(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}

export const NATIONAL_LANGUAGE_CHOICES: readonly Choice<NationalLanguage>[] = [
  { value: 'none', label: 'None' },
  { value: 'turkish', label: 'Turkish' },
  { value: 'spanish', label: 'Spanish' },
  { value: 'portuguese', label: 'Portuguese' },
];

export const SPLIT_CHOICES: readonly Choice<SplitMethod>[] = [
  { value: 'udh8', label: 'UDH, 8-bit reference' },
  { value: 'udh16', label: 'UDH, 16-bit reference' },
  { value: 'sar', label: 'SAR TLVs' },
  { value: 'payload', label: 'message_payload' },
];

/** The national language's name as the selects show it, for messages that mention the chosen tables. */
export function nationalLanguageLabel(language: NationalLanguage): string {
  return NATIONAL_LANGUAGE_CHOICES.find((choice) => choice.value === language)?.label ?? language;
}
