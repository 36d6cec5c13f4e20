// `npm run db:backup [-- <file>]`: an online backup of DATABASE_URL, safe while the server runs.
import { resolve } from "node:path";
import { backupDatabase } from "../db/backup";
import { databasePath } from "../db/config";

const source = databasePath();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = resolve(process.argv[2] ?? `backups/app-${stamp}.sqlite`);
const { pages } = await backupDatabase(source, destination);
console.log(`Sauvegarde écrite : ${destination} (${pages} pages, depuis ${source}).`);
console.log(`Pour la restaurer (serveur arrêté) : npm run db:restore -- ${destination}`);
