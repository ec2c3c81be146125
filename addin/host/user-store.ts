/**
 * Per-user, per-workbook memory for small choices such as "who am I".
 * Two workbooks (two teams) must not share the answer, so every key is
 * prefixed with the workbook's identity. In Excel, roaming settings follow
 * the signed-in user across machines; elsewhere localStorage is per browser
 * profile, which is per user.
 */
export interface UserStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

/** The minimal storage shape both localStorage and a Map-backed fake satisfy. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function partitionKey(workbookKey: string, key: string): string {
  return `tradebook:${encodeURIComponent(workbookKey)}:${key}`;
}

export function storageUserStore(storage: KeyValueStorage | null, workbookKey: string): UserStore {
  const memory = new Map<string, string>();
  return {
    get(key) {
      const k = partitionKey(workbookKey, key);
      try {
        return storage ? storage.getItem(k) : (memory.get(k) ?? null);
      } catch {
        return memory.get(k) ?? null;
      }
    },
    set(key, value) {
      const k = partitionKey(workbookKey, key);
      try {
        if (!storage) throw new Error("no storage");
        if (value === null) storage.removeItem(k);
        else storage.setItem(k, value);
      } catch {
        // Storage can be disabled (private mode, policy): remember for the session only.
        if (value === null) memory.delete(k);
        else memory.set(k, value);
      }
    },
  };
}

/** Office roaming settings: saved asynchronously; a failed save only loses the memory. */
export function roamingUserStore(settings: Office.RoamingSettings, workbookKey: string): UserStore {
  return {
    get(key) {
      const v: unknown = settings.get(partitionKey(workbookKey, key));
      return typeof v === "string" ? v : null;
    },
    set(key, value) {
      const k = partitionKey(workbookKey, key);
      if (value === null) settings.remove(k);
      else settings.set(k, value);
      settings.saveAsync(() => undefined);
    },
  };
}

export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
