import { databasePath } from "../db/config";
import { createDb, type Db } from "../db/connection";

// One connection per process. Kept on globalThis so `remix dev` rebuilds reuse it.
const globalForDb = globalThis as unknown as { __appDb?: Db };

export const db: Db = (globalForDb.__appDb ??= createDb(databasePath()).db);
