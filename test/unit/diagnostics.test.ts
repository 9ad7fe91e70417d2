// The diagnostics path: a rotating owner-only log with stacks, storms written once with a count, and the note in
// the session's trace.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../electron/core/diagnostics/diagnostics';
import { RotatingLog } from '../../electron/core/diagnostics/rotating-log';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-diag-'));
  dirs.push(dir);
  return dir;
}

describe('the rotating log', () => {
  it('rotates past its size, keeps N old files, and is readable by its owner only', () => {
    const dir = join(tempDir(), 'logs');
    const log = new RotatingLog({ dir, maxBytes: 1000, keep: 2 });
    for (let i = 0; i < 50; i += 1) log.append(`${String(i).padStart(3, '0')} ${'x'.repeat(96)}\n`);
    expect(readdirSync(dir).sort()).toEqual(['smpp-console.log', 'smpp-console.log.1', 'smpp-console.log.2']);
    for (const name of readdirSync(dir)) {
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(1000);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // the newest entries are in the live file, the oldest are gone
    expect(readFileSync(join(dir, 'smpp-console.log'), 'utf8')).toContain('049 ');
    expect(readFileSync(join(dir, 'smpp-console.log.2'), 'utf8')).not.toContain('000 ');
  });
});

describe('Diagnostics.report', () => {
  it('writes the stack to the log and the message to the session trace', () => {
    const log = new RotatingLog({ dir: tempDir() });
    const notes: Array<[string, string]> = [];
    const diagnostics = new Diagnostics(log);
    diagnostics.attachTrace((sessionId, text) => notes.push([sessionId, text]));
    const thrower = () => {
      throw new Error('database is locked');
    };
    try {
      thrower();
    } catch (error) {
      diagnostics.report(error, { where: 'committing deliver_sm seq 7', sessionId: 'S1' });
    }
    expect(notes).toEqual([['S1', 'committing deliver_sm seq 7: database is locked']]);
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR \[committing deliver_sm seq 7\] session=S1 Error: database is locked\n {4}at /);
    expect(text).toContain('diagnostics.test.ts');
  });

  it('writes a storm of the same error once per window, then says how many it held back', () => {
    const log = new RotatingLog({ dir: tempDir() });
    let now = 1_000_000;
    const diagnostics = new Diagnostics(log, () => now);
    for (let i = 0; i < 500; i += 1) diagnostics.report(new Error('disk full'), { where: 'storing trace records' });
    now += 11_000;
    diagnostics.report(new Error('disk full'), { where: 'storing trace records' });
    const entries = readFileSync(log.file, 'utf8').split('\n').filter((line) => /^\d{4}-/.test(line));
    expect(entries).toHaveLength(2);
    expect(readFileSync(log.file, 'utf8')).toContain('(and 499 more like it since 1970-01-01T00:16:40.000Z)');
  });

  it('a trace note that fails is logged, and the report still reaches the log', () => {
    const log = new RotatingLog({ dir: tempDir() });
    const diagnostics = new Diagnostics(log);
    diagnostics.attachTrace(() => {
      throw new Error('trace gone');
    });
    diagnostics.report(new Error('first'), { where: 'answering', sessionId: 'S' });
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('[noting an error in the trace] Error: trace gone');
    expect(text).toContain('[answering] session=S Error: first');
  });
});
