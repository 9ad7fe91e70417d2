// Per session, live: PDUs by command and command_status, and the round trips of its requests (either side's) by
// request command — the "SMPP Operations" statistics, kept as counters and histograms (fixed memory), never by
// querying the stored trace.
import type { SessionTraceStats, TraceCommandStats } from '../../../shared/contract';
import { isResponseId, statusName } from '../smpp/smpp-tables';
import type { TraceRecord } from './store/trace-db';
import { RttHistogram } from './rtt-histogram';

interface CommandCounts {
  count: number;
  statuses: Map<number, number>;
  rtt: RttHistogram | null;
}

export class SessionStats {
  private readonly commands = new Map<string, CommandCounts>();
  private readonly all = new RttHistogram();
  private timeouts = 0;

  count(record: TraceRecord): void {
    if (record.direction === 'event') {
      if (record.commandName === 'timeout') this.timeouts += 1;
      return;
    }
    const counts = this.of(record.commandName);
    counts.count += 1;
    if (isResponseId(record.commandId) || record.commandStatus !== 0) {
      counts.statuses.set(record.commandStatus, (counts.statuses.get(record.commandStatus) ?? 0) + 1);
    }
  }

  answered(requestCommand: string, rttMs: number): void {
    const counts = this.of(requestCommand);
    (counts.rtt ??= new RttHistogram()).add(rttMs);
    this.all.add(rttMs);
  }

  view(sessionId: string, outstanding: number): SessionTraceStats {
    const commands: TraceCommandStats[] = [...this.commands.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([command, c]) => ({
        command,
        count: c.count,
        statuses: [...c.statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => ({ status, statusName: statusName(status), count })),
        rtt: c.rtt?.summary() ?? null,
      }));
    return { sessionId, commands, outstanding, timeouts: this.timeouts, rtt: this.all.summary() };
  }

  private of(command: string): CommandCounts {
    let counts = this.commands.get(command);
    if (!counts) {
      counts = { count: 0, statuses: new Map(), rtt: null };
      this.commands.set(command, counts);
    }
    return counts;
  }
}
