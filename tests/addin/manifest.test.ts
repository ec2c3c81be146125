/**
 * manifest.xml: a shared runtime (one page for the task pane, the ribbon
 * commands and the custom functions), the CRM custom functions with their
 * zh-CN metadata, the TradeBook ribbon tab, and resources that all exist.
 * Parsed with xml2js (present through office-addin-manifest).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

/** An element as a plain tree: name, attributes, children in order. */
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

interface RawNode {
  "#name": string;
  $?: Record<string, string>;
  _?: string;
  $$?: RawNode[];
}

const require = createRequire(import.meta.url);
const xml2js = require("xml2js") as { parseStringPromise(xml: string, options: Record<string, unknown>): Promise<Record<string, RawNode>> };

const root = path.resolve(__dirname, "../..");
const manifestText = readFileSync(path.join(root, "manifest.xml"), "utf8");
let doc: XmlNode;

function convert(raw: RawNode): XmlNode {
  return { name: raw["#name"], attrs: raw.$ ?? {}, text: (raw._ ?? "").trim(), children: (raw.$$ ?? []).map(convert) };
}

function all(node: XmlNode, name?: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    if (name === undefined || n.name === name) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

function one(node: XmlNode, name: string): XmlNode {
  const found = all(node, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

const child = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);
const xsiType = (n: XmlNode): string | undefined => n.attrs["xsi:type"];

beforeAll(async () => {
  const parsed = await xml2js.parseStringPromise(manifestText, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true });
  doc = convert({ ...parsed.OfficeApp, "#name": "OfficeApp" });
});

/** Resource id → its DefaultValue and locale overrides. */
function resources(): Map<string, { kind: string; value: string; overrides: Record<string, string> }> {
  const map = new Map<string, { kind: string; value: string; overrides: Record<string, string> }>();
  const res = one(doc, "Resources");
  for (const group of res.children) {
    for (const r of group.children) {
      const overrides: Record<string, string> = {};
      for (const o of r.children.filter((c) => c.name === "bt:Override")) overrides[o.attrs.Locale] = o.attrs.Value;
      map.set(r.attrs.id, { kind: group.name, value: r.attrs.DefaultValue, overrides });
    }
  }
  return map;
}

const url = (resid: string): string => {
  const r = resources().get(resid);
  if (!r) throw new Error(`no resource ${resid}`);
  return r.value;
};

describe("the manifest declares a shared runtime", () => {
  it("is a task pane add-in for Excel requiring SharedRuntime 1.1", () => {
    expect(xsiType(doc)).toBe("TaskPaneApp");
    expect(all(doc, "Host").some((h) => h.attrs.Name === "Workbook")).toBe(true);
    const sets = all(one(doc, "Requirements"), "Set").map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`);
    expect(sets).toContain("SharedRuntime 1.1");
  });

  it("runs one long-lived runtime on taskpane.html, used by the ribbon, the pane and the functions", () => {
    const runtime = one(doc, "Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const page = runtime.attrs.resid;
    expect(url(page)).toBe("https://localhost:3000/taskpane.html");
    expect(one(doc, "FunctionFile").attrs.resid).toBe(page);
    const cf = all(doc, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
    expect(cf && child(child(cf, "Page") as XmlNode, "SourceLocation")?.attrs.resid).toBe(page);
    // Every task pane the ribbon opens is that same page (a different URL would be another runtime).
    const panes = all(doc, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(panes.length).toBeGreaterThan(0);
    for (const a of panes) expect(child(a, "SourceLocation")?.attrs.resid).toBe(page);
    expect(one(one(doc, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(url(page));
  });
});

describe("the CRM custom functions", () => {
  it("have Script, Page, Metadata and the CRM namespace", () => {
    const cf = all(doc, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions") as XmlNode;
    expect(cf.children.map((c) => c.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const ns = resources().get((child(cf, "Namespace") as XmlNode).attrs.resid);
    expect(ns?.value).toBe("CRM");
    expect(url((child(child(cf, "Script") as XmlNode, "SourceLocation") as XmlNode).attrs.resid)).toBe("https://localhost:3000/functions.js");
  });

  it("point at functions.json, and at functions.zh-CN.json for Chinese Excel", () => {
    const cf = all(doc, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions") as XmlNode;
    const resid = (child(child(cf, "Metadata") as XmlNode, "SourceLocation") as XmlNode).attrs.resid;
    const r = resources().get(resid);
    expect(r?.value).toBe("https://localhost:3000/functions.json");
    expect(r?.overrides["zh-CN"]).toBe("https://localhost:3000/functions.zh-CN.json");
  });
});

describe("the TradeBook ribbon tab", () => {
  it.each([
    ["TradeBook.Today", "showToday"],
    ["TradeBook.Log", "showLog"],
    ["TradeBook.Customers", "showCustomers"],
    ["TradeBook.Reports", "showReports"],
  ])("button %s runs the shared-runtime command %s", (id, fn) => {
    const control = all(doc, "Control").find((c) => c.attrs.id === id) as XmlNode;
    const action = child(control, "Action") as XmlNode;
    expect(xsiType(action)).toBe("ExecuteFunction");
    expect(child(action, "FunctionName")?.text).toBe(fn);
  });

  it("has a custom tab labelled TradeBook with an Open button", () => {
    const tab = one(doc, "CustomTab");
    expect(resources().get((child(tab, "Label") as XmlNode).attrs.resid)?.value).toBe("TradeBook");
    expect(all(tab, "Control").map((c) => c.attrs.id)).toEqual(["TradeBook.Open", "TradeBook.Today", "TradeBook.Log", "TradeBook.Customers", "TradeBook.Reports"]);
  });

  it("the commands module registers every ExecuteFunction name (once addin/commands exists)", () => {
    const file = path.join(root, "addin/commands/commands.ts");
    const names = all(doc, "FunctionName").map((f) => f.text);
    expect(names).toHaveLength(4);
    if (!existsSync(file)) return; // H7's module: checked when it lands
    const source = readFileSync(file, "utf8");
    for (const n of names) expect(source, n).toMatch(new RegExp(`\\b${n}\\b`));
  });
});

describe("resources", () => {
  it("every resid referenced is defined, at most 32 characters, of the right kind", () => {
    const defined = resources();
    const refs = all(doc).filter((n) => n.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(20);
    for (const n of refs) {
      const r = defined.get(n.attrs.resid);
      expect(r, `<${n.name} resid="${n.attrs.resid}">`).toBeDefined();
      expect(n.attrs.resid.length).toBeLessThanOrEqual(32);
      const kind = n.name === "bt:Image" ? "bt:Images" : n.name === "Description" ? "bt:LongStrings" : ["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(n.name) ? "bt:Urls" : "bt:ShortStrings";
      expect(r?.kind, `<${n.name} resid="${n.attrs.resid}">`).toBe(kind);
    }
  });

  it("every defined resource is used", () => {
    const used = new Set(all(doc).map((n) => n.attrs.resid).filter(Boolean));
    for (const id of resources().keys()) expect(used.has(id), id).toBe(true);
  });

  it("every URL is https", () => {
    const urls = [
      ...all(doc).flatMap((n) => [n.attrs.DefaultValue, n.attrs.Value].filter((v): v is string => typeof v === "string" && /^[a-z]+:\/\//i.test(v))),
      ...all(doc, "AppDomain").map((d) => d.text),
    ];
    expect(urls.length).toBeGreaterThan(20);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it("SupportUrl and Learn more are the help pages served with the pane, in English and Chinese; no AppDomains", () => {
    const support = one(doc, "SupportUrl");
    const learnMore = resources().get("GetStarted.LearnMoreUrl");
    for (const [en, zh] of [
      [support.attrs.DefaultValue, child(support, "Override")?.attrs.Value],
      [learnMore?.value, learnMore?.overrides["zh-CN"]],
    ]) {
      expect(en).toBe("https://localhost:3000/help.html");
      expect(zh).toBe("https://localhost:3000/help.zh-CN.html");
    }
    expect(readFileSync(path.join(root, "addin/help/help.html"), "utf8")).toMatch(/<html lang="en">/);
    expect(readFileSync(path.join(root, "addin/help/help.zh-CN.html"), "utf8")).toMatch(/<html lang="zh-CN">/);
    // Everything is on the SourceLocation's own origin, which needs no AppDomain.
    expect(all(doc, "AppDomains")).toEqual([]);
  });

  it("every image is a PNG in assets/ of the size it claims", () => {
    const images = all(doc, "bt:Image").filter((i) => i.attrs.id !== undefined);
    const sizeOf = new Map(all(doc, "bt:Image").filter((i) => i.attrs.size).map((i) => [i.attrs.resid, Number(i.attrs.size)]));
    const files = [...images.map((i) => i.attrs.DefaultValue), one(doc, "IconUrl").attrs.DefaultValue, one(doc, "HighResolutionIconUrl").attrs.DefaultValue];
    for (const u of files) {
      const file = path.join(root, new URL(u).pathname);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii"), u).toBe("PNG");
      const width = png.readUInt32BE(16);
      expect(png.readUInt32BE(20)).toBe(width);
      const claimed = sizeOf.get(images.find((i) => i.attrs.DefaultValue === u)?.attrs.id ?? "") ?? Number(/-(\d+)\.png$/.exec(u)?.[1]);
      expect(width, u).toBe(claimed);
    }
  });

  it("names and texts users see have zh-CN overrides", () => {
    expect(child(child(doc, "DisplayName") as XmlNode, "Override")?.attrs.Locale).toBe("zh-CN");
    expect(child(child(doc, "Description") as XmlNode, "Override")?.attrs.Value).toMatch(/[\u4e00-\u9fff]/);
    for (const [id, r] of resources()) {
      if (r.kind !== "bt:ShortStrings" && r.kind !== "bt:LongStrings") continue;
      if (id === "Functions.Namespace") continue; // CRM. is the same in every language
      expect(r.overrides["zh-CN"], id).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
