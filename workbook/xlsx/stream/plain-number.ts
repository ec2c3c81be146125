/**
 * A cell's number read straight from the sheet's XML: no slice of the text,
 * no string for parseFloat (a 50,000-customer workbook has millions of
 * number and shared-string cells).
 */

/** 10^k, exact for k ≤ 22. */
const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * xml[from, to) as parseFloat reads it when it is plain: an optional minus,
 * digits and at most one point (an integer when `integer`), 15 digits at
 * most; NaN for anything else (the caller slices and parses it). Exact: the
 * digits make an integer below 2^53 and 10^k is exact, so their quotient is
 * the correctly rounded value parseFloat gives.
 */
export function plainNumber(xml: string, from: number, to: number, integer: boolean): number {
  let i = from;
  const negative = xml.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let point = -1;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
    } else if (c === 46 /* . */ && point < 0 && !integer) point = i;
    else return NaN;
  }
  // "5." and ".5" parse too, but rarely come: left to parseFloat.
  if (digits === 0 || digits > 15 || point === to - 1 || point === (negative ? from + 1 : from)) return NaN;
  const value = point < 0 ? n : n / POWERS[to - point - 1];
  return negative ? -value : value;
}
