/**
 * The comparison keys of the duplicate check (core/rules/duplicates.ts): two
 * customers are likely the same company when these keys agree, however the
 * salesperson typed the name, phone or website.
 */

/** NFKC folds full-width letters, digits and punctuation to half-width (Ａｃｍｅ → Acme). */
const fold = (s: string): string => (ASCII.test(s) ? s : s.normalize("NFKC")).toLowerCase();
// Plain ASCII needs no NFKC: skipping it keeps indexing 50,000 customers fast.
const ASCII = /^[\t\n\r -~]*$/;

/**
 * Legal-form words, compared after dots are removed (so "L.L.C." is "llc",
 * "S.r.l." is "srl", "Co., Ltd." is "co ltd"). Stripped from both ends of a
 * name: most forms trail ("Acme GmbH") but some lead ("OOO Romashka", "PT Maju").
 */
const LEGAL_WORDS = new Set([
  "co", "company", "companies", "ltd", "limited", "corp", "corporation", "inc", "incorporated",
  "llc", "gmbh", "ag", "kg", "sa", "sl", "srl", "spa", "bv", "nv", "pty", "plc", "sarl", "sas",
  "ooo", "zao", "oao", "pao", "llp", "jsc", "pjsc", "ltda", "sdn", "bhd", "pte", "pvt", "oy",
  "ab", "aps", "kft", "sro", "group", "pt", "lp", "cc",
]);

/** Chinese legal forms, longest first (they trail without spaces). */
const CJK_SUFFIXES = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司"];

/**
 * A company name reduced to what identifies it: case-folded, half-width,
 * punctuation, spaces and legal forms removed. "ACME Co., Ltd." and
 * "Acme Company Limited" both give "acme". Empty when nothing is left.
 */
export function companyKey(name: string): string {
  const words = fold(name)
    .replace(/[.'’`]/g, "") // inside abbreviations: L.L.C. → llc, O'Neil → oneil
    .split(ASCII.test(name) ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let start = 0;
  let end = words.length;
  // Never strip a name down to nothing: one word always stays ("Company Limited" → "company").
  while (end - start > 1 && LEGAL_WORDS.has(words[end - 1])) end--;
  while (end - start > 1 && LEGAL_WORDS.has(words[start])) start++;
  let key = words.slice(start, end).join("");
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of CJK_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return key;
}

// --- Hosts and domains ------------------------------------------------------

/** Second-level labels under a country code that are not themselves a company's (co.uk, com.cn). */
const SECOND_LEVEL = new Set(["co", "com", "net", "org", "gov", "edu", "ac", "ltd", "plc", "gen", "or", "ne", "go", "gob", "mil", "nom", "biz", "info"]);

/**
 * The registrable part of a host: example.com, example.co.uk, example.com.cn.
 * A heuristic in place of the full public-suffix list, right for the business
 * domains a sales team meets.
 */
export function registrableHost(host: string): string {
  const labels = host.split(".").filter(Boolean);
  if (labels.length <= 2) return labels.join(".");
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join(".");
}

/** Free-mail providers: many unrelated customers share these domains. */
const FREE_MAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
  "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com", "mail.com", "email.com", "gmx.com", "gmx.net",
  "gmx.de", "web.de", "t-online.de", "freenet.de", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "rambler.ru",
  "yandex.ru", "yandex.com", "ya.ru", "163.com", "126.com", "yeah.net", "qq.com", "vip.qq.com", "foxmail.com",
  "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "aliyun.com", "139.com", "189.cn", "tom.com", "21cn.com",
  "protonmail.com", "proton.me", "pm.me", "tutanota.com", "zoho.com", "libero.it", "orange.fr", "wanadoo.fr",
  "free.fr", "laposte.net", "naver.com", "hanmail.net", "daum.net", "rediffmail.com", "seznam.cz", "wp.pl",
  "o2.pl", "interia.pl", "bol.com.br", "uol.com.br", "terra.com.br",
]);
/** Providers with a domain in many countries: yahoo.co.uk, hotmail.fr, outlook.com.br … */
const FREE_MAIL_BRANDS = new Set(["yahoo", "hotmail", "outlook", "live", "gmx", "yandex", "gmail", "googlemail", "aol", "icloud", "protonmail"]);

export function isFreeMailDomain(domain: string): boolean {
  const d = fold(domain).replace(/\.$/, "");
  return FREE_MAIL_DOMAINS.has(d) || isFreeRegistrable(registrableHost(d));
}

function isFreeRegistrable(reg: string): boolean {
  const dot = reg.indexOf(".");
  return FREE_MAIL_DOMAINS.has(reg) || FREE_MAIL_BRANDS.has(dot < 0 ? reg : reg.slice(0, dot));
}

/** Every address in an Email cell, lower-case ("a@x.com; b@y.com" gives both). */
export function emailsIn(text: string | null | undefined): string[] {
  if (!text) return [];
  return fold(text).match(/[^\s@,;<>()"'，；]+@[^\s@,;<>()"'，；]+\.[^\s@,;<>()"'，；]+/g) ?? [];
}

/** The company domain of an address; null for free-mail. */
export function companyMailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const domain = fold(email.slice(at + 1)).replace(/\.$/, "");
  if (!domain || FREE_MAIL_DOMAINS.has(domain)) return null;
  const reg = registrableHost(domain);
  return isFreeRegistrable(reg) ? null : reg;
}

