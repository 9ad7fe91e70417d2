// A sent message's story: what went where, its overall state (the parts' summary), each part's steps, and what
// can be done with it now.
import type { MessageLifecycle } from '../../../../shared/contract';
import { formatClock } from '../../format/display';
import { describeParts } from '../../format/parts';
import { messageTone } from '../../format/tones';
import { StatusWord } from '../StatusWord';
import { LifecycleActions } from './LifecycleActions';
import { PartSteps } from './PartSteps';

export function MessageTimeline({ story }: { story: MessageLifecycle }) {
  const { message, parts } = story;
  const long = parts.length > 1;
  return (
    <div className="lifecycle">
      <dl className="lifecycle__summary">
        <dt>From → to</dt>
        <dd className="mono">
          {message.sourceAddr || '(empty)'} → {message.destinationAddr}
        </dd>
        <dt>Text</dt>
        <dd className="lifecycle__text">{message.text}</dd>
        <dt>State</dt>
        <dd>
          <StatusWord tone={messageTone(message.state)}>{message.state}</StatusWord>{' '}
          <span className="muted">
            {describeParts(message.parts)} · data_coding 0x{message.dataCoding.toString(16).padStart(2, '0').toUpperCase()} · submitted{' '}
            {formatClock(message.submittedAt)}
          </span>
        </dd>
      </dl>
      {parts.map((part) => (
        <section key={part.seq} className="lifecycle__part" aria-label={long ? `Part ${part.seq} of ${parts.length}` : 'The message'}>
          {long && (
            <h3>
              Part {part.seq} of {parts.length} <StatusWord tone={messageTone(part.state)}>{part.state}</StatusWord>
            </h3>
          )}
          <PartSteps part={part} partName={long ? `part ${part.seq}` : 'the message'} />
        </section>
      ))}
      <LifecycleActions story={story} />
    </div>
  );
}
