// `npm run simulator -- --scenario file.json --port P`: the built-in SMSC simulator alone, headless, as a test SMSC
// for other tools. Logs what it does to stdout, serves until SIGINT/SIGTERM, then exits 0 (2 on a bad option or
// scenario, with the reason on stderr).
import { HeadlessUsageError, parseSimulatorArgs, startHeadless } from '../core/simulator/headless';

async function main(): Promise<void> {
  const simulator = await startHeadless(parseSimulatorArgs(process.argv.slice(2)), (line) => console.log(line));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${new Date().toISOString()} ${signal}: stopping`);
    await simulator.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  if (error instanceof HeadlessUsageError && error.help) {
    console.log(error.message);
    process.exit(0);
  }
  console.error(`smpp-simulator: ${error.message}`);
  process.exit(error instanceof HeadlessUsageError ? 2 : 1);
});