/**
 * Sites that host many companies' pages: their host says nothing about whose
 * page it is, so the page's own part (sub-domain or first path segment) is kept.
 */
const SHARED_HOSTS = new Set([
  "alibaba.com", "made-in-china.com", "globalsources.com", "1688.com", "aliexpress.com", "taobao.com", "tmall.com",
  "amazon.com", "ebay.com", "etsy.com", "facebook.com", "fb.com", "linkedin.com", "instagram.com", "twitter.com",
  "x.com", "youtube.com", "tiktok.com", "vk.com", "google.com", "blogspot.com", "wordpress.com", "wixsite.com",
  "weebly.com", "myshopify.com", "squarespace.com", "github.io", "indiamart.com", "tradeindia.com", "ec21.com",
  "tradekey.com", "dhgate.com",
]);

/**
 * A website reduced to whose site it is: scheme, "www.", port, path, query
 * and user info removed, then the registrable host ("https://www.Acme.co.uk:443/en"
 * → "acme.co.uk"). Pages on shared sites keep their own part
 * ("facebook.com/acmeltd"). Null when nothing identifying is left.
 */
export function websiteKey(url: string | null | undefined): string | null {
  if (!url) return null;
  let s = fold(url).trim();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^\/\//, "");
  const slash = s.search(/[/?#]/);
  const hostPart = slash >= 0 ? s.slice(0, slash) : s;
  const path = slash >= 0 ? s.slice(slash) : "";
  const host = hostPart.replace(/^.*@/, "").replace(/:\d*$/, "").replace(/\.$/, "").replace(/^www\d*\./, "");
  const hostShape = ASCII.test(host) ? /^[a-z0-9-]+(\.[a-z0-9-]+)+$/ : /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;
  if (!hostShape.test(host)) return null;
  const reg = registrableHost(host);
  if (!SHARED_HOSTS.has(reg)) return reg;
  if (host !== reg) return host; // acme.en.alibaba.com
  const first = /^\/([^/?#]+)/.exec(path)?.[1];
  return first ? `${reg}/${first}` : null;
}

// --- Phones -----------------------------------------------------------------

/** Digits a phone number must share at its end to count as the same line. */
export const PHONE_MATCH_DIGITS = 8;

/**
 * A phone number as its significant digits: extension cut off, non-digits
 * removed, the international "00" or "+" prefix and a national trunk "0"
 * dropped. "+1 (415) 555-0100" and "001-415-555-0100" → "14155550100";
 * "0755-8888 6666" → "75588886666". Null below PHONE_MATCH_DIGITS digits.
 */
export function phoneDigits(text: string): string | null {
  // "x" only after a digit or space: "Fax: …" or "WhatsApp" keep their numbers.
  const main = fold(text).split(/(?:ext\.?|extension|(?<=[\d\s])x|#|转|分机)/)[0];
  let digits = main.replace(/\D/g, "");
  if (digits.startsWith("00")) digits = digits.slice(2);
  else if (digits.startsWith("0")) digits = digits.slice(1);
  return digits.length >= PHONE_MATCH_DIGITS ? digits : null;
}

/** Every number in a Phone cell ("+1 415 555 0100 / +1 415 555 0101" gives both). */
export function phonesIn(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[,;/|、，；\n]|\s{3,}/)
    .map(phoneDigits)
    .filter((d): d is string => d !== null);
}

/**
 * Same line: the shorter number (≥ 8 digits) is the end of the longer, so a
 * number written with and without its country code matches.
 */
export function samePhone(a: string, b: string): boolean {
  return a.length <= b.length ? b.endsWith(a) : a.endsWith(b);
}
