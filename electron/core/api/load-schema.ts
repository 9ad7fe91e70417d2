// A load run's request, checked before anything is sent: every message names the control (as the Load section
// labels it) and the limit. The CSV's own rows are checked when it is parsed, each bad one by its line. What each
// message carries besides its addresses and text (encoding, split, message options) is checked by submit's own
// schema (draft-schema.ts), so a run is refused for what a composed message would be, in the same words.
import { z } from 'zod';
import { LOAD_LIMITS } from '../../../shared/contract';
import { address, draftSettingsShape } from './draft-schema';

const count = (n: number) => n.toLocaleString('en');
const mib = (octets: number) => `${octets / 1024 / 1024} MiB`;

const sourceAddr = address('Source address', 'source_addr', 0);
const uploadId = z.string().regex(/^[0-9a-f]{24}$/, 'CSV file: not an upload this console started');

const loadSource = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('count'),
      count: z
        .number({ error: 'Messages: a number is required' })
        .int('Messages: a whole number')
        .min(1, 'Messages: 1 at least')
        .max(LOAD_LIMITS.maxCount, `Messages: at most ${count(LOAD_LIMITS.maxCount)} in one run`),
      sourceAddr,
      // One recipient: each message of a run is one submit_sm to one address.
      destinationAddr: address('Destination address', 'destination_addr', 1).regex(/^[^\s,;]*$/, 'Destination address: one address for a load run'),
      text: z.string().max(LOAD_LIMITS.maxTextCharacters, `Text: at most ${count(LOAD_LIMITS.maxTextCharacters)} characters`),
    })
    .strict(),
  z
    .object({
      kind: z.literal('csv'),
      csv: z.string().min(1, 'CSV file: empty').max(LOAD_LIMITS.maxCsvOctets, `CSV file: at most ${mib(LOAD_LIMITS.maxCsvOctets)}`),
      sourceAddr,
    })
    .strict(),
  z.object({ kind: z.literal('csvUpload'), uploadId, sourceAddr }).strict(),
]);

// Not annotated: payload-schemas.ts proves the inferred shape is exactly the contract's LoadRequest.
export const loadRequestSchema = z
  .object({
    sessionIds: z
      .array(z.string().min(1, 'Sessions: a session id is required').max(200, 'Sessions: an id of at most 200 characters'))
      .min(1, 'Sessions: choose one at least')
      .max(LOAD_LIMITS.maxSessions, `Sessions: at most ${LOAD_LIMITS.maxSessions}`)
      .refine((ids) => new Set(ids).size === ids.length, 'Sessions: each one once'),
    source: loadSource,
    ratePerSecond: z
      .number({ error: 'Rate: a number is required' })
      .min(1, 'Rate: 1 message/s at least')
      .max(LOAD_LIMITS.maxRatePerSecond, `Rate: at most ${count(LOAD_LIMITS.maxRatePerSecond)} messages/s`),
    ...draftSettingsShape,
  })
  .strict();
