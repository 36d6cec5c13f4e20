// `npm run db:restore -- <backup file>`: replaces DATABASE_URL by the backup. Stop the server first.
import { resolve } from "node:path";
import { restoreDatabase } from "../db/backup";
import { databasePath } from "../db/config";

const backup = process.argv[2];
if (!backup) {
  console.error("Indiquez la sauvegarde : npm run db:restore -- backups/app-….sqlite");
  process.exit(2);
}
const target = databasePath();
const { keptAs } = restoreDatabase(resolve(backup), target);
console.log(`Base restaurée : ${target} (depuis ${resolve(backup)}).`);
if (keptAs) console.log(`L'ancienne base est gardée à côté : ${keptAs}`);
console.log("Ensuite : npm run db:verify, puis redémarrez le serveur (il applique les migrations manquantes).");
