import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA, TABLE_NAMES } from "../../core/contract/schema";
import { workbookDoc } from "../../templates/workbook-doc";

const committed = readFileSync(join(__dirname, "..", "..", "docs", "workbook.md"), "utf8");

describe("docs/workbook.md is generated from the schema", () => {
  it("equals the generated text (regenerate: node -e 'require(\"tsx/cjs\"); require(\"./scripts/gen-workbook-doc.ts\")')", () => {
    expect(committed).toBe(workbookDoc());
  });

  it.each(TABLE_NAMES.map((t) => [t]))("documents every column of %s in both languages", (table) => {
    const def = SCHEMA[table];
    expect(committed).toContain(`## ${def.sheet.zh} · ${table}`);
    for (const c of def.columns) expect(committed).toContain(`| ${c.zh} | ${c.key} |`);
  });
});
