/**
 * How the adapter reaches Excel: a `run` with the shape of Excel.run's
 * options overload, so production passes Excel.run itself and tests pass the
 * fake (tests/fakes/fake-excel.ts). Nothing else in the product touches Office.
 */

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** `Excel.run(options, batch)`; production: `Excel.run`. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: ExcelBatch<T>) => Promise<T>;

/** What we ask of `Office.context.requirements` (injected so tests can play an old Excel). */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * Every batch waits while the user is typing in a cell instead of failing
 * (co-authoring guidance: a shared workbook always has someone mid-edit).
 * Hosts that predate the option ignore it; the batch then fails with
 * InvalidOperationInCellEditMode, which errors.ts explains to the user.
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** The production wiring, for the task pane and the custom functions. */
export function officeRun<T>(options: Excel.RunOptions, batch: ExcelBatch<T>): Promise<T> {
  return Excel.run(options, batch);
}

export function officeRequirements(): RequirementSets {
  return Office.context.requirements;
}
