// The filter bar's status box takes a command_status as its name (ESME_RTHROTTLED, or RTHROTTLED), in hex (0x58)
// or in decimal (88): engineers copy it from wherever they saw it.
import { COMMAND_STATUSES } from '../../../shared/smpp-names';

export type StatusParse = { ok: true; value: number } | { ok: false; message: string };

export function parseStatus(input: string): StatusParse {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Status: give a name (ESME_RTHROTTLED), hex (0x58) or a number' };
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return { ok: true, value: Number.parseInt(text.slice(2), 16) };
  if (/^[0-9]{1,10}$/.test(text) && Number(text) <= 0xffffffff) return { ok: true, value: Number(text) };
  const upper = text.toUpperCase();
  const named = COMMAND_STATUSES.find(([name]) => name === upper || name === `ESME_${upper}`);
  return named ? { ok: true, value: named[1] } : { ok: false, message: `Status: no command_status is named ${text}` };
}
