/** The options init and demo share for sample data: --lang, --scale, --seed. */
import { dayOf, serialAtInstant, type DaySerial } from "../core/contract/dates";
import { LANGS, type Lang } from "../core/contract/schema";
import { UsageError, stringOption, type ParsedArgs } from "./args";

export interface SampleArgs {
  readonly lang: Lang;
  readonly scale: number;
  readonly seed: number;
}

export function sampleArgs(args: ParsedArgs): SampleArgs {
  const langText = stringOption(args, "lang") ?? "zh-CN";
  const lang = LANGS.find((l) => l.toLowerCase() === langText.toLowerCase());
  if (!lang) throw new UsageError(`--lang must be zh-CN or en-US, not "${langText}"`);
  const scaleText = stringOption(args, "scale") ?? "1";
  const scale = Number(scaleText);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new UsageError(`--scale must be a number greater than 0 and at most 100, not "${scaleText}"`);
  const seedText = stringOption(args, "seed") ?? "1";
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${seedText}"`);
  return { lang, scale, seed };
}

/** Today in the default work time zone: the as-of date of new sample data. */
export function todayInShanghai(now: Date = new Date()): DaySerial {
  return dayOf(serialAtInstant(now, "Asia/Shanghai"));
}
