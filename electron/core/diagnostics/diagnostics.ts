// The one path every caught error on the main side takes (design: a catch reports or rethrows). Each report
// becomes a line in the rotating log in the data folder — with its stack, so a bug can be found afterwards — and,
// when it belongs to a session, a note in that session's trace, where the user is already looking.
// A storm of the same error (a store that stays down, a peer that keeps failing) is written once per window with
// a count, so the log stays readable and the disk is not filled by the failure it reports.
import type { RotatingLog } from './rotating-log';

export interface ErrorContext {
  /** What was being done, in the user's words: "answering deliver_sm", "storing trace records", "call submit". */
  where: string;
  /** The session it happened on: the error also shows as a note in that session's trace. */
  sessionId?: string;
}

export type TraceNoteSink = (sessionId: string, text: string) => void;

/** Identical reports within this window after the first are counted, not written. */
const REPEAT_WINDOW_MS = 10_000;

export class Diagnostics {
  private traceNote: TraceNoteSink | null = null;
  private readonly repeats = new Map<string, { since: number; suppressed: number }>();
  private logBroken = false;

  constructor(
    private readonly log: RotatingLog | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where session errors are noted; set once the trace exists (it reports to diagnostics itself). */
  attachTrace(note: TraceNoteSink): void {
    this.traceNote = note;
  }

  report(error: unknown, context: ErrorContext): void {
    const message = errorText(error);
    if (context.sessionId && this.traceNote) {
      // The trace may be what is failing; its note is best effort and must not turn one report into a loop.
      try {
        this.traceNote(context.sessionId, `${context.where}: ${message}`);
      } catch (noteError) {
        this.write('ERROR', 'noting an error in the trace', undefined, errorText(noteError), stackOf(noteError));
      }
    }
    this.write('ERROR', context.where, context.sessionId, message, stackOf(error));
  }

  /** Something worth keeping that is not an error: a store that recovered, a refused outbind. */
  info(text: string, context: ErrorContext): void {
    this.write('INFO', context.where, context.sessionId, text, null);
  }

  private write(level: 'ERROR' | 'INFO', where: string, sessionId: string | undefined, message: string, stack: string | null): void {
    const now = this.now();
    const key = `${level}|${where}|${message}`;
    const seen = this.repeats.get(key);
    if (seen && now - seen.since < REPEAT_WINDOW_MS) {
      seen.suppressed += 1;
      return;
    }
    const repeated = seen && seen.suppressed > 0 ? ` (and ${seen.suppressed} more like it since ${new Date(seen.since).toISOString()})` : '';
    this.repeats.set(key, { since: now, suppressed: 0 });
    if (this.repeats.size > 1000) this.repeats.clear(); // bounded: old keys only cost a repeated line
    const session = sessionId ? ` session=${sessionId}` : '';
    const body = stack && stack.includes(message) ? stack : stack ? `${message}\n${stack}` : message;
    const entry = `${new Date(now).toISOString()} ${level} [${where}]${session} ${indent(body)}${repeated}\n`;
    if (this.log && !this.logBroken) {
      try {
        this.log.append(entry);
        return;
      } catch (logError) {
        // The log itself failed (disk full, folder gone): say so once on stderr, then keep using stderr.
        this.logBroken = true;
        process.stderr.write(`smpp-console: cannot write the log ${this.log.file}: ${errorText(logError)}; errors go to stderr from now on\n`);
      }
    }
    process.stderr.write(`smpp-console: ${entry}`);
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function stackOf(error: unknown): string | null {
  return error instanceof Error && error.stack ? error.stack : null;
}

/** Continuation lines are indented (a stack's already are), so one entry is easy to tell from the next. */
function indent(text: string): string {
  return text.replace(/\n(?![ \t])/g, '\n    ');
}
