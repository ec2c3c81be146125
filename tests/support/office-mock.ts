/**
 * The Office global for Node tests, made with office-addin-mock
 * (https://learn.microsoft.com/office/dev/add-ins/testing/unit-testing).
 *
 * The mock tracks load/sync on every scalar, as the application APIs
 * (Excel.*) need. The Common API under Office.context (document.url,
 * partitionKey, requirements) has plain properties with no load, so the mock
 * is built in its "outlook" mode, the one without load tracking; the value
 * of `host` is otherwise unused by the code under test.
 */
import { OfficeMockObject } from "office-addin-mock";

export type OfficeMockData = Record<string, unknown>;

/** Installs a mocked Office global; returns it for assertions. */
export function installOffice(data: OfficeMockData): OfficeMockObject & Record<string, unknown> {
  const mock = new OfficeMockObject({ host: "outlook", ...data }) as OfficeMockObject & Record<string, unknown>;
  (globalThis as { Office?: unknown }).Office = mock;
  return mock;
}

export function uninstallOffice(): void {
  delete (globalThis as { Office?: unknown }).Office;
}
