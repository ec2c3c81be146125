/**
 * Text set aside between chunks until what it waits for arrives, so a scan
 * stays linear whatever the size of one element.
 *
 * A scanner that joins "what was left" with each new chunk and searches
 * the whole again costs the square of an element's size: one 100 MB cell
 * took minutes. Here only the new chunk (and the few characters before it,
 * where an end marker may have been cut) is searched; the pieces are
 * joined once, when an end marker arrives. What waits is capped, so a
 * hostile file cannot make one element fill memory.
 */
import { issueAt } from "../../locate";
import { ReadLimitError } from "../file-issues";

/** Characters one element (a row) may hold while it waits: far past Excel's own limits. */
export const MAX_PENDING_CHARS = 64 << 20;

export class Pending {
  private parts: string[] = [];
  private length = 0;
  /** The last characters seen, where a marker cut between chunks begins. */
  private tail = "";
  private readonly overlap: number;

  constructor(
    /** Where the text comes from, for the message (a sheet or a part). */
    private readonly where: string,
    /** What ends an element. */
    private readonly markers: readonly string[],
    private readonly maxChars = MAX_PENDING_CHARS,
  ) {
    this.overlap = Math.max(...markers.map((m) => m.length)) - 1;
  }

  /** The text to scan now (what waited, then the chunk), or undefined when the chunk ends nothing: it waits too. */
  take(chunk: string): string | undefined {
    // The chunk, and the seam with what came before: never a copy of the chunk.
    const seam = this.tail + chunk.slice(0, this.overlap);
    const ends = this.markers.some((m) => chunk.includes(m) || seam.includes(m));
    this.tail = chunk.length >= this.overlap ? chunk.slice(-this.overlap) : (this.tail + chunk).slice(-this.overlap);
    if (!ends) {
      this.parts.push(chunk);
      this.length += chunk.length;
      if (this.length > this.maxChars) {
        const n = `${Math.round(this.maxChars / (1 << 20))}M`;
        throw new ReadLimitError(
          issueAt(this.where, null, null, "too-large", `含有超过 ${n} 个字符的一行或一段文字，远超 Excel 的上限，拒绝读取`, `holds one row or text longer than ${n} characters, far past Excel's limits; refused`),
        );
      }
      return undefined;
    }
    const text = this.parts.length === 0 ? chunk : this.parts.join("") + chunk;
    this.parts = [];
    this.length = 0;
    return text;
  }

  /** The unfinished end of the text just scanned: it waits for the next chunk. */
  keep(rest: string): void {
    this.parts = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
  }

  /** Whatever waits, at the end of the part. */
  flush(): string {
    const text = this.parts.join("");
    this.parts = [];
    this.length = 0;
    return text;
  }
}
