/** The two languages the product speaks, and a text in both. */
export type Lang = "zh-CN" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];

/** A text in both languages the product speaks. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export function localize(text: LocalizedText, lang: Lang): string {
  return lang === "zh-CN" ? text.zh : text.en;
}
