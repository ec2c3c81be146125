/**
 * Writes docs/workbook.md from core/contract/schema.ts. Run:
 *   node -e 'require("tsx/cjs"); require("./scripts/gen-workbook-doc.ts")'
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookDoc } from "../templates/workbook-doc";

const path = join(__dirname, "..", "docs", "workbook.md");
writeFileSync(path, workbookDoc());
process.stdout.write(`wrote ${path}\n`);
