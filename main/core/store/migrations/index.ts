import m001 from './001-settings';
import m002 from './002-core-schema';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Add a file `NNN-name.ts` and list it here; never edit one that has shipped. */
export const migrations: readonly Migration[] = [m001, m002];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
