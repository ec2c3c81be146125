/** `tradebook due` in-process, on real .xlsx files written by the template builder (exceljs). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/due";
import { UsageError } from "../../cli/args";
import type { CliIO } from "../../cli/io";
import type { Lang } from "../../core/contract/schema";
import type { CountryCode, Salesperson, SalespersonName } from "../../core/contract/model";
import { dayOf, serialAtInstant, toISODate } from "../../core/contract/dates";
import { buildWorkbook } from "../../templates/builder";
import { customer, day, followUp } from "../core/rules/cadence-fixtures";

let dir = "";
const li = "Li Na" as SalespersonName;
const wang = "Wang Wei" as SalespersonName;
const person = (Name: SalespersonName): Salesperson => ({ Name, HireDate: day("2024-01-02"), Manager: null, BaseSalaryCNY: null, Active: null, Email: null });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "tradebook-due-"));
  const data = {
    Salespeople: [person(li), person(wang)],
    Customers: [
      customer("C-1", { Company: "Berlin Lights GmbH", Owner: li, Country: "DE" as CountryCode, CreatedOn: day("2026-01-05") }),
      customer("C-2", { Company: "Sydney Lamps Pty", Owner: wang, Country: "AU" as CountryCode, CreatedOn: day("2026-11-24"), Birthday: day("1979-11-29") }),
      customer("C-3", { Company: "Pool Co", Owner: li, Country: "DE" as CountryCode, Status: "Pool" }),
    ],
    FollowUps: [
      followUp("C-1", "2026-11-20 10:00", { Salesperson: li, NextDate: day("2026-11-26"), NextStep: "send quotation" }),
      followUp("C-1", "2026-11-25 16:00", { Salesperson: li, Direction: "In", Channel: "Email" }),
      ...Array.from({ length: 8 }, () => followUp("C-2", "2026-11-25 09:00", { Salesperson: wang, Channel: "WhatsApp" })),
    ],
  };
  for (const lang of ["en-US", "zh-CN"] as const) await buildWorkbook(lang, data).xlsx.writeFile(path.join(dir, `crm-${lang}.xlsx`));
  writeFileSync(path.join(dir, "not-a-workbook.xlsx"), "hello");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function due(args: string[], lang: Lang = "en-US"): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, lang };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("tradebook due", () => {
  it("prints the list grouped by rule, most urgent rule first, then pushy customers (en-US)", async () => {
    const r = await due(["crm-en-US.xlsx", "--date", "2026-11-27"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Due 2026-11-27 Fri, all salespeople: 3 items (2 overdue, 0 today, 1 soon)");
    const order = ["== Promised next contact: 1 (1 overdue)", "== Same-day reply to email: 1 (1 overdue)", "== Birthday greeting: 1 (1 soon)", "== Too many contacts: 1 this week"].map((h) => r.out.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The promise's own next step, and how late it is, said once.
    expect(r.out).toMatch(/\n {2}1 day overdue\s+C-1\s+Berlin Lights GmbH\s+Li Na\s+\S+\s+send quotation\n/);
    expect(r.out).toMatch(/2 days overdue\s+C-1 .*1 inbound email unanswered/);
    expect(r.out).toMatch(/in 2 days\s+C-2\s+Sydney Lamps Pty .*Send .*birthday greetings/);
    expect(r.out).toMatch(/2026-W48\s+C-2 .*8 outbound contacts, at most 7/);
    expect(r.out).not.toContain("Pool Co");
  });

  it("speaks Chinese in a zh-CN session and reads a zh-CN workbook", async () => {
    const r = await due(["crm-zh-CN.xlsx", "--date", "2026-11-27"], "zh-CN");
    expect(r.code).toBe(0);
    expect(r.out).toContain("待办跟进 2026-11-27 周五（全部业务员）：共 3 项（逾期 2，今天 0，即将 1）");
    expect(r.out).toContain("【约定跟进】1 项（逾期 1）");
    expect(r.out).toMatch(/逾期 1 天\s+C-1 .*send quotation/);
    expect(r.out).toContain("1 封来邮未回复");
    expect(r.out).toContain("【联系过频】");
  });

  it("--salesperson keeps one owner's customers; --json prints one document", async () => {
    const r = await due(["crm-en-US.xlsx", "--date", "2026-11-27", "--salesperson", "Wang Wei", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { date: string; salesperson: string; counts: Record<string, number>; items: { rule: string; customerId: string; deadline: string; severity: string; progress: { text: string } }[] };
    expect(doc.date).toBe("2026-11-27");
    expect(doc.salesperson).toBe("Wang Wei");
    expect(doc.counts).toEqual({ overdue: 0, today: 0, soon: 1, pushy: 1 });
    expect(doc.items).toEqual([expect.objectContaining({ rule: "birthday", customerId: "C-2", deadline: "2026-11-29", severity: "soon", progress: expect.objectContaining({ text: "birthday on 11-29 (in 2 days)" }) })]);
  });

  it("the date defaults to today in the work time zone", async () => {
    const today = toISODate(dayOf(serialAtInstant(new Date(), "Asia/Shanghai")));
    const doc = JSON.parse((await due(["crm-en-US.xlsx", "--json"])).out) as { date: string };
    expect(doc.date).toBe(today);
  });

  it("the promise becomes due today on its day", async () => {
    const doc = JSON.parse((await due(["crm-en-US.xlsx", "--date", "2026-11-26", "--json"])).out) as { items: { rule: string; severity: string }[] };
    expect(doc.items.filter((i) => i.rule === "promisedNextContact").map((i) => i.severity)).toEqual(["today"]);
  });

  it.each<[string, string[], RegExp]>([
    ["an unknown salesperson", ["crm-en-US.xlsx", "--salesperson", "Nobody"], /no salesperson named "Nobody".*known: Li Na, Wang Wei/],
    ["a missing file", ["missing.xlsx"], /missing\.xlsx/],
    ["a file that is not a workbook", ["not-a-workbook.xlsx"], /not-a-workbook\.xlsx/],
  ])("exit 2 on %s", async (_name, args, message) => {
    const r = await due(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it.each<[string, string[]]>([
    ["a bad --date", ["crm-en-US.xlsx", "--date", "2026-02-30"]],
    ["no FILE", []],
    ["an unknown option", ["crm-en-US.xlsx", "--week", "2026-W48"]],
  ])("usage error on %s", async (_name, args) => {
    await expect(due(args)).rejects.toBeInstanceOf(UsageError);
  });
});
