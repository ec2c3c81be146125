/** The peer's results as a readable table (stdout of `npm run bench -- --peer`). */
import type { PeerResults, SideResult } from "./peer-bench";
import { PEER_TARGET_RATIO } from "./peer-bench";

const s = (ms: number): string => (ms / 1000).toFixed(1);
const int = (n: number): string => n.toLocaleString("en-US");

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")).join("\n");
}

const runs = (side: SideResult): string => side.wallMs.map(s).join(" / ");

export function formatPeerResults(r: PeerResults): string {
  const m = r.machine;
  const largest = r.sizes[r.sizes.length - 1];
  const out: string[] = [
    `The peer, side by side: the quarterly review ${r.config.quarter} as formulas, recalculated by LibreOffice headless, against tradebook review of the same file`,
    `${r.startedAt} (${r.durationSeconds} s); machine: ${m.nproc} × ${m.cpuModel}, ${m.memoryGB} GB, node ${m.node}, load average ${m.loadAverage} at start`,
    `data: templates/sample.ts, seed ${r.config.seed}, as of ${r.config.asOf}; ${r.config.runs} runs of each side per size, alternating; times in seconds`,
    `start-up: LibreOffice (one-cell workbook) ${s(r.startup.libreOfficeMs)} s, tradebook --help ${s(r.startup.tradebookMs)} s`,
    "",
    table([
      ["customers", "follow-ups", "helper cells", "tradebook runs", "median", "LibreOffice runs", "median", "ratio", "CPU ratio", "peak MB (TB/LO)", "figures equal"],
      ...r.sizes.map((z) => [
        int(z.customers),
        int(z.rows.followUps),
        int(z.formulaCells),
        runs(z.tradebook),
        s(z.tradebook.medianMs),
        runs(z.libreOffice),
        s(z.libreOffice.medianMs),
        `${z.ratio.toFixed(1)}×`,
        Number.isFinite(z.cpuRatio) ? `${z.cpuRatio.toFixed(1)}×` : "-",
        `${int(z.tradebook.maxRssMB)} / ${int(z.libreOffice.maxRssMB)}`,
        `${z.figures - z.differences.length} of ${z.figures}`,
      ]),
    ]),
    "",
    `ratio at ${int(largest.customers)} customers: ${largest.ratio.toFixed(1)}× (target ≥ ${PEER_TARGET_RATIO}×)`,
    "",
    "checks:",
    ...r.checks.map((c) => `  ${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.unit === "×" ? `${c.value.toFixed(1)}× (target ≥ ${c.limit}×)` : `${c.value} (limit ${c.limit})`}`),
  ];
  for (const z of r.sizes) {
    if (z.differences.length > 0) out.push("", `${int(z.customers)} customers, figures that differ (peer / tradebook):`, ...z.differences.slice(0, 20).map((d) => `  ${d.figure}: ${JSON.stringify(d.peer)} / ${JSON.stringify(d.tradebook)}`));
  }
  out.push("", r.pass ? "all checks passed" : "SOME CHECKS FAILED");
  return out.join("\n");
}
