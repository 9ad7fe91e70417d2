// Command-line options of the browser host: `--port P --data-dir D [--sim-port S] [--host H]`.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SMPP_PORT, parsePortArg } from '../../shared/port-arg';

export interface HostArgs {
  host: string;
  port: number;
  dataDir: string;
  simPort: number;
}

export const DEFAULT_UI_PORT = 7575;
export const DEFAULT_SIM_PORT = DEFAULT_SMPP_PORT;

/** Where the console keeps its data when not told: the XDG data folder, as the Electron shell's userData would be. */
export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'smpp-console');
}

export function parseHostArgs(argv: string[]): HostArgs {
  const args: HostArgs = { host: '127.0.0.1', port: DEFAULT_UI_PORT, dataDir: defaultDataDir(), simPort: DEFAULT_SIM_PORT };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    switch (flag) {
      case '--port': args.port = port(flag, value); break;
      case '--sim-port': args.simPort = port(flag, value); break;
      case '--data-dir': args.dataDir = value; break;
      case '--host': args.host = value; break;
      default: throw new Error(`unknown option ${flag} (known: --port, --sim-port, --data-dir, --host)`);
    }
    i += 1;
  }
  return args;
}

function port(flag: string, value: string): number {
  const parsed = parsePortArg(flag, value);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.port;
}
