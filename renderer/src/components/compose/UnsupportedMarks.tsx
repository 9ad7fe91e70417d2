// Shown only while a forced encoding cannot carry some characters (or binary's hex has stray ones): a mirror
// of the text with each of them marked and numbered by position, and an alert naming them. The text itself is
// never altered.
import type { NationalLanguage } from '../../../../shared/contract';
import type { UnsupportedCharacter } from '../../../../shared/message-parts';
import {
  codePointOf,
  describeUnsupported,
  isInvisible,
  MAX_MARKS,
  mirrorSegments,
  unsupportedPhrase,
} from '../../compose/unsupported-report';
import { VisuallyHidden } from '../VisuallyHidden';

interface UnsupportedMarksProps {
  text: string;
  unsupported: readonly UnsupportedCharacter[];
  nationalLanguage: NationalLanguage;
  /** The character set that cannot carry these characters (ComposePlan.charset). */
  charset: string;
  /** The alert's id, so the textarea can point at it with aria-describedby. */
  alertId: string;
}

export function UnsupportedMarks({ text, unsupported, nationalLanguage, charset, alertId }: UnsupportedMarksProps) {
  if (unsupported.length === 0) return null;
  const unmarked = unsupported.length - MAX_MARKS;
  return (
    <>
      <p id={alertId} className="alert" role="alert">
        {describeUnsupported(unsupported, nationalLanguage, charset)}
      </p>
      {/* Not named with the word "text": tests and people find the textarea by the label "Text". */}
      <div className="compose__mirror mono" role="group" aria-label="Unsupported characters, marked in place">
        {mirrorSegments(text, unsupported).map((segment, i) =>
          segment.kind === 'text' ? (
            <span key={i}>{segment.text}</span>
          ) : (
            <mark key={i} className="unsupported" title={`position ${segment.position} · ${codePointOf(segment.char)}`}>
              {/* An invisible character is shown by its code point, or the mark would be an empty box. */}
              {isInvisible(segment.char) ? `⟨${codePointOf(segment.char)}⟩` : segment.char}
              <sup aria-hidden="true">{segment.position}</sup>
              <VisuallyHidden>{` (position ${segment.position}, ${unsupportedPhrase(charset)})`}</VisuallyHidden>
            </mark>
          ),
        )}
      </div>
      {unmarked > 0 && <p className="hint">Only the first {MAX_MARKS} are marked; {unmarked} more are not.</p>}
    </>
  );
}
