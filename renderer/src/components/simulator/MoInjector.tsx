// Mobile-originated messages from the simulator to a bound receiving session (the console's or an outside ESME's):
// one, or N at a rate; a long text goes concatenated by UDH or SAR, or whole in message_payload; any encoding.
import { useId, useState, type FormEvent } from 'react';
import type { SplitMethod, TextEncodingChoice } from '../../../../shared/contract';
import { ENCODING_CHOICES, SPLIT_CHOICES } from '../../compose/compose-options';
import { shortId } from '../../format/display';
import { useConsole } from '../../store/console-context';
import { useShallowRows } from '../../store/use-shallow-rows';
import { ChoiceSelect } from '../compose/OptionControls';

/** The host names no field of an injection: nothing to mark on these selects. */
const NO_ARIA = {};

export function MoInjector() {
  // Sessions that can take a deliver_sm: bound as receiver or transceiver.
  const sessions = useConsole(
    useShallowRows((state) =>
      (state.simulatorStatus?.sessions ?? [])
        .filter((s) => s.bindType === 'receiver' || s.bindType === 'transceiver')
        .map((s) => ({ id: s.id, systemId: s.systemId ?? '' })),
    ),
  );
  const inject = useConsole((state) => state.injectMo);
  const running = useConsole((state) => state.simulatorOutcome.status === 'running');
  const ids = { session: useId(), from: useId(), to: useId(), text: useId(), count: useId(), rate: useId() };
  const [chosen, setChosen] = useState('');
  const [from, setFrom] = useState('447700900123');
  const [to, setTo] = useState('12345');
  const [text, setText] = useState('Hello from the simulator');
  const [encoding, setEncoding] = useState<TextEncodingChoice>('auto');
  const [split, setSplit] = useState<SplitMethod>('udh8');
  const [count, setCount] = useState(1);
  const [rate, setRate] = useState(0);
  const sessionId = sessions.some((s) => s.id === chosen) ? chosen : (sessions[0]?.id ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void inject({ sessionId, sourceAddr: from, destinationAddr: to, text, encoding, split, count, ...(rate > 0 ? { ratePerSecond: rate } : {}) });
  };
  return (
    <form className="simulator__mo" aria-label="Inject MO" onSubmit={submit}>
      <h3>Inject MO</h3>
      <label htmlFor={ids.session}>To session</label>
      <select id={ids.session} value={sessionId} onChange={(event) => setChosen(event.target.value)}>
        {sessions.length === 0 && <option value="">no receiving bind</option>}
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.systemId || '(no system_id)'} · {shortId(s.id)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.from}>MO source_addr</label>
      <input id={ids.from} className="mono" value={from} onChange={(event) => setFrom(event.target.value)} />
      <label htmlFor={ids.to}>MO destination_addr</label>
      <input id={ids.to} className="mono" value={to} onChange={(event) => setTo(event.target.value)} />
      <label htmlFor={ids.text}>MO text</label>
      <textarea id={ids.text} rows={2} value={text} onChange={(event) => setText(event.target.value)} />
      <ChoiceSelect label="MO encoding" choices={ENCODING_CHOICES} value={encoding} onChange={setEncoding} aria={NO_ARIA} />
      <ChoiceSelect label="MO long text as" choices={SPLIT_CHOICES} value={split} onChange={setSplit} aria={NO_ARIA} />
      <label htmlFor={ids.count}>MO messages</label>
      <input id={ids.count} type="number" min={1} value={count} onChange={(event) => setCount(Number(event.target.value))} />
      <label htmlFor={ids.rate}>MO per second (0 = at once)</label>
      <input id={ids.rate} type="number" min={0} value={rate} onChange={(event) => setRate(Number(event.target.value))} />
      <div className="simulator__buttons">
        <button type="submit" disabled={sessionId === '' || running}>
          Inject MO
        </button>
      </div>
    </form>
  );
}
