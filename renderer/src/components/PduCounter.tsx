// The PDU count beside the Trace heading. It changes with every trace batch, so it writes its text through a
// transient store subscription instead of re-rendering (design §4).
import { useEffect, useRef } from 'react';
import { formatCount } from '../format/display';
import type { ConsoleState } from '../store/console-store';
import { useConsoleStore } from '../store/console-context';

function describe(state: ConsoleState): { text: string; title: string } {
  const shown = state.trace.length;
  const text = `${formatCount(shown)} ${shown === 1 ? 'PDU' : 'PDUs'}`;
  const title =
    state.traceDropped > 0
      ? `The newest ${formatCount(shown)} of ${formatCount(shown + state.traceDropped)} PDUs seen are kept here`
      : text;
  return { text, title };
}

export function PduCounter() {
  const store = useConsoleStore();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const render = (state: ConsoleState) => {
      const element = ref.current;
      if (element === null) return;
      const { text, title } = describe(state);
      element.textContent = text;
      element.title = title;
    };
    render(store.getState());
    return store.subscribe((state, previous) => {
      if (state.trace !== previous.trace) render(state);
    });
  }, [store]);
  return <span ref={ref} className="counter mono" />;
}
