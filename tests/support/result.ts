/** Unwrapping a Result in a test: the value, or the issues, or a failure that shows what came instead. */
import type { Issue, Result } from "../../core/contract/issues";

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export function issues<T>(r: Result<T>): readonly Issue[] {
  if (r.ok) throw new Error(`expected issues, got ${JSON.stringify(r.value)}`);
  return r.error;
}
