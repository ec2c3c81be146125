/**
 * The task pane's layout on one screen, at the widths Excel gives a pane
 * (320 and 350 px) in both languages: nothing scrolls sideways, no label
 * (button, tab, field label, heading, badge) is broken inside a word,
 * overflows its box or shares a line with the text after a heading, no
 * button or tab wraps, the Chinese pane's labels are Chinese; axe
 * finds nothing; a screenshot of each is kept in artifacts/screenshots.
 * The screen is left as found: the same language and viewport.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible, shot } from "./taskpane-fixture";

export const PANE_WIDTHS = [320, 350] as const;
export const PANE_LANGS = ["zh-CN", "en-US"] as const;

export interface LayoutProblems {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Labels broken between two letters or digits of one word: "Languag|e". */
  readonly brokenWords: readonly string[];
  /** Labels wider than their box (cut off, or spilling over what is beside them). */
  readonly overflowing: readonly string[];
  /** Headings with the next text on the same line: "Follow-upsNo records yet." */
  readonly runIn: readonly string[];
  /** Buttons and tabs on more than one line ("记录|跟进"), in any language. */
  readonly wrapped: readonly string[];
  /** In the Chinese pane, English words in its own labels (buttons, tabs, field labels, badges, legends). */
  readonly untranslated: readonly string[];
}

/** Words that are the same in both languages: names, keys, and date formats ("YYYY-Www"). */
const SAME_IN_BOTH = ["TradeBook", "English", "Excel", "Enter", "Ctrl", "YYYY", "Www"];

/** What the pane calls labels: its own words, not the user's data around them. */
const LABELS = "button, [role=tab], label, legend, h1, h2, h3, h4, .fui-Badge, .fui-Field__label, .fui-Field__hint, dt";

export function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(([selectors, same]) => {
    const word = /[\p{L}\p{N}]/u;
    const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    const visible = (el: Element): boolean => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const name = (el: Element): string => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 60)}"`;
    const brokenWords: string[] = [];
    const overflowing: string[] = [];
    const runIn: string[] = [];
    const wrapped: string[] = [];
    const untranslated: string[] = [];
    if (document.documentElement.lang === "zh-CN") {
      for (const el of document.querySelectorAll(".fui-Button, [role=tab], .fui-Field__label, legend, .fui-Badge")) {
        const words = (el.textContent ?? "").match(/[A-Za-z]{3,}/g)?.filter((w) => !same.includes(w)) ?? [];
        if (visible(el) && words.length > 0) untranslated.push(`${name(el)}: ${words.join(" ")}`);
      }
    }
    const range = document.createRange();
    for (const el of document.querySelectorAll(".fui-Button, [role=tab]")) {
      if (!visible(el)) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        range.selectNodeContents(n);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) wrapped.push(name(el));
      }
    }
    for (const el of document.querySelectorAll(selectors)) {
      if (!visible(el) || el.closest("[aria-hidden=true]")) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== "inline") overflowing.push(`${name(el)}: ${el.scrollWidth} > ${el.clientWidth}`);
      // Character by character: a new line that starts between two letters of one word is a broken word.
      let prev: { ch: string; bottom: number } | null = null;
      let prevBlock: Element | null = null;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        // Text of two blocks (a company over its ID) meets at a line break by design.
        let block = n.parentElement;
        while (block && block !== el && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
        if (block !== prevBlock) prev = null;
        prevBlock = block;
        for (let i = 0; i < n.data.length; i++) {
          const ch = n.data[i];
          if (/\s/.test(ch) || (ch >= "\udc00" && ch <= "\udfff")) {
            prev = /\s/.test(ch) ? null : prev;
            continue;
          }
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const box = range.getClientRects()[0];
          if (!box) continue;
          const inWord = prev && word.test(prev.ch) && word.test(ch) && !ideograph.test(prev.ch) && !ideograph.test(ch);
          if (inWord && prev && box.top >= prev.bottom - 1) brokenWords.push(`${name(el)} between "${prev.ch}" and "${ch}"`);
          prev = { ch, bottom: box.bottom };
        }
      }
    }
    for (const h of document.querySelectorAll("h1, h2, h3, h4")) {
      const next = h.nextElementSibling;
      // A control beside a heading (the header's language switch) is a layout, not text running on.
      if (!visible(h) || !next || !visible(next) || next.matches("select, input, button") || next.querySelector("select, input, button")) continue;
      if (next.getBoundingClientRect().top < h.getBoundingClientRect().bottom - 2) runIn.push(`${name(h)} then ${name(next)}`);
    }
    const root = document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, brokenWords, overflowing, runIn, wrapped, untranslated };
  }, [LABELS, SAME_IN_BOTH] as const);
}

/** The screen in both languages at both widths: layout, axe and a screenshot each. */
export async function checkView(page: Page, screen: string): Promise<void> {
  const language = page.locator("select[name=language]");
  const lang = await language.inputValue();
  const viewport = page.viewportSize();
  for (const l of PANE_LANGS) {
    await language.selectOption(l);
    for (const width of PANE_WIDTHS) {
      await page.setViewportSize({ width, height: viewport?.height ?? 900 });
      // Two frames: React's render of the new language, then the layout at the new width.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const where = `${screen} ${l} ${width}px`;
      const p = await layoutProblems(page);
      expect(p.scrollWidth, `${where}: scrolls sideways`).toBeLessThanOrEqual(p.clientWidth);
      const { brokenWords, overflowing, runIn, wrapped, untranslated } = p;
      expect({ brokenWords, overflowing, runIn, wrapped, untranslated }, where).toEqual({ brokenWords: [], overflowing: [], runIn: [], wrapped: [], untranslated: [] });
      await shot(page, `${screen}-${l}-${width}`);
      await expectAccessible(page, where);
    }
  }
  await language.selectOption(lang);
  if (viewport) await page.setViewportSize(viewport);
}
