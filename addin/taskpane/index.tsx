/**
 * Task pane entry. In Excel the pane works on the open workbook (Office.js
 * host); in a plain browser (preview, tests) it works on a file the user
 * opens, or with ?demo=1 on the demo workbook served beside the page.
 */
import { createRoot } from "react-dom/client";
import { formatIssue } from "../../core/contract/issues";
import { Root } from "../app/Root";
import { startupTab } from "../app/navigation";
import type { Host } from "../host/host";

const DEMO_URL = "demo/TradeBook-demo.xlsx";

async function excelHost(): Promise<Host | null> {
  if (typeof Office === "undefined") return null;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return null;
  const { openExcelHost } = await import(/* webpackChunkName: "excel-host" */ "../host/excel-host");
  const res = openExcelHost();
  if (!res.ok) throw new Error(res.error.map((i) => `${formatIssue(i, "zh-CN")}\n${formatIssue(i, "en-US")}`).join("\n"));
  return res.value;
}

async function main(): Promise<void> {
  const container = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  const params = new URLSearchParams(location.search);
  let host: Host | null = null;
  try {
    host = await excelHost();
  } catch (e) {
    container.textContent = e instanceof Error ? e.message : String(e);
    return;
  }
  const demoUrl = host === null && params.get("demo") === "1" ? DEMO_URL : null;
  createRoot(container).render(<Root host={host} initialTab={startupTab()} demoUrl={demoUrl} />);
}

void main();
