// Which control an error from the main side points at. The host names a field as the SubmitDraft key path
// (destinationAddr, options.validityPeriod, options.tlvs.0.hex), sometimes in SMPP's snake case or under
// "draft."; compared loosely, so each control only has to know its own path.

const loose = (path: string) => path.replace(/^draft\./, '').replaceAll('_', '').toLowerCase();

/**
 * True when `named` (the error's field) is this control's `field`, or a part of the draft that contains it:
 * "options.tlvs.1" marks both controls of TLV 2. A bare top-level name only ever marks itself, so an error
 * about "options" as a whole does not light up every option.
 */
export function fieldMatches(named: string | null | undefined, field: string): boolean {
  if (named == null || named === '') return false;
  const wanted = loose(named);
  const own = loose(field);
  return own === wanted || (wanted.includes('.') && own.startsWith(`${wanted}.`));
}

/** Either path contains the other: editing a control's whole list (options.tlvs) settles an error inside it. */
export function fieldsOverlap(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && (fieldMatches(a, b) || fieldMatches(b, a));
}

/** The error names something inside Message options, so that section should be open to show it. */
export function isOptionsField(named: string | null | undefined): boolean {
  return named != null && loose(named).startsWith('options.');
}
