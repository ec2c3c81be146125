/**
 * The base of the fake Excel's proxies: like Office.js they only queue;
 * setting a property or calling a method is carried out at context.sync(),
 * in order; a property reads only after load() and a sync, else
 * PropertyNotLoaded. The fake's own plumbing starts with "_".
 */
import { jsonBytes } from "../../workbook/office/payload";
import { FakeOfficeError, type WorkbookState } from "./fake-excel-state";

/**
 * What a request carries besides its values. Microsoft: "The payload size of
 * a request combines the number of API calls, the number of objects, such as
 * Range objects, [and] the length of the value to set or get"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance, "Payload
 * size limit best practices"). Office.js sends each queued call as a JSON
 * action with the object path it acts on; about this many bytes each.
 */
export const CALL_BYTES = 120;
/** What each loaded property costs in the response besides its value. */
export const PROPERTY_BYTES = 24;

/** What a proxy needs from its request context. */
export interface FakeQueue {
  readonly _state: WorkbookState;
  /** Queues work for the next sync; a returned function runs once the whole sync succeeded. */
  _enqueue(op: () => (() => void) | void): void;
  _request(bytes: number): void;
  _response(bytes: number): void;
  _count(what: "suspendCalls" | "rowsAdd"): void;
}

export class FakeClientObject {
  readonly _loaded = new Map<string, unknown>();
  constructor(readonly _q: FakeQueue) {}

  _read<T>(prop: string): T {
    if (!this._loaded.has(prop))
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this._loaded.get(prop) as T;
  }
  _isNull(): boolean {
    return false;
  }
  _snapshot(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `the fake cannot load ${prop}`);
  }
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter((p) => p !== "");
    this._q._enqueue(() => {
      const isNull = this._isNull();
      const got = list.map((p) => [p, p === "isNullObject" ? isNull : isNull ? null : this._snapshot(p)] as const);
      for (const [, v] of got) this._q._response(jsonBytes(v) + PROPERTY_BYTES);
      return () => got.forEach(([p, v]) => this._loaded.set(p, v));
    });
    return this;
  }
  get isNullObject(): boolean {
    return this._read("isNullObject");
  }
  /** Sets a property at sync time. */
  _set(apply: () => void, bytes = 16): void {
    this._q._request(bytes);
    this._q._enqueue(apply);
  }
}

/** A value computed at sync time (OfficeExtension.ClientResult, Excel.FunctionResult). */
export class FakeClientResult<T> extends FakeClientObject {
  constructor(
    q: FakeQueue,
    compute: () => T,
  ) {
    super(q);
    this._snapshot = (prop) => (prop === "value" ? compute() : FakeClientObject.prototype._snapshot.call(this, prop));
    q._enqueue(() => {
      const v = compute();
      return () => this._loaded.set("value", v);
    });
  }
  get value(): T {
    return this._read("value");
  }
}

