/**
 * "Who am I" memory (addin/host/user-store.ts): per workbook, in localStorage
 * under Office.context.partitionKey where the host partitions storage, as
 * Microsoft's add-in state guidance does; an answer saved before keys were
 * partitioned is kept; no storage at all still remembers for the session.
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings
 */
import { describe, expect, it } from "vitest";
import { storageKey, storageUserStore } from "../../../addin/host/user-store";
import { ForbiddenStorage, MapStorage } from "../../support/storage";

describe("who am I is remembered per workbook", () => {
  it("two workbooks keep separate answers in one storage", () => {
    const storage = new MapStorage();
    const a = storageUserStore(storage, "file:TeamA.xlsx");
    const b = storageUserStore(storage, "file:TeamB.xlsx");
    a.set("who", "张伟");
    expect(a.get("who")).toBe("张伟");
    expect(b.get("who")).toBeNull();
    expect([...storage.map.keys()]).toEqual(["tradebook:file%3ATeamA.xlsx:who"]);
    a.set("who", null);
    expect(a.get("who")).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it("without storage the answer lasts for the session", () => {
    const s = storageUserStore(null, "x");
    s.set("who", "李娜");
    expect(s.get("who")).toBe("李娜");
  });

  it("storage a policy forbids: the answer lasts for the session, nothing throws", () => {
    const s = storageUserStore(new ForbiddenStorage(), "x", "pk");
    expect(s.get("who")).toBeNull();
    s.set("who", "李娜");
    expect(s.get("who")).toBe("李娜");
  });
});

describe("keys are partitioned where the host partitions storage", () => {
  const url = "excel:https://contoso.sharepoint.com/sites/sales/Shared Documents/Team.xlsx";

  it.each([
    ["a partition key (Excel on the web)", "7f3c9a::https://excel.officeapps.live.com", "7f3c9a::https://excel.officeapps.live.comtradebook:"],
    ["no partition key (Windows browser controls)", undefined, "tradebook:"],
    ["an empty partition key", "", "tradebook:"],
  ])("%s: the key starts with it, as Microsoft's sample prefixes it", (_label, partition, prefix) => {
    const storage = new MapStorage();
    storageUserStore(storage, url, partition).set("who", "王芳");
    const key = `${prefix}${encodeURIComponent(url)}:who`;
    expect([...storage.map.entries()]).toEqual([[key, "王芳"]]);
    expect(storageKey(url, "who", partition || undefined)).toBe(key);
  });

  it("another partition does not see the answer", () => {
    const storage = new MapStorage();
    storageUserStore(storage, url, "pk-A").set("who", "王芳");
    expect(storageUserStore(storage, url, "pk-B").get("who")).toBeNull();
  });

  it("an answer saved before keys were partitioned is kept, moved under the partitioned key", () => {
    const storage = new MapStorage();
    storage.setItem(`tradebook:${encodeURIComponent(url)}:who`, "王芳");
    const store = storageUserStore(storage, url, "pk");
    expect(store.get("who")).toBe("王芳");
    expect([...storage.map.entries()]).toEqual([[`pktradebook:${encodeURIComponent(url)}:who`, "王芳"]]);
  });

  it("choosing again (or clearing) also removes the unpartitioned copy", () => {
    const storage = new MapStorage();
    storage.setItem(`tradebook:${encodeURIComponent(url)}:who`, "王芳");
    storageUserStore(storage, url, "pk").set("who", null);
    expect(storage.map.size).toBe(0);
    expect(storageUserStore(storage, url, "pk").get("who")).toBeNull();
  });
});
