/** The results as a readable table (stdout of `npm run bench`). */
import type { BenchResults } from "./harness";

const ms = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const int = (n: number): string => n.toLocaleString("en-US");

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")).join("\n");
}

export function formatResults(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [
    `TradeBook benchmark ${r.startedAt} (${r.durationSeconds} s)`,
    `machine: ${m.nproc} × ${m.cpuModel}, ${m.memoryGB} GB, node ${m.node}, load average ${m.loadAverage} at start`,
    `data: seed ${r.config.seed}, as of ${r.config.asOf}, review of ${r.config.quarter}; medians (min-max) of ${r.config.coreRuns} (core) / up to ${r.config.ioRuns} (I/O) runs`,
    "",
  ];
  const head = ["", ...r.sizes.map((s) => s.name)];
  const row = (label: string, f: (s: BenchResults["sizes"][number]) => string) => [label, ...r.sizes.map(f)];
  out.push(
    table([
      head,
      row("customers", (s) => int(s.rows.Customers)),
      row("follow-ups", (s) => int(s.rows.FollowUps)),
      row("orders", (s) => int(s.rows.Orders)),
      row("payments", (s) => int(s.rows.Payments)),
      row("rows in all", (s) => int(s.rows.total)),
      row(".xlsx size", (s) => `${(s.workbookBytes / 1e6).toFixed(1)} MB`),
      row("core: quarterly review", (s) => ms(s.core.review.medianMs)),
      row("core: due list", (s) => ms(s.core.due.medianMs)),
      row("core: review + due list", (s) => ms(s.core.total.medianMs)),
      row("  (min-max)", (s) => `${ms(s.core.total.minMs)}-${ms(s.core.total.maxMs)}`),
      row("  (CPU time)", (s) => ms(s.core.total.cpuMs ?? Number.NaN)),
      row("file: open (package parts)", (s) => ("error" in s.fileRead ? "FAILED" : ms(s.fileRead.open.medianMs))),
      row("file: open + read tables", (s) => ("error" in s.fileRead ? "FAILED" : `${ms(s.fileRead.readTables.medianMs)} (${s.fileRead.readTables.runs}×)`)),
      row("file: open + readSnapshot", (s) => ("error" in s.fileRead ? "FAILED" : `${ms(s.fileRead.readSnapshot.medianMs)} (${s.fileRead.readSnapshot.runs}×)`)),
      row("file: peak RSS", (s) => `${int(s.fileRead.maxRssMB ?? Number.NaN)} MB`),
      row("tradebook review: wall", (s) => `${ms(s.reviewProcess.wallMs)} (${s.reviewProcess.runs}×)${s.reviewProcess.exitCode === 0 ? "" : ` FAILED, exit ${s.reviewProcess.exitCode}`}`),
      row("tradebook review: peak RSS", (s) => `${int(s.reviewProcess.maxRssMB)} MB`),
      row("Office: readSnapshot", (s) => ms(s.officeRead.readSnapshot.medianMs)),
      row("Office: syncs", (s) => int(s.officeRead.syncs)),
      row("Office: largest request", (s) => kb(s.officeRead.maxRequestBytes)),
      row("Office: largest response", (s) => kb(s.officeRead.maxResponseBytes)),
    ]),
  );
  if (r.bundles) {
    out.push("", table([["bundle (initial JS)", "raw", "gzipped"], ...Object.entries(r.bundles.entries).map(([n, e]) => [n, kb(e.bytes), kb(e.gzipBytes)]), ["lazy chunks", "", kb(r.bundles.lazyGzipBytes)]]));
  }
  const st = r.startup;
  out.push("", table([["startup (process, median of " + st.runs + ")", "wall"], ["tradebook --help", ms(st.helpMs)], ["tradebook --version", ms(st.versionMs)], ["node -e 0 (node alone)", ms(st.nodeMs)]]));
  if (r.targets.length > 0) {
    const time = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 1 : 2)} s` : `${Math.round(n)} ms`);
    const value = (n: number, unit: string): string => (unit === "ms" ? time(n) : `${int(n)} ${unit}`);
    const figure = (t: BenchResults["targets"][number]): string => (t.failure !== undefined && !Number.isFinite(t.figure) ? "FAILED" : value(t.figure, t.unit));
    const limit = (t: BenchResults["targets"][number]): string => `${t.strict ? "<" : "≤"} ${value(t.limit, t.unit)}`;
    out.push(
      "",
      table([["targets (issue 22; medians)", "figure", "(CPU)", "target", ""], ...r.targets.map((t) => [t.what, figure(t), t.cpuMs === undefined ? "" : `(${time(t.cpuMs)})`, limit(t), t.pass ? "PASS" : "FAIL"])]),
    );
    const m = r.targetMeasures;
    if (m) {
      const file = m.fileMode;
      out.push(
        `  pane ready: ${ms(m.pane.ready.cpuMs ?? Number.NaN)} CPU, largest response ${kb(m.pane.maxResponseBytes)}, ${int(m.pane.dueItems)} due items` +
          ("error" in file ? "" : `; file mode: peak RSS ${int(file.maxRssMB)} MB, re-read after the write ${ms(file.rereadMs)}`),
      );
    }
    for (const t of r.targets) if (t.failure !== undefined) out.push(`  ${t.what} failed: ${t.failure}`);
  }
  out.push(
    "",
    table([
      ["scaling", "rows ×", "time ×", "limit"],
      ...r.scaling.map((s) => [`${s.metric} ${s.from}→${s.to}`, s.rowRatio.toFixed(2), s.timeRatio.toFixed(2), s.judged ? s.limit.toFixed(2) : "(shown)"]),
    ]),
  );
  out.push("", "checks:", ...r.checks.map((c) => `  ${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${int(c.value)} ${c.unit} (limit ${int(c.limit)})`));
  for (const s of r.sizes) {
    if ("error" in s.fileRead) out.push("", `file adapter read, ${s.name}, failed:`, s.fileRead.error);
    if (s.reviewProcess.error) out.push("", `tradebook review, ${s.name}, failed:`, s.reviewProcess.error);
  }
  out.push("", r.pass ? "all checks passed" : "SOME CHECKS FAILED");
  return out.join("\n");
}
