/** `npm run -s config-table`: prints the configuration table of docs/configuration.md (harness/config-table.ts). */
import { configTable } from "../harness/config-table.js";

process.stdout.write(`${configTable()}\n`);
