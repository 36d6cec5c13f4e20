import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { openSqlite } from "./connection";

/**
 * A consistent copy of the live database through SQLite's online backup API: safe while the
 * server writes (a write during the copy makes SQLite restart the affected pages), unlike
 * copying the file, which can catch a half-written WAL. The copy is one self-contained file.
 */
export async function backupDatabase(sourcePath: string, destinationPath: string): Promise<{ pages: number }> {
  if (existsSync(destinationPath)) throw new Error(`${destinationPath} existe déjà : choisissez un autre nom, une sauvegarde n'en écrase jamais une autre.`);
  mkdirSync(dirname(destinationPath), { recursive: true });
  const source = openSqlite(sourcePath);
  try {
    const { totalPages } = await source.backup(destinationPath);
    // The copy is in WAL mode like its source: fold it into one file, so copying it is enough.
    const copy = new SqliteDatabase(destinationPath);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    return { pages: totalPages };
  } finally {
    source.close();
  }
}

/** SQLite's own check of a file ("ok", or what is wrong). */
export function checkSqliteFile(path: string): string[] {
  const sqlite = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
  } finally {
    sqlite.close();
  }
}

/**
 * Puts a backup in place of the database, the server being stopped: checks the backup first,
 * keeps the current file beside it (`…before-restore-<time>`), removes the old WAL and shared
 * memory files (they belong to the replaced database and would corrupt the restored one).
 */
export function restoreDatabase(backupPath: string, targetPath: string, now = new Date()): { keptAs: string | null } {
  const problems = checkSqliteFile(backupPath).filter((line) => line !== "ok");
  if (problems.length > 0) throw new Error(`La sauvegarde ${backupPath} est abîmée : ${problems.join("; ")}`);
  mkdirSync(dirname(targetPath), { recursive: true });
  let keptAs: string | null = null;
  if (existsSync(targetPath)) {
    // Fold the current WAL in before moving the file aside, so the kept copy is complete.
    const current = new SqliteDatabase(targetPath);
    current.pragma("wal_checkpoint(TRUNCATE)");
    current.close();
    keptAs = `${targetPath}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(targetPath, keptAs);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${targetPath}${suffix}`, { force: true });
  copyFileSync(backupPath, targetPath);
  return { keptAs };
}
