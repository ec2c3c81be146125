import { describe, expect, it } from "vitest";
import { companyKey, isFreeMailDomain, phoneDigits, registrableHost, samePhone, websiteKey } from "../../../core/rules/duplicate-keys";
import { duplicateIndex, findDuplicates, findDuplicatesIn, type DuplicateCandidate, type DuplicateReason } from "../../../core/rules/duplicates";
import { customer, person } from "../../support/crm";

describe("company names match once case, width, punctuation and legal forms are gone", () => {
  it.each<[string, string]>([
    ["ACME Co., Ltd.", "Acme Company Limited"],
    ["ACME Co., Ltd.", "acme"],
    ["Acme L.L.C.", "ACME LLC"],
    ["Acme Corp.", "Acme Corporation"],
    ["Acme Inc", "ACME, INC."],
    ["Müller GmbH & Co. KG", "MÜLLER GMBH"],
    ["Ｒｏｓｓｉ Ｓ．ｒ．ｌ．", "Rossi SRL"], // full-width
    ["Rossi S.p.A.", "rossi"],
    ["García S.L.", "GARCÍA, S.A."],
    ["Van Dijk B.V.", "van dijk n.v."],
    ["Kangaroo Pty Ltd", "Kangaroo PTY. LIMITED"],
    ["British Widgets PLC", "British-Widgets plc"],
    ["OOO Romashka", "Romashka JSC"],
    ["Dupont SARL", "DUPONT SAS"],
    ["深圳市华美贸易有限公司", "深圳市华美贸易"],
    ["华美集团股份有限公司", "华美"],
    ["宁波海天有限责任公司", "宁波海天公司"],
    ["Ａｃｍｅ　Ｔｒａｄｉｎｇ", "acme trading"],
  ])("%s ≡ %s", (a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
    expect(companyKey(a).length).toBeGreaterThan(0);
  });

  it.each<[string, string]>([
    ["Acme Trading Co., Ltd.", "Acme Industrial Co., Ltd."],
    ["Nova", "Novak"],
    ["Company Limited", "Limited"],
  ])("%s ≢ %s", (a, b) => {
    expect(companyKey(a)).not.toBe(companyKey(b));
  });

  it.each<[string, string]>([
    ["Company Limited", "company"],
    ["", ""],
    ["  ...  ", ""],
  ])("a name is never stripped to nothing: %s → %s", (name, key) => {
    expect(companyKey(name)).toBe(key);
  });
});

describe("free-mail domains never link customers", () => {
  it.each<[string, boolean]>([
    ["gmail.com", true],
    ["GoogleMail.com", true],
    ["outlook.com", true],
    ["hotmail.co.uk", true],
    ["yahoo.co.jp", true],
    ["yahoo.com.cn", true],
    ["live.fr", true],
    ["mail.ru", true],
    ["yandex.ru", true],
    ["gmx.de", true],
    ["web.de", true],
    ["163.com", true],
    ["126.com", true],
    ["qq.com", true],
    ["vip.qq.com", true],
    ["foxmail.com", true],
    ["sina.com", true],
    ["sohu.com", true],
    ["yeah.net", true],
    ["aliyun.com", true],
    ["protonmail.com", true],
    ["icloud.com", true],
    ["aol.com", true],
    ["acme.com", false],
    ["mail.acme.com", false],
    ["acme.co.uk", false],
    ["live-events.com", false],
  ])("%s free-mail: %s", (domain, free) => {
    expect(isFreeMailDomain(domain)).toBe(free);
  });
});

describe("phone numbers match whatever the format", () => {
  it.each<[string, string, boolean]>([
    ["+1 (415) 555-0100", "001-415-555-0100", true],
    ["+1 (415) 555-0100", "415.555.0100", true],
    ["+1 415 555 0100 ext. 23", "14155550100", true],
    ["+86 138 0013 8000", "13800138000", true],
    ["+86 755 8888 6666", "0755-8888 6666", true],
    ["0086-755-88886666", "+86 (0)755 8888 6666".replace("(0)", ""), true],
    ["＋８６ １３８００１３８０００", "138-0013-8000", true], // full-width digits
    ["+1 415 555 0100", "+1 650 555 0100", false],
    ["+1 415 555 0100", "+1 415 555 0101", false],
  ])("%s vs %s → %s", (a, b, same) => {
    const da = phoneDigits(a);
    const db = phoneDigits(b);
    expect(da !== null && db !== null && samePhone(da, db)).toBe(same);
  });

  it.each<[string, string | null]>([
    ["+1 (415) 555-0100", "14155550100"],
    ["001-415-555-0100", "14155550100"],
    ["0755-8888 6666", "75588886666"],
    ["+1 415 555 0100 x 23", "14155550100"],
    ["WhatsApp: +86 138 0013 8000", "8613800138000"],
    ["Tel 0755-8888 6666 转 801", "75588886666"],
    ["12345", null], // too short to identify a line
    ["n/a", null],
  ])("phoneDigits(%s) = %s", (text, digits) => {
    expect(phoneDigits(text)).toBe(digits);
  });
});

