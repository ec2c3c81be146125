/**
 * The peer of `npm run bench -- --peer` does the same work as `tradebook
 * review`: the formula workbook (bench/peer/) of the 300-customer demo,
 * recalculated by LibreOffice headless (one start), gives every figure its
 * formulas compute exactly as TradeBook's quarterly review of the same file
 * and quarter. The demo's team is judged on stages 1 and 2 or established;
 * two salespeople are added, hired so that stage 3's and stage 4's windows
 * end in the quarter, so every stage's formulas are compared too.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serialFromYMD } from "../../core/contract/dates";
import type { CrmSnapshot, CustomerId, SalespersonName } from "../../core/contract/model";
import type { QuarterlyReview } from "../../core/review/review";
import { generateSample } from "../../templates/sample";
import { compareWithReview, type Comparison } from "../../bench/peer/compare";
import { storedFormula } from "../../bench/peer/formula";
import { readPeerFigures, type PeerFigures } from "../../bench/peer/read-back";
import { csvPathOf, recalcProfile, recalcToCsv } from "../../bench/peer/recalc";
import { reviewOfFile } from "../../bench/peer/tradebook-review";
import { peerWorkbook } from "../../bench/peer/workbook";

const QUARTER = { year: 2026, quarter: 3 } as const;
const AS_OF = serialFromYMD(2026, 11, 27);

/**
 * The demo plus two salespeople hired 2025-10-15 (stage 3: 2026-04-15 ..
 * 2026-07-14) and 2025-08-20 (stage 4: 2026-05-20 .. 2026-08-19), each
 * taking over every third customer of the established salesperson, with
 * the customers' follow-ups, samples and orders; and a third hired
 * 2026-09-01 with no business yet (stage 1, in progress).
 */
function withEveryStage(demo: CrmSnapshot): CrmSnapshot {
  const senior = demo.Salespeople[0];
  const hires = [
    { ...senior, Name: "孙立" as SalespersonName, HireDate: serialFromYMD(2025, 10, 15), BaseSalaryCNY: null, Active: "Y" as const, Email: "li.sun@example.com" },
    { ...senior, Name: "钱进" as SalespersonName, HireDate: serialFromYMD(2025, 8, 20), BaseSalaryCNY: 1200, Active: null, Email: "jin.qian@example.com" },
  ];
  const newcomer = { ...senior, Name: "周新" as SalespersonName, HireDate: serialFromYMD(2026, 9, 1), BaseSalaryCNY: null, Active: "Y" as const, Email: "xin.zhou@example.com" };
  const owner = new Map<CustomerId, SalespersonName>();
  demo.Customers.filter((c) => c.Owner === senior.Name).forEach((c, k) => {
    if (k % 3 !== 0) owner.set(c.CustomerID, hires[(k % 3) - 1].Name);
  });
  const moved = <T extends { CustomerID: CustomerId; Salesperson: SalespersonName }>(r: T): T => ({ ...r, Salesperson: owner.get(r.CustomerID) ?? r.Salesperson });
  return {
    ...demo,
    Salespeople: [...demo.Salespeople, ...hires, newcomer],
    Customers: demo.Customers.map((c) => ({ ...c, Owner: owner.get(c.CustomerID) ?? c.Owner })),
    FollowUps: demo.FollowUps.map(moved),
    Samples: demo.Samples.map(moved),
    Orders: demo.Orders.map(moved),
  };
}

