/** Unique, plausible company and contact names for the demo customers (templates/sample.ts). */
import { countryByCode } from "./countries";
import type { Dice } from "./dice";
import * as P from "./sample-data";

export interface CompanyName {
  readonly name: string;
  /** The words before any city or legal suffix, for the web domain. */
  readonly core: string;
  /** False when the plain name was taken and a city or number tells it apart. */
  readonly plain: boolean;
}

export class NameBook {
  private readonly companies = new Set<string>();
  private readonly contacts = new Set<string>();

  constructor(private readonly d: Dice) {}

  /** A company name not used yet; common names get the city, then a number, as real ones do. */
  company(country: string, city: string): CompanyName {
    const suffix = P.LEGAL_SUFFIX[country] ?? "Co., Ltd.";
    for (let attempt = 0; ; attempt++) {
      const core = `${this.d.pick(P.COMPANY_FIRST)} ${this.d.pick(P.COMPANY_SECOND)}`;
      const name = attempt < 8 ? `${core} ${suffix}` : attempt < 16 ? `${core} ${city} ${suffix}` : `${core} ${attempt} ${suffix}`;
      if (!this.companies.has(name)) {
        this.companies.add(name);
        return { name, core, plain: attempt < 8 };
      }
    }
  }

  /** A contact name not used yet (a middle initial once the plain names run out). */
  contact(country: string): [given: string, last: string] {
    for (let attempt = 0; ; attempt++) {
      const [first, last] = this.someone(country);
      const given = attempt < 8 ? first : `${first} ${String.fromCharCode(65 + this.d.int(0, 25))}.`;
      if (!this.contacts.has(`${given} ${last}`)) {
        this.contacts.add(`${given} ${last}`);
        return [given, last];
      }
    }
  }

  private someone(country: string): [string, string] {
    const region = countryByCode(country)?.Region ?? "Europe";
    const culture =
      region === "Latin America" ? "latin" : region === "Middle East" ? "arabic" : region === "Africa" && country !== "ZA" ? "african"
        : region.includes("Asia") ? "asian" : "western";
    const [first, last] = P.CONTACT_NAMES[culture];
    return [this.d.pick(first), this.d.pick(last)];
  }
}
