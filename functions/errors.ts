/**
 * Errors a custom function hands back to Excel.
 *
 * Inside Excel `CustomFunctions` is a global and its Error is what the cell
 * shows (#VALUE!, #N/A plus our message in the error indicator). In Node —
 * tests, HyperFormula — the global does not exist, so a local class with the
 * same shape (code, message) stands in. Both are created only here.
 */
import type { LocalizedText } from "../core/contract/schema";

/** The two error cells our functions produce (CustomFunctions.ErrorCode values). */
export type FunctionErrorCode = "#VALUE!" | "#N/A";

/** What both the Excel class and the local one look like. */
export interface FunctionError {
  readonly code: string;
  readonly message?: string;
}

/** Stand-in for CustomFunctions.Error outside Excel. */
export class LocalFunctionError extends Error implements FunctionError {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

/** Excel shows one message for every UI language, so we give both. */
export function bilingual(text: LocalizedText): string {
  return `${text.en} / ${text.zh}`;
}

function hasCustomFunctionsRuntime(): boolean {
  return typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function";
}

function make(code: FunctionErrorCode, text: LocalizedText): FunctionError {
  const message = bilingual(text);
  if (hasCustomFunctionsRuntime()) {
    const excelCode = code === "#VALUE!" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
    return new CustomFunctions.Error(excelCode, message);
  }
  return new LocalFunctionError(code, message);
}

/** #VALUE!: the argument is not usable; the message names it. */
export function invalidValue(text: LocalizedText): FunctionError {
  return make("#VALUE!", text);
}

/** #N/A: a lookup found nothing (unknown currency, unknown time zone). */
export function notAvailable(text: LocalizedText): FunctionError {
  return make("#N/A", text);
}

/** True for the errors made here (either kind). */
export function isFunctionError(x: unknown): x is FunctionError {
  if (x instanceof LocalFunctionError) return true;
  return hasCustomFunctionsRuntime() && x instanceof CustomFunctions.Error;
}
