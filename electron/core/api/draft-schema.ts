// What a compose draft carries, checked once for every payload that carries it: submit and templates take it whole,
// a load run takes all of it but the addresses and the text (its messages' come from the run's source). One
// definition, so a load message is refused for exactly what a composed message would be.
import { z } from 'zod';
import { nationalLanguages, splitMethods, textEncodingChoices } from '../../../shared/contract';
import { choiceOf } from './choice';
import { submitOptionsSchema } from './submit-options-schema';

/** C-Octet String address fields: 21 octets with the NUL, so at most 20 characters, printable ASCII. */
export const address = (label: string, smppName: string, min: number) =>
  z
    .string({ error: `${label} is required` })
    .min(min, `${label} is required`)
    .max(20, `${label}: at most 20 characters (${smppName} is a C-Octet String of 21 octets with its NUL)`)
    .regex(/^[\x20-\x7e]*$/, `${label}: only printable ASCII characters are allowed in ${smppName}`);

/**
 * The draft's fields besides the session, the addresses and the text (the contract's LoadMessageSettings): how the
 * text is encoded and split, and every other submit_sm field.
 */
export const draftSettingsShape = {
  encoding: choiceOf(textEncodingChoices, 'Encoding').optional(),
  nationalLanguage: choiceOf(nationalLanguages, 'National language').optional(),
  split: choiceOf(splitMethods, 'Long messages').optional(),
  options: submitOptionsSchema.optional(),
};
