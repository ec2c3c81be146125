/**
 * Where a part of an .xlsx package is (Open Packaging Conventions): the
 * relationships part of a part, and a relationship's target resolved to a
 * part name. The one resolver of every path, the streamed reader's and the
 * package writer's alike, so both find the same part: a target is a URI, so
 * "sheet%201.xml" names the zip entry "sheet 1.xml" (ECMA-376 Part 2, §9.1),
 * and part names compare case-insensitively (parts.ts entry).
 */

const dirOf = (part: string): string => part.slice(0, part.lastIndexOf("/") + 1);

/** The relationships part of `part` ("" for the package itself). */
export function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
}

/** A relationship target resolved against the part that holds it, percent-decoded. */
export function resolvePart(from: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : dirOf(from) + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  const joined = out.join("/");
  try {
    return decodeURI(joined);
  } catch {
    // A stray "%" that is no escape names itself.
    return joined;
  }
}
