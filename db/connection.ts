import SqliteDatabase from "better-sqlite3";
import { Kysely, SqliteDialect, type Transaction } from "kysely";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
/** Either the database or an open transaction: module functions accept both. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** Opens the SQLite file with the settings every acknowledged write relies on. */
export function openSqlite(filename: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(filename);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a submission the person was told is saved survives a power cut (DESIGN.md §4).
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Deleted drafts and personal data are overwritten, not left in free pages.
  sqlite.pragma("secure_delete = ON");
  return sqlite;
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused. Keeping them by
 * SQL text removed about a fifth of the CPU time of a survey submit (npm run bench). Bounded:
 * queries with `in (?, ?, …)` lists vary in text, so the cache starts over when full.
 * (Nothing streams rows with .stream(): a statement reused while iterating would be busy.)
 */
function reusingStatements(sqlite: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 1000) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export function createDb(filename: string): { db: Db; sqlite: SqliteDatabase.Database } {
  const sqlite = openSqlite(filename);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  return { db, sqlite };
}
