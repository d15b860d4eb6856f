import type Database from 'better-sqlite3';

/** An open better-sqlite3 database (in shared/ so every part of the core can name it without importing the store). */
export type Db = Database.Database;
