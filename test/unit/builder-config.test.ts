// electron-builder.yml is checked against electron-builder's own schema, and for what the release needs:
// targets for three OSes, fuses on, sources and the benchmark left out of the package.
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

describe('electron-builder.yml', () => {
  it('validates against the schema and targets Linux, Windows and macOS with fuses set', async () => {
    const config = await getConfig(process.cwd(), null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
    expect(JSON.stringify(config.files)).toContain('!out/main/bench.js');
  });

  it('rejects an unknown key (so the check above can fail)', async () => {
    const config = await getConfig(process.cwd(), null, { linuxx: {} } as never);
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/linuxx/);
  });
});
