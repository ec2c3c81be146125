/** A port error in words, with what to do; the form above it keeps its contents. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { formatIssue, type Issue } from "../../core/contract/issues";
import { useI18n } from "../i18n/I18n";
import { classifyWriteIssues } from "../state/writer";

export function WriteError(props: { issues: readonly Issue[] | null }): JSX.Element | null {
  const { t, lang } = useI18n();
  if (!props.issues || props.issues.length === 0) return null;
  const kind = classifyWriteIssues(props.issues);
  const detail = props.issues.slice(0, 3).map((i) => formatIssue(i, lang)).join("; ");
  const text = kind === "other" ? t("writeFailed", { reason: detail }) : `${t(kind)} (${detail})`;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

export function Notice(props: { text: string | null }): JSX.Element | null {
  if (!props.text) return null;
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{props.text}</MessageBarBody>
    </MessageBar>
  );
}
