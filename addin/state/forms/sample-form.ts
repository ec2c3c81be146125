/** The Samples form (opened from Log contact's "sample requested/sent" shortcut). */
import type { CustomerId, Sample, SampleId, SalespersonName } from "../../../core/contract/model";
import { columnOf, type ColumnDef, type YesNo } from "../../../core/contract/schema";
import { FieldCollector, optionalChoice, optionalDate, optionalNumber, optionalText, requiredDate, type Validated } from "./field-parsers";

/** The Samples column a field fills: its limits and choices are the schema's. */
const column = (key: string): ColumnDef => columnOf("Samples", key);

export interface SampleForm {
  readonly customerId: string;
  readonly requestedOn: string;
  readonly sentOn: string;
  readonly items: string;
  readonly courier: string;
  readonly trackingNo: string;
  readonly feeCNY: string;
  readonly feePaid: string;
}

export type SampleField = keyof SampleForm;

export interface SampleContext {
  readonly customerExists: (id: string) => boolean;
  readonly salesperson: SalespersonName;
  readonly newId: () => SampleId;
}

export function validateSample(form: SampleForm, ctx: SampleContext): Validated<Sample, SampleField> {
  const c = new FieldCollector<SampleField>();
  if (form.customerId.trim() === "") c.fail("customerId", "required");
  else if (!ctx.customerExists(form.customerId)) c.fail("customerId", "unknownCustomer");
  const requestedOn = c.take("requestedOn", requiredDate(form.requestedOn));
  const sentOn = c.take("sentOn", optionalDate(form.sentOn));
  if (c.ok && sentOn !== null && sentOn < requestedOn) c.fail("sentOn", "sentBeforeRequested");
  const items = c.take("items", optionalText(form.items));
  const courier = c.take("courier", optionalText(form.courier));
  const trackingNo = c.take("trackingNo", optionalText(form.trackingNo));
  const feeCNY = c.take("feeCNY", optionalNumber(form.feeCNY, column("FeeCNY")));
  const feePaid = c.take("feePaid", optionalChoice<YesNo>(form.feePaid, column("FeePaid")));
  if (!c.ok) return { ok: false, errors: c.errors };
  return {
    ok: true,
    row: {
      SampleID: ctx.newId(),
      CustomerID: form.customerId as CustomerId,
      Salesperson: ctx.salesperson,
      RequestedOn: requestedOn,
      SentOn: sentOn,
      Items: items,
      Courier: courier,
      TrackingNo: trackingNo,
      FeeCNY: feeCNY,
      FeePaid: feePaid,
      Feedback: null,
    },
  };
}