describe("websites match on the registrable host", () => {
  it.each<[string, string | null]>([
    ["https://www.acme.com/en/products?id=3", "acme.com"],
    ["http://acme.com:8080", "acme.com"],
    ["ACME.COM", "acme.com"],
    ["www.acme.com/", "acme.com"],
    ["shop.acme.com", "acme.com"],
    ["//user@www2.acme.com#top", "acme.com"],
    ["https://www.acme.co.uk/about", "acme.co.uk"],
    ["acme.com.cn", "acme.com.cn"],
    ["https://acme.en.alibaba.com/", "acme.en.alibaba.com"],
    ["https://www.facebook.com/AcmeLtd/", "facebook.com/acmeltd"],
    ["facebook.com", null],
    ["not a site", null],
    ["", null],
  ])("websiteKey(%s) = %s", (url, key) => {
    expect(websiteKey(url)).toBe(key);
  });

  it.each<[string, string]>([
    ["a.b.example.com", "example.com"],
    ["example.co.uk", "example.co.uk"],
    ["x.example.com.au", "example.com.au"],
    ["example.de", "example.de"],
  ])("registrableHost(%s) = %s", (host, reg) => {
    expect(registrableHost(host)).toBe(reg);
  });
});

const existing = [
  customer("C-1", { Company: "Acme Company Limited", Owner: person("Li Lei"), Email: "tom@acme.com", Phone: "+1 (415) 555-0100", Website: "https://www.acme.com" }),
  customer("C-2", { Company: "Globex GmbH", Owner: person("Han Meimei"), Email: "buyer.globex@gmail.com", Phone: "+49 30 1234 5678" }),
  customer("C-3", { Company: "Initech", Owner: person("Wang Fang"), Email: "anna@initech.io", Website: "initech.io/shop" }),
  customer("C-4", { Company: "Umbrella SA", Owner: person("Li Lei"), Email: "x@umbrella.fr" }),
];

describe("findDuplicates reports whose customer it is and why", () => {
  it.each<[string, DuplicateCandidate, [string, DuplicateReason[]][]]>([
    ["company only: ACME Co., Ltd. vs Acme Company Limited", { Company: "ACME Co., Ltd." }, [["C-1", ["company"]]]],
    ["same address", { Company: "New Buyer", Email: "TOM@acme.com" }, [["C-1", ["email"]]]],
    ["colleague at the same company domain", { Company: "New Buyer", Email: "jane@sales.acme.com" }, [["C-1", ["emailDomain"]]]],
    ["free-mail domain links nobody", { Company: "New Buyer", Email: "someone@gmail.com" }, []],
    ["the same free-mail address still matches", { Company: "New Buyer", Email: "buyer.globex@gmail.com" }, [["C-2", ["email"]]]],
    ["phone in another format", { Company: "New Buyer", Phone: "001-415-555-0100" }, [["C-1", ["phone"]]]],
    ["website variant", { Company: "New Buyer", Website: "http://acme.com/contact" }, [["C-1", ["website"]]]],
    [
      "several keys at once, strongest first",
      { Company: "ACME Co., Ltd.", Email: "tom@acme.com", Phone: "+1 415 555 0100", Website: "acme.com" },
      [["C-1", ["email", "phone", "website", "company"]]],
    ],
    [
      "two different customers, most evidence first",
      { Company: "Initech", Phone: "+1 415-555-0100", Email: "ops@initech.io", Website: "www.initech.io" },
      [["C-3", ["website", "company", "emailDomain"]], ["C-1", ["phone"]]],
    ],
    ["nothing in common", { Company: "Stark Industries", Email: "tony@stark.com", Phone: "+1 212 970 4133", Website: "stark.com" }, []],
    ["a customer is not its own duplicate", { Company: "Acme Company Limited", CustomerID: "C-1" }, []],
  ])("%s", (_name, candidate, expected) => {
    const found = findDuplicates(candidate, existing);
    expect(found.map((m) => [m.customerId, [...m.reasons]])).toEqual(expected);
  });

  it("the message names the owner, the company and the ID in both languages", () => {
    const [m] = findDuplicates({ Company: "ACME Co., Ltd.", Phone: "001-415-555-0100" }, existing);
    expect(m.owner).toBe("Li Lei");
    expect(m.company).toBe("Acme Company Limited");
    expect(m.message.en).toBe('May be a duplicate of Li Lei\'s customer "Acme Company Limited" (C-1): same phone, same company name');
    expect(m.message.zh).toBe("可能与业务员「Li Lei」的客户「Acme Company Limited」（C-1）重复：电话相同、公司名称相同");
  });
});

describe("the duplicate index is fast on 50,000 customers", () => {
  it("builds once and answers 1,000 checks quickly", () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      customer(`C-${i}`, {
        Company: `Buyer ${i} Trading Co., Ltd.`,
        Email: i % 3 === 0 ? `b${i}@gmail.com` : `sales@buyer${i}.com`,
        Phone: `+1 212 ${String(1_000_000 + i).slice(1, 4)} ${String(10_000 + i).slice(-4)}`,
        Website: `https://www.buyer${i}.com`,
      }),
    );
    // About 0.3 s and 10 ms on an idle machine. Best of two runs and loose
    // bounds leave room for a busy CI box; a quadratic check would take minutes.
    let build = Infinity;
    let check = Infinity;
    for (let run = 0; run < 2; run++) {
      const t0 = performance.now();
      const index = duplicateIndex(many);
      const t1 = performance.now();
      let hits = 0;
      for (let i = 0; i < 1000; i++) {
        hits += findDuplicatesIn(index, { Company: `BUYER ${i * 37} TRADING LIMITED`, Email: `x@buyer${i * 37}.com`, Phone: "+44 20 7946 0000" }).length;
      }
      const t2 = performance.now();
      expect(hits).toBe(1000);
      build = Math.min(build, t1 - t0);
      check = Math.min(check, t2 - t1);
    }
    expect(build).toBeLessThan(3000);
    expect(check).toBeLessThan(500);
  });
});