let dir = "";
let review: QuarterlyReview;
let peer: PeerFigures;
let comparison: Comparison;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tradebook-peer-"));
  const data = withEveryStage(generateSample({ seed: 1, scale: 1, asOf: AS_OF, lang: "zh-CN" }));
  const { workbook, layout } = peerWorkbook(data, QUARTER);
  const file = join(dir, "peer.xlsx");
  await workbook.xlsx.writeFile(file);
  await recalcToCsv(recalcProfile(join(dir, "lo")), [file], { name: layout.sheet, number: layout.sheetNumber }, dir);
  peer = readPeerFigures(readFileSync(csvPathOf(file, layout.sheet, dir), "utf8"), layout);
  // TradeBook reads the very file LibreOffice computed: the formula columns are extra columns to it.
  review = await reviewOfFile(file, QUARTER);
  comparison = compareWithReview(peer, review);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the peer's formulas give TradeBook's review of 2026-Q3", () => {
  it("every figure the formulas compute is equal", () => {
    expect(comparison.differences).toEqual([]);
    // 7 listed salespeople × 15 figures, 1 list, 5 team totals, 6 grades, 12 regions × 2.
    expect(comparison.figures).toBe(1 + 7 * 15 + 5 + 6 + 12 * 2);
  });

  it("the review judges every stage, so every stage's formulas are compared", () => {
    expect(new Set(review.salespeople.map((s) => s.stage))).toEqual(new Set([1, 2, 3, 4, "established"]));
    expect(new Set(review.salespeople.map((s) => s.requirement?.status ?? null))).toEqual(new Set([null, "passed", "failed", "in progress"]));
    // The salesperson hired after the quarter has a row on the peer's sheet but is not listed.
    expect(peer.salespeople.filter((p) => !p.listed).map((p) => p.stage)).toEqual([null]);
  });

  it("the figures are of a busy quarter, not zeros that agree", () => {
    expect(review.team.orders).toBeGreaterThan(50);
    expect(review.team.paidCNY).toBeGreaterThan(1_000_000);
    expect(review.salespeople.filter((s) => s.repeatCustomers > 0 && s.imCustomers > 0 && s.sampleRequests > 0).length).toBeGreaterThan(2);
    expect(Object.values(review.grades).every((n) => n > 0)).toBe(true);
    expect(review.salespeople.filter((s) => s.stage === 1).map((s) => s.requirement?.imCustomers ?? 0).some((n) => n > 0)).toBe(true);
  });

  it("a figure that differs is reported by name", () => {
    const wrong = { ...peer, salespeople: peer.salespeople.map((p, k) => (k === 0 ? { ...p, imCustomers: p.imCustomers + 1 } : p)) };
    expect(compareWithReview(wrong, review).differences).toEqual([
      { figure: `${peer.salespeople[0].name}.imCustomers`, peer: peer.salespeople[0].imCustomers + 1, tradebook: review.salespeople[0].imCustomers },
    ]);
  });
});

describe("formulas are stored as the file holds them", () => {
  it.each([
    { typed: "=[@金额]*2", table: "Orders", stored: "Orders[[#This Row],[金额]]*2" },
    { typed: "=COUNTIF(INDEX([键],1):[@键],[@键])", table: "FollowUps", stored: "COUNTIF(INDEX(FollowUps[键],1):FollowUps[[#This Row],[键]],FollowUps[[#This Row],[键]])" },
    { typed: "=SUMIFS(Payments[人民币],Payments[订单客户],[@客户编号])", table: "Customers", stored: "SUMIFS(Payments[人民币],Payments[订单客户],Customers[[#This Row],[客户编号]])" },
    { typed: "=MAXIFS(FollowUps[日期],FollowUps[客户编号],[@客户编号])", table: "Customers", stored: "_xlfn.MAXIFS(FollowUps[日期],FollowUps[客户编号],Customers[[#This Row],[客户编号]])" },
    { typed: "=MINIFS(A1:A3,B1:B3,1)+EOMONTH(季度起,2)", table: undefined, stored: "_xlfn.MINIFS(A1:A3,B1:B3,1)+EOMONTH(季度起,2)" },
  ])("$typed", ({ typed, table, stored }) => {
    expect(storedFormula(typed, table)).toBe(stored);
  });

  it("refuses this-row references outside a table", () => {
    expect(() => storedFormula("=[@金额]")).toThrow(/outside a table/);
  });
});
