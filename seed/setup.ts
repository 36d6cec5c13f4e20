import { databasePath } from "../db/config";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { seedDemoTerritory } from "./seed";

/**
 * Migrates the database and seeds the demo territory if it is new. Safe to run any number of
 * times. DEMO_RESPONSES=0 leaves the demo campaign without sample answers (the browser tests).
 */
export async function setupDatabase(path = databasePath(), withResponses = process.env.DEMO_RESPONSES !== "0") {
  const { db } = createDb(path);
  try {
    const applied = await migrateToLatest(db);
    const seeded = await seedDemoTerritory(db, { withResponses });
    return { path, applied, seeded };
  } finally {
    await db.destroy();
  }
}

// `tsx seed/setup.ts` (npm run db:setup / npm run dev)
if (import.meta.url === `file://${process.argv[1]}`) {
  const { path, applied, seeded } = await setupDatabase();
  console.log(`Base de données : ${path} — ${applied.length} migration(s) appliquée(s)${seeded ? ", territoire de démo créé" : ""}.`);
}
