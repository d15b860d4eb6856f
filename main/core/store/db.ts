import type Database from 'better-sqlite3';

/** An open better-sqlite3 database (its own file so the migrations can name it without importing `database.ts`). */
export type Db = Database.Database;
