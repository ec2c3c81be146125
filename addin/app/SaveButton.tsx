/**
 * The file host's Save button, marked while there are unsaved changes (also
 * in the page title, seen on the browser tab); the host asks the browser to
 * confirm leaving the page meanwhile (host/unsaved.ts).
 */
import { Badge, Button } from "@fluentui/react-components";
import { useEffect, useSyncExternalStore } from "react";
import type { UnsavedChanges } from "../host/unsaved";
import { useI18n } from "../i18n/I18n";

const never: UnsavedChanges = { pending: () => false, subscribe: () => () => undefined };

export function SaveButton(props: { unsaved?: UnsavedChanges; onSave: () => void }): JSX.Element {
  const { t } = useI18n();
  const changes = props.unsaved ?? never;
  const pending = useSyncExternalStore(changes.subscribe, changes.pending);
  useEffect(() => {
    const plain = document.title.replace(/^\* /, "");
    document.title = pending ? `* ${plain}` : plain;
  }, [pending]);
  return (
    <>
      {pending && (
        <Badge appearance="tint" color="warning" className="tb-nowrap" data-unsaved="">
          {t("unsaved")}
        </Badge>
      )}
      <Button size="small" appearance="primary" onClick={props.onSave}>
        {t("save")}
      </Button>
    </>
  );
}
