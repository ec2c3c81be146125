/**
 * Every customer's grade as of a day, as gradeAll (core/rules/grading.ts) leaves
 * it: one byte per index slot instead of a Map of 50,000 customer IDs,
 * which cost more to fill than grading itself. Read by ID as a ReadonlyMap
 * (as the index's customersById), and by slot in passes over the customers.
 */
import type { CrmIndex } from "./indexes";
import type { Customer, CustomerId } from "../contract/model";
import { GRADES, type Grade } from "../contract/schema";
import { SlotMap } from "./slot-map";

/** Code 0 is "no grade"; a grade's code is its place in GRADES plus one. */
const GRADE_OF_CODE: readonly (Grade | undefined)[] = [undefined, ...GRADES.map((g) => g.value)];
const CODE_OF_GRADE = Object.fromEntries(GRADES.map((g, i) => [g.value, i + 1])) as Record<Grade, number>;

export function gradeCode(grade: Grade): number {
  return CODE_OF_GRADE[grade];
}

export class GradeBook extends SlotMap<CustomerId, Customer, Grade> {
  /**
   * `codes[slot]` (gradeCode) for every slot of `index` whose customer has
   * a Customers row; the index must have been built from those rows. Read
   * by slot with ofSlot (undefined for a slot no Customers row has).
   */
  constructor(
    readonly index: CrmIndex,
    private readonly codes: Uint8Array,
  ) {
    super(index.customerSlots, index.firstCustomerRow, index.customerRows, (c) => c.CustomerID);
  }

  protected valueAt(slot: number): Grade {
    return GRADE_OF_CODE[this.codes[slot]] as Grade;
  }
}
