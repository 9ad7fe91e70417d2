// The simulator on its own, as a test SMSC for other tools:
//   npm run simulator -- --scenario file.json --port 2775 [--host 127.0.0.1] [--data-dir D] [--tls-key K --tls-cert C]
// One line per thing it does on stdout (time, session, what); a bad option or scenario is one line on stderr naming
// the field, and exit status 2. The shell (electron/simulator/index.ts) stops it on SIGTERM/SIGINT with status 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulatorActivity } from '../../../shared/contract';
import { DEFAULT_SMPP_PORT, parsePortArg } from '../../../shared/port-arg';
import { checkScenarioJson, defaultScenario } from './scenario-schema';
import { SmscSimulator } from './smsc-simulator';

export interface HeadlessArgs {
  scenarioFile: string | null;
  host: string;
  port: number;
  dataDir: string | null;
  tlsKey: string | null;
  tlsCert: string | null;
}

export class HeadlessUsageError extends Error {
  constructor(
    message: string,
    /** Asked for with --help: the usage goes to stdout and the exit status is 0. */
    readonly help = false,
  ) {
    super(message);
  }
}

const USAGE = 'usage: npm run simulator -- [--scenario file.json] [--port 2775] [--host 127.0.0.1] [--data-dir D] [--tls-key key.pem --tls-cert cert.pem]';

export function parseSimulatorArgs(argv: string[]): HeadlessArgs {
  const args: HeadlessArgs = { scenarioFile: null, host: '127.0.0.1', port: DEFAULT_SMPP_PORT, dataDir: null, tlsKey: null, tlsCert: null };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') throw new HeadlessUsageError(USAGE, true);
    if (value === undefined) throw new HeadlessUsageError(`${flag} needs a value\n${USAGE}`);
    switch (flag) {
      case '--scenario': args.scenarioFile = value; break;
      case '--host': args.host = value; break;
      case '--data-dir': args.dataDir = value; break;
      case '--tls-key': args.tlsKey = value; break;
      case '--tls-cert': args.tlsCert = value; break;
      case '--port': {
        const parsed = parsePortArg(flag, value);
        if ('problem' in parsed) throw new HeadlessUsageError(parsed.problem);
        args.port = parsed.port;
        break;
      }
      default: throw new HeadlessUsageError(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if ((args.tlsKey === null) !== (args.tlsCert === null)) throw new HeadlessUsageError('--tls-key and --tls-cert go together');
  return args;
}

function readOrFail(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new HeadlessUsageError(`${what} ${file}: ${(error as Error).message}`);
  }
}

function activityLine(entry: SimulatorActivity): string {
  return `${new Date(entry.at).toISOString()} ${entry.sessionId ? `[${entry.sessionId}] ` : ''}${entry.text}`;
}

/** Starts the simulator as the arguments say; resolves once it listens (its first line is printed by then). */
export async function startHeadless(args: HeadlessArgs, print: (line: string) => void): Promise<SmscSimulator> {
  let scenario = defaultScenario();
  if (args.scenarioFile) {
    const checked = checkScenarioJson(readOrFail(args.scenarioFile, 'scenario'));
    if (!checked.ok) throw new HeadlessUsageError(`scenario ${args.scenarioFile}: ${checked.message}`);
    scenario = checked.scenario;
  }
  const simulator = new SmscSimulator({
    host: args.host, port: args.port, scenario,
    ...(args.dataDir ? { idStateFile: join(args.dataDir, 'message-ids.json') } : {}),
    ...(args.tlsKey && args.tlsCert ? { tls: { key: readOrFail(args.tlsKey, 'TLS key'), cert: readOrFail(args.tlsCert, 'TLS certificate') } } : {}),
    onActivity: (entry) => print(activityLine(entry)),
    onError: (error, where) => print(`${new Date().toISOString()} error ${where}: ${error instanceof Error ? error.message : String(error)}`),
  });
  await simulator.start().catch((error: Error) => {
    // With TLS, a key or certificate that is not PEM (or not a pair) fails here, in OpenSSL's words: name the files.
    const tls = args.tlsKey && args.tlsCert ? ` with TLS (key ${args.tlsKey}, certificate ${args.tlsCert})` : '';
    throw new HeadlessUsageError(`cannot listen on ${args.host}:${args.port}${tls}: ${error.message}`);
  });
  return simulator;
}
