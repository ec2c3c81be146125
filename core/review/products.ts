/**
 * Product lines from an order's free-text Products cell, so the review can
 * group sales by product: "LED downlight × 500 pcs; LED strip x200" →
 * ["LED downlight", "LED strip"]. Quantities, units and packing notes after
 * the name are dropped; case and spacing are tidied, not translated.
 */
const SEPARATORS = /[;；,，、\n/+]+/;
/** "× 500 pcs", "x200", "*100", "- 300 sets", "500pcs", "(2 containers)". */
const QUANTITY = /\s*(?:[×xX*＊]\s*[\d.,]+.*|[-–:：]\s*[\d.,]+.*|\(?\b[\d.,]+\s*(?:pcs|pc|pieces|sets|set|units|unit|cartons|ctns|containers|m|meters|件|个|套|只|台|箱|米)(?![a-z]).*|\s*[（(].*)$/i;

export function productLines(text: string | null): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const name = part.replace(QUANTITY, "").replace(/\s+/g, " ").trim();
    if (name && !out.some((x) => x.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}
