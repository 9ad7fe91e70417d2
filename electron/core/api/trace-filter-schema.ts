// The trace filter bar's request, checked like every payload: each part named as the bar names it, with its limit.
import { z } from 'zod';
import { traceDirections } from '../../../shared/contract';
import type { TraceFilter } from '../../../shared/trace-filter';
import { choiceOf } from './choice';

const text = (label: string, max: number) => z.string().max(max, `${label}: ${max} characters at most`);
const time = (label: string) => z.number({ error: `${label}: a time is required` }).int().min(0, `${label}: not before 1970`);

export const traceFilterSchema = z
  .object({
    sessionIds: z.array(text('Session', 200)).max(100, 'Sessions: 100 at most').optional(),
    directions: z.array(choiceOf(traceDirections, 'Direction')).optional(),
    commands: z.array(text('Command', 64)).max(100, 'Commands: 100 at most').optional(),
    status: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('any') }).strict(),
        z.object({ kind: z.literal('errors') }).strict(),
        z.object({ kind: z.literal('equals'), value: z.number().int().min(0).max(0xffffffff, 'Status: a 32-bit command_status') }).strict(),
      ])
      .optional(),
    sequenceNumber: z.number().int().min(0).max(0xffffffff, 'Sequence: a 32-bit sequence_number').optional(),
    smscMessageId: text('message_id', 64).optional(),
    address: text('Address', 21).optional(),
    timeFrom: time('From').optional(),
    timeTo: time('To').optional(),
    text: text('Text', 200).optional(),
  })
  .strict() satisfies z.ZodType<TraceFilter>;
