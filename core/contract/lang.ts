/**
 * The two languages the product speaks, and the one way every entry point
 * (cli, addin, functions) says a thing in them: messages as data. Each entry
 * point keeps a Catalog — one LocalizedText per key, both languages side by
 * side so a translator sees them together and a missing one is a compile
 * error — and looks a message up with say(catalog, lang, key, params).
 * Placeholders are written {name} (and {n:one|other} for a plural); say()
 * fills them in one pass, so text that comes from the user (a company called
 * "{x}") is never expanded again.
 */
export type Lang = "zh-CN" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];

/** A text in both languages the product speaks. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/**
 * The values a message's {placeholders} are filled with: a number, a text
 * the same in both languages (a name, a date), or a LocalizedText that is
 * itself said in the message's language (an argument's name, a list).
 */
export type Params = Readonly<Record<string, string | number | LocalizedText>>;

/** An entry point's words: one text in both languages per key. */
export type Catalog<K extends string> = Readonly<Record<K, LocalizedText>>;

export function localize(text: LocalizedText, lang: Lang): string {
  return lang === "zh-CN" ? text.zh : text.en;
}

/**
 * Fills placeholders in one pass: {name} is the value; {name:one|other} is
 * "one" when the value is 1, else "other" (English plurals: "{n} row{n:|s}").
 * A placeholder without a value stays as written.
 */
export function fill(template: string, lang: Lang, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, name: string, one: string | undefined, other: string | undefined) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name] as Params[string];
    if (one !== undefined && other !== undefined) return value === 1 ? one : other;
    return typeof value === "object" ? localize(value, lang) : String(value);
  });
}

/** The message `key` of `catalog` in `lang`, placeholders filled. */
export function say<K extends string>(catalog: Catalog<K>, lang: Lang, key: K, params?: Params): string {
  return fill(localize(catalog[key], lang), lang, params);
}

/** The message `key` in both languages, placeholders filled (for texts shown to both, like Excel's error tips). */
export function sayBoth<K extends string>(catalog: Catalog<K>, key: K, params?: Params): LocalizedText {
  const text = catalog[key];
  return { zh: fill(text.zh, "zh-CN", params), en: fill(text.en, "en-US", params) };
}

/** A list as each language writes it: 甲、乙、丙 / a, b, c. */
export function listOf(items: readonly string[]): LocalizedText {
  return { zh: items.join("、"), en: items.join(", ") };
}
