/** A Map-backed Web Storage (localStorage / sessionStorage) for Node tests. */
import type { KeyValueStorage } from "../../addin/host/user-store";

export class MapStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, String(v));
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

/** Storage that a browser policy or private mode forbids: every call throws. */
export class ForbiddenStorage implements KeyValueStorage {
  getItem(): string | null {
    throw new DOMException("The operation is insecure.", "SecurityError");
  }
  setItem(): void {
    throw new DOMException("The operation is insecure.", "SecurityError");
  }
  removeItem(): void {
    throw new DOMException("The operation is insecure.", "SecurityError");
  }
}
