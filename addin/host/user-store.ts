/**
 * Per-user, per-workbook memory for small choices such as "who am I".
 *
 * Where it lives, and why there:
 * - localStorage of the add-in's browser control, as Microsoft's guidance on
 *   add-in state says, under Office.context.partitionKey where the host
 *   partitions storage (Excel on the web; it is undefined in the Windows
 *   browser controls, which do not partition), so the value is only visible
 *   in the same context. https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings
 * - Not Office.context.roamingSettings: that is the mail add-ins' store
 *   (Mailbox 1.1), which exists only in Outlook.
 * - Not the workbook's own settings (Office.context.document.settings): they
 *   are saved in the file, so in a shared workbook every co-author would read
 *   the same "who am I", and the last one to choose would rename everyone.
 *   The answer is per person, the file is shared: it stays out of the file.
 * The cost: the answer stays on this computer (and browser); on another one
 * the pane asks once more. Two workbooks (two teams) must not share the
 * answer, so every key also carries the workbook's identity.
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

/**
 * The storage key of a choice: the host's partition key first (when it has
 * one, as Microsoft's sample prefixes it), then the workbook, then the choice.
 */
export function storageKey(workbookKey: string, key: string, partition?: string): string {
  return `${partition ?? ""}tradebook:${encodeURIComponent(workbookKey)}:${key}`;
}

export function storageUserStore(storage: KeyValueStorage | null, workbookKey: string, partition?: string): UserStore {
  const memory = new Map<string, string>();
  const keyOf = (key: string) => storageKey(workbookKey, key, partition || undefined);
  /** A choice made before keys were partitioned (same storage, no prefix): moved under the new key once. */
  const adoptUnpartitioned = (s: KeyValueStorage, key: string, k: string): string | null => {
    if (!partition) return null;
    const old = storageKey(workbookKey, key);
    const v = s.getItem(old);
    if (v === null) return null;
    s.setItem(k, v);
    s.removeItem(old);
    return v;
  };
  return {
    get(key) {
      const k = keyOf(key);
      try {
        if (!storage) return memory.get(k) ?? null;
        return storage.getItem(k) ?? adoptUnpartitioned(storage, key, k);
      } catch {
        return memory.get(k) ?? null;
      }
    },
    set(key, value) {
      const k = keyOf(key);
      try {
        if (!storage) throw new Error("no storage");
        if (value === null) storage.removeItem(k);
        else storage.setItem(k, value);
        if (partition) storage.removeItem(storageKey(workbookKey, key));
      } catch {
        // Storage can be disabled (private mode, policy): remember for the session only.
        if (value === null) memory.delete(k);
        else memory.set(k, value);
      }
    },
  };
}

/** localStorage when the browser control allows it (a policy or private mode can forbid even looking). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
