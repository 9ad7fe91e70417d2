// shared/smpp-names.ts is the UI's copy of the smpp package's tables (shared/ cannot import the package): equal.
import { commands, errors } from 'smpp/lib/defs.js';
import { describe, expect, it } from 'vitest';
import { COMMAND_STATUSES, SMPP_COMMANDS } from '../../shared/smpp-names';

describe('the UI’s SMPP names', () => {
  it('are the package’s commands and command_status values, all of them', () => {
    expect([...SMPP_COMMANDS]).toEqual(Object.keys(commands));
    expect(COMMAND_STATUSES.map(([name, value]) => [name, value])).toEqual(Object.entries(errors));
  });
});
