/**
 * What a reliability test found, printed as one line a reader can quote:
 * "[reliability] concurrent imports: 40 commands, 40 wrote, 0 refused (clean 0), rows lost 0".
 */
export function report(area: string, figures: Readonly<Record<string, number | string>>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k} ${typeof v === "number" ? v.toLocaleString("en-US") : v}`);
  console.log(`[reliability] ${area}: ${parts.join(", ")}`);
}
