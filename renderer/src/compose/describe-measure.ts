// The live line under the compose text: what the text costs on the wire, counted by the same codec core
// encodes with (shared/text-codec), so the number shown is the number sent.
import type { TextMeasure } from '../../../shared/text-codec';

const ENCODING_LABEL = { gsm7: 'GSM 03.38', ucs2: 'UCS-2' } as const;

export function describeMeasure(measure: TextMeasure): string {
  const characters = `${measure.characters} ${measure.characters === 1 ? 'character' : 'characters'}`;
  const encoding = `${ENCODING_LABEL[measure.encoding]} (data_coding ${measure.dataCoding})`;
  const units = `${measure.units}/${measure.capacity} ${measure.unitName}`;
  const fit = measure.fitsOnePart
    ? units
    : `too long for one part: ${units} — long messages are not supported yet`;
  return `${characters} · ${encoding} · ${fit}`;
}
