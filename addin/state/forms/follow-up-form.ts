/** The Log contact form: what the user typed → a FollowUps row, or messages per field. */
import type { FollowUp, FollowUpId, SalespersonName, CustomerId } from "../../../core/contract/model";
import { columnOf, type Channel, type ColumnDef, type Direction, type Purpose } from "../../../core/contract/schema";
import { FieldCollector, optionalDate, optionalNumber, optionalText, requiredChoice, optionalChoice, requiredDateTime, type Validated } from "./field-parsers";

/** The FollowUps column a field fills: its limits and choices are the schema's. */
const column = (key: string): ColumnDef => columnOf("FollowUps", key);

export interface FollowUpForm {
  readonly customerId: string;
  readonly channel: string;
  readonly direction: string;
  readonly purpose: string;
  /** "YYYY-MM-DDTHH:MM" (datetime-local) or "YYYY-MM-DD HH:MM", in the work time zone. */
  readonly dateTime: string;
  readonly summary: string;
  readonly nextStep: string;
  readonly nextDate: string;
  readonly satisfaction: string;
}

export type FollowUpField = keyof FollowUpForm;

export interface FollowUpContext {
  readonly customerExists: (id: string) => boolean;
  readonly salesperson: SalespersonName;
  readonly newId: () => FollowUpId;
}

/** Satisfaction is asked only on return visits (rules.md §10). */
export function asksSatisfaction(form: Pick<FollowUpForm, "purpose">): boolean {
  return form.purpose === "ReturnVisit";
}

export function validateFollowUp(form: FollowUpForm, ctx: FollowUpContext): Validated<FollowUp, FollowUpField> {
  const c = new FieldCollector<FollowUpField>();
  if (form.customerId.trim() === "") c.fail("customerId", "required");
  else if (!ctx.customerExists(form.customerId)) c.fail("customerId", "unknownCustomer");
  const channel = c.take("channel", requiredChoice<Channel>(form.channel, column("Channel")));
  const direction = c.take("direction", requiredChoice<Direction>(form.direction, column("Direction")));
  const purpose = c.take("purpose", optionalChoice<Purpose>(form.purpose, column("Purpose")));
  const date = c.take("dateTime", requiredDateTime(form.dateTime));
  const summary = c.take("summary", optionalText(form.summary));
  const nextStep = c.take("nextStep", optionalText(form.nextStep));
  const nextDate = c.take("nextDate", optionalDate(form.nextDate));
  const satisfaction = asksSatisfaction(form) ? c.take("satisfaction", optionalNumber(form.satisfaction, column("Satisfaction"))) : null;
  if (!c.ok) return { ok: false, errors: c.errors };
  return {
    ok: true,
    row: {
      FollowUpID: ctx.newId(),
      Date: date,
      CustomerID: form.customerId as CustomerId,
      Salesperson: ctx.salesperson,
      Channel: channel,
      Direction: direction,
      Purpose: purpose,
      Summary: summary,
      NextStep: nextStep,
      NextDate: nextDate,
      Satisfaction: satisfaction,
    },
  };
}
