// "reconnecting in 4 s" for a session waiting to reconnect. It ticks once a second and exists only while a
// session has a next attempt, so an idle console runs no timer. Keyed by the attempt time where it is used, so
// a new attempt starts from a fresh clock reading.
import { useEffect, useState } from 'react';
import { secondsUntil } from '../format/session-counters';

export function ReconnectCountdown({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="countdown">reconnecting in {secondsUntil(at, now)} s</span>;
}
