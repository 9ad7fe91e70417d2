// Saved bind profiles. The password is not a column: it goes through the SecretStore.
import { randomUUID } from 'node:crypto';
import type { BindMode, ProfileView } from '../../../shared/contract';
import type { Database } from './database';
import type { SecretStore } from './secret-store';

/** The stored profile: what the renderer sees (less passwordSet, which comes from the SecretStore) and more. */
export interface Profile extends Omit<ProfileView, 'passwordSet'> {
  addrTon: number;
  addrNpi: number;
  addressRange: string;
  responseTimeoutMs: number;
  windowSize: number;
}

interface ProfileRow {
  id: string; name: string; host: string; port: number; builtin_simulator: number; bind_mode: string; system_id: string;
  system_type: string; interface_version: number; addr_ton: number; addr_npi: number; address_range: string;
  enquire_link_interval_ms: number; response_timeout_ms: number; window_size: number;
}

export class ProfilesRepo {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretStore,
  ) {}

  list(): Profile[] {
    const rows = this.db.prepare('SELECT * FROM profiles ORDER BY builtin_simulator DESC, name').all() as unknown as ProfileRow[];
    return rows.map(fromRow);
  }

  get(id: string): Profile | null {
    const row = this.db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as unknown as ProfileRow | undefined;
    return row ? fromRow(row) : null;
  }

  create(profile: Omit<Profile, 'id'>): Profile {
    const created = { ...profile, id: randomUUID() };
    this.db
      .prepare(
        `INSERT INTO profiles (id, name, host, port, builtin_simulator, bind_mode, system_id, system_type, interface_version,
          addr_ton, addr_npi, address_range, enquire_link_interval_ms, response_timeout_ms, window_size, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        created.id, created.name, created.host, created.port, created.builtinSimulator ? 1 : 0, created.bindMode, created.systemId,
        created.systemType, created.interfaceVersion, created.addrTon, created.addrNpi, created.addressRange,
        created.enquireLinkIntervalMs, created.responseTimeoutMs, created.windowSize, Date.now(),
      );
    return created;
  }

  password(id: string): string {
    return this.secrets.get(id) ?? '';
  }

  view(profile: Profile): ProfileView {
    const { id, name, host, port, builtinSimulator, bindMode, systemId, systemType, interfaceVersion, enquireLinkIntervalMs } = profile;
    return {
      id, name, host, port, builtinSimulator, bindMode, systemId, systemType, interfaceVersion, enquireLinkIntervalMs,
      passwordSet: this.secrets.has(id),
    };
  }
}

function fromRow(row: ProfileRow): Profile {
  return {
    id: row.id, name: row.name, host: row.host, port: row.port, builtinSimulator: row.builtin_simulator === 1,
    bindMode: row.bind_mode as BindMode, systemId: row.system_id, systemType: row.system_type,
    interfaceVersion: row.interface_version, addrTon: row.addr_ton, addrNpi: row.addr_npi, addressRange: row.address_range,
    enquireLinkIntervalMs: row.enquire_link_interval_ms, responseTimeoutMs: row.response_timeout_ms, windowSize: row.window_size,
  };
}
