// Errors as the user and the log see them: said once (no repeated prefixes), and anything unexpected in a call is
// logged with its stack while the caller gets the message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleAgainstSmsc } from '../support/console-fixture';
import { startRawSmsc } from '../support/raw-smsc';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('error reports', () => {
  it('a submit lost with its connection names the command once and says what happened', async () => {
    const smsc = await startRawSmsc((pdu, ctx) => {
      if (pdu.command === 'submit_sm') ctx.socket.resetAndDestroy();
    });
    cleanups.push(() => smsc.stop());
    const { services, profile } = await consoleAgainstSmsc(smsc, cleanups);
    const session = await services.handlers.connect({ profileId: (await profile('transmitter')).id });
    const result = await services.call('submit', { sessionId: session.id, sourceAddr: '1', destinationAddr: '2', text: 'x' });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(/^submit_sm failed: the connection closed before the response came \((socket error: read ECONNRESET|peer closed the connection|connection closed)\)$/);
    expect(message.match(/failed/g)).toHaveLength(1);
  });

  it('an error that is not the user’s input is logged with its stack, and the caller gets its message', async () => {
    const smsc = await startRawSmsc(() => undefined);
    const port = smsc.port;
    await smsc.stop(); // nothing listens there any more
    const { services, profile, dataDir } = await consoleAgainstSmsc({ ...smsc, port }, cleanups);
    const p = await profile('transceiver');
    const result = await services.call('connect', { profileId: p.id });
    expect(result).toMatchObject({ ok: false, error: { message: `cannot connect to 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}` } });
    const log = readFileSync(join(dataDir, 'logs', 'smpp-console.log'), 'utf8');
    expect(log).toMatch(new RegExp(`ERROR \\[call connect\\] Error: cannot connect to 127\\.0\\.0\\.1:${port}.*\\n {4}at `));
  });
});
