/**
 * The CRM.* custom functions registered in HyperFormula, so tests can type
 * real formulas over cells and ranges (=CRM.COMMISSION(SUM(B2:B4), E2:F4)).
 *
 * Every argument is declared ANY, as functions.json declares them for Excel:
 * HyperFormula hands over numbers, strings, booleans, empty cells and ranges
 * untouched, and this bridge converts them to what Excel would pass (ranges
 * as 2-D arrays, empty cells as null, an omitted argument as null). An error
 * our function throws becomes the cell's #VALUE! / #N/A with its message.
 *
 * A sheet counts dates in 1900 (HyperFormula's default null date, 1899-12-30)
 * or in 1904 (null date 1904-01-01, so DATE(2026,7,1) is 1462 less), and the
 * functions run in that system, as Excel's do in a workbook of either.
 * HyperFormula cannot wait for a promise, so the bridge calls the functions'
 * immediate forms (crmFunctionsIn) rather than the async ones Excel calls.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";
import { isFunctionError } from "../../functions/errors";
import type { DateSystem } from "../../functions/date-system";
import { crmFunctionsIn, type CrmFunctionId } from "../../functions/functions";

/** Arity of each function: required then optional (contract.md). */
const ARITY: Record<CrmFunctionId, readonly [number, number]> = {
  COMMISSION: [1, 2],
  COMMISSIONRATE: [1, 1],
  GRADE: [3, 2],
  NEXTCONTACT: [2, 1],
  LOCALTIME: [1, 2],
  CALLWINDOW: [1, 1],
  TOCNY: [3, 0],
  STAGE: [1, 1],
  QUARTER: [1, 0],
};

type ExcelScalar = string | number | boolean | null;
type ExcelArg = ExcelScalar | ExcelScalar[][];

/** Thrown to carry an input error cell through unchanged (Excel propagates it). */
class InputError {
  constructor(readonly cell: CellError) {}
}

function scalarOf(v: unknown): ExcelScalar {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) throw new InputError(v);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  // HyperFormula's rich numbers (dates, currencies, percentages) carry the plain number in .val.
  if (typeof v === "object" && typeof (v as { val?: unknown }).val === "number") return (v as { val: number }).val;
  throw new Error(`unexpected HyperFormula value ${String(v)}`);
}

function excelArg(v: unknown): ExcelArg {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(scalarOf));
  return scalarOf(v);
}

type Run = CrmPlugin["runFunction"];
type Ast = Parameters<Run>[0][number];
type State = Parameters<Run>[1];

class CrmPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    (Object.keys(ARITY) as CrmFunctionId[]).map((id) => {
      const [required, optional] = ARITY[id];
      return [
        `CRM.${id}`,
        {
          method: id,
          parameters: [
            ...Array.from({ length: required }, () => ({ argumentType: FunctionArgumentType.ANY })),
            ...Array.from({ length: optional }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
          ],
        },
      ];
    }),
  );

  COMMISSION(ast: { args: Ast[] }, state: State) {
    return this.call("COMMISSION", ast, state);
  }
  COMMISSIONRATE(ast: { args: Ast[] }, state: State) {
    return this.call("COMMISSIONRATE", ast, state);
  }
  GRADE(ast: { args: Ast[] }, state: State) {
    return this.call("GRADE", ast, state);
  }
  NEXTCONTACT(ast: { args: Ast[] }, state: State) {
    return this.call("NEXTCONTACT", ast, state);
  }
  LOCALTIME(ast: { args: Ast[] }, state: State) {
    return this.call("LOCALTIME", ast, state);
  }
  CALLWINDOW(ast: { args: Ast[] }, state: State) {
    return this.call("CALLWINDOW", ast, state);
  }
  TOCNY(ast: { args: Ast[] }, state: State) {
    return this.call("TOCNY", ast, state);
  }
  STAGE(ast: { args: Ast[] }, state: State) {
    return this.call("STAGE", ast, state);
  }
  QUARTER(ast: { args: Ast[] }, state: State) {
    return this.call("QUARTER", ast, state);
  }

  private call(id: CrmFunctionId, ast: { args: Ast[] }, state: State) {
    const system: DateSystem = this.config.nullDate.year === 1904 ? "1904" : "1900";
    const fn = crmFunctionsIn(system)[id];
    return this.runFunction(ast.args, state, this.metadata(`CRM.${id}`), (...raw: unknown[]) => {
      try {
        return fn(...raw.map((r) => (r === undefined ? null : excelArg(r))));
      } catch (e) {
        if (e instanceof InputError) return e.cell;
        if (isFunctionError(e)) return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.message);
        throw e;
      }
    });
  }
}

let registered = false;

/** Registers CRM.* once per process (HyperFormula's registry is global). */
export function registerCrmFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(Object.keys(ARITY).map((id) => [`CRM.${id}`, `CRM.${id}`]));
  HyperFormula.registerFunctionPlugin(CrmPlugin, { enGB: names, enUS: names });
  registered = true;
}

/** A one-sheet workbook with CRM.* available; rows of cells as you would type them. */
export function crmSheet(rows: (string | number | boolean | null)[][], system: DateSystem = "1900"): HyperFormula {
  registerCrmFunctions();
  const nullDate = system === "1904" ? { year: 1904, month: 1, day: 1 } : { year: 1899, month: 12, day: 30 };
  return HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3", nullDate });
}
