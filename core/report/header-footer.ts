/**
 * A printed page's header or footer, as Excel stores it: "&L…&C…&R…" in one
 * string of at most 255 characters (MS-OI29500 2.1.651: "Office requires
 * that the length of the value for this element be less than or equal to
 * 255"; a longer one makes Excel offer to repair the file). A long company
 * name is shortened rather than the file spoiled.
 */
import type { PrintSetup } from "./sheet";

export const HEADER_FOOTER_LIMIT = 255;

type Part = PrintSetup["header"];
const SECTIONS = [
  ["left", "&L"],
  ["center", "&C"],
  ["right", "&R"],
] as const;

/** "&L…&C…&R…" from the three parts; the texts already carry Excel codes (&P, &N) and doubled literal "&". */
export function joinHeaderFooter(part: Part): string {
  return SECTIONS.map(([key, code]) => (part[key] ? `${code}${part[key]}` : "")).join("");
}

/** Drops the last character of `text`, or the last code ("&P", "&\"Arial,Bold\"", "&12") or doubled "&". */
function shorter(text: string): string {
  const tokens = text.match(/&&|&"[^"]*"|&\d{1,3}|&[\s\S]|[\s\S]/g) ?? [];
  return tokens.slice(0, -1).join("");
}

/** The parts, the longest shortened (with "…") until the whole fits Excel's limit. */
export function fitHeaderFooter(part: Part): Part {
  const fitted: { left?: string; center?: string; right?: string } = { ...part };
  while (joinHeaderFooter(fitted).length > HEADER_FOOTER_LIMIT) {
    const longest = SECTIONS.map(([key]) => key).reduce((a, b) => ((fitted[b] ?? "").length > (fitted[a] ?? "").length ? b : a));
    const text = (fitted[longest] ?? "").replace(/…$/, "");
    fitted[longest] = `${shorter(text)}…`;
  }
  return fitted;
}

/** The header or footer string a file stores. */
export function headerFooter(part: Part): string {
  return joinHeaderFooter(fitHeaderFooter(part));
}
