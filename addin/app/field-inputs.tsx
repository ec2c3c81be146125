/** The inputs every form shows: a labelled field with its message in the pane's language (the parsing is in state/forms/field-parsers.ts). */
import { Field, Input, Select, Textarea, type InputProps } from "@fluentui/react-components";
import type { EnumValue, Lang } from "../../core/contract/schema";
import { localize } from "../../core/contract/lang";
import { useI18n } from "../i18n/I18n";
import type { FieldMessage } from "../state/forms/field-parsers";

export function useFieldMessage(): (m: FieldMessage | undefined) => string | undefined {
  const { t } = useI18n();
  return (m) => (m ? t(m.key, m.params) : undefined);
}

interface BaseProps {
  readonly label: string;
  readonly error?: FieldMessage;
  readonly required?: boolean;
  readonly hint?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly name: string;
}

export function TextField(props: BaseProps & { type?: InputProps["type"]; autoFocus?: boolean }): JSX.Element {
  const msg = useFieldMessage();
  return (
    <Field label={props.label} required={props.required} hint={props.hint} validationMessage={msg(props.error)} validationState={props.error ? "error" : "none"}>
      <Input name={props.name} type={props.type ?? "text"} value={props.value} autoFocus={props.autoFocus} onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}

export function AreaField(props: BaseProps): JSX.Element {
  const msg = useFieldMessage();
  return (
    <Field label={props.label} required={props.required} hint={props.hint} validationMessage={msg(props.error)} validationState={props.error ? "error" : "none"}>
      <Textarea name={props.name} value={props.value} resize="vertical" onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}

export function enumText(v: EnumValue, lang: Lang): string {
  return localize(v, lang);
}

export function ChoiceField(props: BaseProps & { options: readonly EnumValue[]; allowBlank?: boolean }): JSX.Element {
  const msg = useFieldMessage();
  const { lang } = useI18n();
  return (
    <Field label={props.label} required={props.required} hint={props.hint} validationMessage={msg(props.error)} validationState={props.error ? "error" : "none"}>
      <Select name={props.name} value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {props.allowBlank !== false && <option value="">—</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {enumText(o, lang)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Ctrl+Enter (or Cmd+Enter) submits from anywhere in a form, including multi-line fields. */
export function submitOnCtrlEnter(e: React.KeyboardEvent<HTMLFormElement>): void {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
