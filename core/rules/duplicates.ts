/**
 * The duplicate check: before a new customer is saved, find existing
 * customers that are probably the same company, and say whose they are —
 * two salespeople chasing one buyer is the conflict this prevents
 * (客户归属: a customer belongs to one owner).
 *
 * A match on any key is reported, with every key that agreed:
 * - "company": same name once case, width, punctuation, spaces and legal
 *   forms are gone (core/rules/duplicate-keys.ts companyKey). Countries are not
 *   compared: a buyer often has offices in several.
 * - "email": the same address; "emailDomain": another address at the same
 *   company domain (never for free-mail such as gmail.com or qq.com).
 * - "phone": the same line, ignoring format and country prefix.
 * - "website": the same site (registrable host).
 * Building the index is linear in customers; each check is a few map reads,
 * so checking against 50,000 customers is instant.
 */
import type { Customer, CustomerId, SalespersonName } from "../contract/model";
import type { LocalizedText } from "../contract/schema";
import {
  PHONE_MATCH_DIGITS,
  companyKey,
  companyMailDomain,
  emailsIn,
  phonesIn,
  samePhone,
  websiteKey,
} from "./duplicate-keys";

export type DuplicateReason = "company" | "email" | "emailDomain" | "phone" | "website";

/** Strongest evidence first, in messages and ordering. */
const REASON_ORDER: readonly DuplicateReason[] = ["email", "phone", "website", "company", "emailDomain"];

const REASON_TEXT: Record<DuplicateReason, LocalizedText> = {
  company: { zh: "公司名称相同", en: "same company name" },
  email: { zh: "邮箱相同", en: "same email" },
  emailDomain: { zh: "邮箱域名相同", en: "same email domain" },
  phone: { zh: "电话相同", en: "same phone" },
  website: { zh: "网站相同", en: "same website" },
};

export interface DuplicateCandidate {
  readonly Company: string;
  readonly Email?: string | null;
  readonly Phone?: string | null;
  readonly Website?: string | null;
  readonly Country?: string | null;
  /** When checking an existing customer, its own row is not a duplicate. */
  readonly CustomerID?: string | null;
}

export interface DuplicateMatch {
  readonly customerId: CustomerId;
  readonly company: string;
  readonly owner: SalespersonName;
  readonly reasons: readonly DuplicateReason[];
  readonly message: LocalizedText;
}

export interface DuplicateIndex {
  readonly customers: readonly Customer[];
  readonly byCompany: ReadonlyMap<string, readonly number[]>;
  readonly byEmail: ReadonlyMap<string, readonly number[]>;
  readonly byEmailDomain: ReadonlyMap<string, readonly number[]>;
  /** Keyed by the last PHONE_MATCH_DIGITS digits; confirmed with samePhone. */
  readonly byPhoneTail: ReadonlyMap<string, readonly { at: number; digits: string }[]>;
  readonly byWebsite: ReadonlyMap<string, readonly number[]>;
}

function add<V>(map: Map<string, V[]>, key: string | null, value: V): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  // Rows are added in order, so a repeat (two addresses at one domain) is the last entry.
  else if (list[list.length - 1] !== value) list.push(value);
}

const tail = (digits: string): string => digits.slice(-PHONE_MATCH_DIGITS);

/** The lookup maps over existing customers, built once. */
export function duplicateIndex(existing: readonly Customer[]): DuplicateIndex {
  const byCompany = new Map<string, number[]>();
  const byEmail = new Map<string, number[]>();
  const byEmailDomain = new Map<string, number[]>();
  const byPhoneTail = new Map<string, { at: number; digits: string }[]>();
  const byWebsite = new Map<string, number[]>();
  existing.forEach((c, at) => {
    add(byCompany, companyKey(c.Company), at);
    for (const e of emailsIn(c.Email)) {
      add(byEmail, e, at);
      add(byEmailDomain, companyMailDomain(e), at);
    }
    for (const digits of phonesIn(c.Phone)) {
      const list = byPhoneTail.get(tail(digits));
      if (list) list.push({ at, digits });
      else byPhoneTail.set(tail(digits), [{ at, digits }]);
    }
    add(byWebsite, websiteKey(c.Website), at);
  });
  return { customers: existing, byCompany, byEmail, byEmailDomain, byPhoneTail, byWebsite };
}

function messageFor(c: Customer, reasons: readonly DuplicateReason[]): LocalizedText {
  const zhWhy = reasons.map((r) => REASON_TEXT[r].zh).join("、");
  const enWhy = reasons.map((r) => REASON_TEXT[r].en).join(", ");
  return {
    zh: `可能与业务员「${c.Owner}」的客户「${c.Company}」（${c.CustomerID}）重复：${zhWhy}`,
    en: `May be a duplicate of ${c.Owner}'s customer "${c.Company}" (${c.CustomerID}): ${enWhy}`,
  };
}

/** Existing customers that are probably the candidate, most evidence first. */
export function findDuplicatesIn(index: DuplicateIndex, candidate: DuplicateCandidate): DuplicateMatch[] {
  const found = new Map<number, Set<DuplicateReason>>();
  const mark = (ats: readonly number[] | undefined, reason: DuplicateReason): void => {
    for (const at of ats ?? []) {
      const set = found.get(at);
      if (set) set.add(reason);
      else found.set(at, new Set([reason]));
    }
  };

  const name = companyKey(candidate.Company);
  if (name) mark(index.byCompany.get(name), "company");
  for (const e of emailsIn(candidate.Email)) {
    mark(index.byEmail.get(e), "email");
    const domain = companyMailDomain(e);
    if (domain) mark(index.byEmailDomain.get(domain), "emailDomain");
  }
  for (const digits of phonesIn(candidate.Phone)) {
    const same = (index.byPhoneTail.get(tail(digits)) ?? []).filter((p) => samePhone(p.digits, digits));
    mark(same.map((p) => p.at), "phone");
  }
  const site = websiteKey(candidate.Website);
  if (site) mark(index.byWebsite.get(site), "website");

  const self = candidate.CustomerID ?? null;
  const matches: { at: number; match: DuplicateMatch }[] = [];
  for (const [at, set] of found) {
    const c = index.customers[at];
    if (self !== null && c.CustomerID === self) continue;
    // The exact address already says more than its domain.
    if (set.has("email")) set.delete("emailDomain");
    const reasons = REASON_ORDER.filter((r) => set.has(r));
    matches.push({ at, match: { customerId: c.CustomerID, company: c.Company, owner: c.Owner, reasons, message: messageFor(c, reasons) } });
  }
  const strength = (rs: readonly DuplicateReason[]): number => rs.reduce((s, r) => s + (r === "emailDomain" ? 1 : 2), 0);
  matches.sort((a, b) => strength(b.match.reasons) - strength(a.match.reasons) || a.at - b.at);
  return matches.map((m) => m.match);
}

/** One-off check; for many checks build duplicateIndex once and use findDuplicatesIn. */
export function findDuplicates(candidate: DuplicateCandidate, existing: readonly Customer[]): DuplicateMatch[] {
  return findDuplicatesIn(duplicateIndex(existing), candidate);
}
