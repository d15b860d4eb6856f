import m001 from './001-settings';
import m002 from './002-core-schema';
import m003 from './003-identity';
import m005 from './005-guard';
import m006 from './006-snooze';
import m007 from './007-message-revisions';
import m008 from './008-read-paths';
import m009 from './009-search-prefix';
import m010 from './010-inbound-checks';
import m011 from './011-role-grants';
import m012 from './012-search-refold';
import m013 from './013-resolution-times';
import m014 from './014-conversation-aliases';
import m015 from './015-search-without-tokens';
import m016 from './016-early-revisions';
import m017 from './017-channel-removal';
import m018 from './018-label-activity';
import m019 from './019-conversation-preview';
import m020 from './020-contact-words';
import m021 from './021-inbound-wording';
import m022 from './022-inbound-latest';
import m023 from './023-search-terms';
import m024 from './024-contact-details';
import m025 from './025-label-tallies';
import m026 from './026-inbox-rows';
import m027 from './027-tally-unread';
import m028 from './028-search-refold-digits';
import m029 from './029-activity-index';
import m030 from './030-inbound-outcomes';
import m031 from './031-latest-inbound';
import m032 from './032-field-marks';
import type { Db } from '../db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot express (e.g. refilling an index through JavaScript), run after `sql` in the same transaction. */
  run?: (db: Db) => void;
}

/**
 * Every migration, in order. Add a file `NNN-name.ts` and list it here; never edit one that has shipped.
 * (004 was set aside for the connectors, which keep channel health in memory and needed no table.)
 */
export const migrations: readonly Migration[] = [m001, m002, m003, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016, m017, m018, m019, m020, m021, m022, m023, m024, m025, m026, m027, m028, m029, m030, m031, m032];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
