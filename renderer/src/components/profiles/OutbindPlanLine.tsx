// Says, as the user types, where an outbind profile will listen and whom it will accept — the host resolves the
// SMSC's name and, when the address is left empty, picks 127.0.0.1 or the interface that routes to the SMSC.
// Asked after a pause in typing, and only the latest answer is shown.
import { useEffect, useState } from 'react';
import { useConsole } from '../../store/console-context';

const ASK_AFTER_MS = 300;

export function OutbindPlanLine({ host, listenAddress }: { host: string; listenAddress: string }) {
  const planOutbind = useConsole((state) => state.planOutbind);
  const [line, setLine] = useState<{ text: string; problem: boolean } | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void planOutbind(host.trim(), listenAddress.trim()).then((result) => {
        if (!current) return;
        setLine(
          result.ok
            ? { text: `Listens on ${result.plan.listenAddress} (${result.plan.why}); accepts connections from ${result.plan.smscAddresses.join(', ')} only.`, problem: false }
            : { text: result.message, problem: true },
        );
      });
    }, ASK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, listenAddress, planOutbind]);
  if (line === null) return null;
  return (
    <p className="hint profile-form__wide" role="status" aria-label="Outbind listener" data-over={line.problem || undefined}>
      {line.text}
    </p>
  );
}
