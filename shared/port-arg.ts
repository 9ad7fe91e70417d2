// A port given on a command line (the browser host's --port/--sim-port, the headless simulator's --port): one check
// and one wording, each caller throwing its own kind of error with it.

/** SMPP's registered port: where the simulator listens unless told otherwise. */
export const DEFAULT_SMPP_PORT = 2775;

/** 0–65535 (0 picks a free one); otherwise the problem, in words that name the flag. */
export function parsePortArg(flag: string, value: string): { port: number } | { problem: string } {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { problem: `${flag}: ${value} is not a port (0–65535; 0 picks a free one)` };
  return { port };
}
