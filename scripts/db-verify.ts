// `npm run db:verify`: integrity, foreign keys, migrations, and every count cell recomputed from
// the raw answers. Prints what differs; exit code 1 if anything does. Read-only.
import { databasePath } from "../db/config";
import { createDb } from "../db/connection";
import { isHealthy, verifyDatabase } from "../app/modules/operations/verify.server";

const path = databasePath();
const { db } = createDb(path);
try {
  const report = await verifyDatabase(db);
  console.log(`Base : ${path}`);
  console.log(`Intégrité SQLite : ${report.integrity.length === 0 ? "ok" : report.integrity.join("; ")}`);
  console.log(`Clés étrangères : ${report.foreignKeys.length === 0 ? "ok" : `${report.foreignKeys.length} ligne(s) orpheline(s)`}`);
  for (const fk of report.foreignKeys) console.log(`  ${fk.table} ligne ${fk.rowid ?? "?"} → ${fk.parent} absente`);
  console.log(`Migrations : ${report.pendingMigrations.length === 0 ? "à jour" : `en attente : ${report.pendingMigrations.join(", ")}`}`);
  console.log(`Cellules de comptage : ${report.cells} dans ${report.campaigns} campagne(s), ${report.differences.length} différence(s)`);
  for (const d of report.differences) {
    console.log(`  campagne ${d.campaignId} projet ${d.projectId} indicateur ${d.indicatorId} partie prenante ${d.groupId} source ${d.source} valeur ${d.value} : gardé ${d.stored}, recalculé ${d.recomputed}`);
  }
  console.log(`Compteurs de participation : ${report.tallies.length === 0 ? "ok" : `${report.tallies.length} différence(s)`}`);
  for (const d of report.tallies) console.log(`  campagne ${d.campaignId} partie prenante ${d.groupId} source ${d.source} : gardé ${d.stored}, recalculé ${d.recomputed}`);
  for (const u of report.unknownIndicators) console.log(`  campagne ${u.campaignId} : réponses à l'indicateur ${u.indicatorId}, absent du cadre`);
  const healthy = isHealthy(report);
  console.log(healthy ? "Tout concorde." : "Des différences ont été trouvées (voir ci-dessus).");
  process.exitCode = healthy ? 0 : 1;
} finally {
  await db.destroy();
}
