// Net::SMPP (Debian's libnet-smpp-perl) as an outside ESME against the simulator: test/interop/net-smpp-esme.pl
// driven one JSON line at a time. Every PDU it reads is kept in `received`, in order.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export const netSmppAvailable = spawnSync('perl', ['-MNet::SMPP', '-MJSON::PP', '-e', '1']).status === 0;
export const netSmppMissing = 'perl module Net::SMPP is missing (apt-get install libnet-smpp-perl)';

export interface NetPdu {
  command: string;
  status: number;
  seq: number;
  /** Fields as Net::SMPP decoded them: numbers, or octets as Latin-1 characters (TLVs included, by name). */
  fields: Record<string, string | number>;
  body: string;
  /** performance.now() when the script handed it over. */
  receivedAt: number;
}

type Answer = { op: 'pdu' } & Omit<NetPdu, 'receivedAt'> | { op: 'sent'; seq: number } | { op: 'timeout' | 'eof' | 'connected' | 'closed' | 'error'; error?: string };

export class NetSmppEsme {
  readonly received: NetPdu[] = [];
  private readonly waiting: Array<(answer: Answer) => void> = [];

  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line) as Answer));
  }

  static async connect(port: number): Promise<NetSmppEsme> {
    const child = spawn('perl', ['test/interop/net-smpp-esme.pl'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const esme = new NetSmppEsme(child);
    const answer = await esme.command({ op: 'connect', host: '127.0.0.1', port });
    if (answer.op !== 'connected') throw new Error(`Net::SMPP could not connect: ${JSON.stringify(answer)}`);
    return esme;
  }

  private command(command: object): Promise<Answer> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin!.write(`${JSON.stringify(command)}\n`);
    });
  }

  /** Sends one of Net::SMPP's requests (fields and TLVs by name); resolves with its sequence number. */
  async send(op: string, args: Record<string, string | number> = {}): Promise<number> {
    const answer = await this.command({ op, args });
    if (answer.op !== 'sent') throw new Error(`Net::SMPP ${op}: ${JSON.stringify(answer)}`);
    return answer.seq;
  }

  /** The next PDU (answered first if it is a request an ESME must answer), or why there is none. */
  async read(timeoutMs: number): Promise<NetPdu | 'timeout' | 'eof'> {
    const answer = await this.command({ op: 'read', timeout: timeoutMs / 1000 });
    if (answer.op === 'pdu') {
      const { op: _op, ...fields } = answer;
      const pdu = { ...fields, receivedAt: performance.now() };
      this.received.push(pdu);
      return pdu;
    }
    return answer.op === 'timeout' ? 'timeout' : 'eof';
  }

  /** Reads until a PDU matches (earlier ones are kept in `received`); null when none comes within the time. */
  async expect(match: (pdu: NetPdu) => boolean, timeoutMs = 3000): Promise<NetPdu | null> {
    const found = this.received.find(match);
    if (found) return found;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      const pdu = await this.read(Math.min(left, 500));
      if (pdu === 'eof') return null;
      if (pdu !== 'timeout' && match(pdu)) return pdu;
    }
  }

  /** Reads until `count` PDUs received so far match; resolves with them (fewer if the time runs out). */
  async collect(match: (pdu: NetPdu) => boolean, count: number, timeoutMs = 3000): Promise<NetPdu[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.filter(match).length < count && Date.now() < deadline) {
      if ((await this.read(Math.min(500, Math.max(1, deadline - Date.now())))) === 'eof') break;
    }
    return this.received.filter(match);
  }

  /** A request and its response (by sequence number). */
  async request(op: string, args: Record<string, string | number> = {}, timeoutMs = 3000): Promise<NetPdu | null> {
    const seq = await this.send(op, args);
    return this.expect((p) => p.seq === seq && (p.command.endsWith('_resp') || p.command === 'generic_nack'), timeoutMs);
  }

  async bind(mode: 'transceiver' | 'receiver' | 'transmitter', systemId: string, password = ''): Promise<NetPdu | null> {
    return this.request(`bind_${mode}`, { system_id: systemId, password });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.write(`${JSON.stringify({ op: 'close' })}\n`);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

/** A TLV of one octet (message_state) as its number. */
export const octetOf = (value: string | number | undefined) => (typeof value === 'string' ? value.charCodeAt(0) : value);
/** A C-Octet String TLV (receipted_message_id) without its NUL. */
export const cStringOf = (value: string | number | undefined) => (typeof value === 'string' ? value.replace(/\0$/, '') : value);
