/** How an area of the op surface plugs its golden cases into the conformance suite. */

/** A golden case's call: decoded positional arguments and keyword arguments → result. */
export type Call = (args: any[], kw: Record<string, unknown>) => unknown;

/** One area's calls. */
export interface SurfaceCalls {
  /** PyTorch op name (the case's `op`) → Antorcha call. */
  readonly calls: Readonly<Record<string, Call>>;
  /** Asynchronous replacements for devices that read back only asynchronously (data-dependent sizes). */
  readonly asyncCalls?: Readonly<Record<string, (args: any[], kw: Record<string, unknown>) => Promise<unknown>>>;
  /** Ops whose results are views: their strides and offset must match PyTorch's too. */
  readonly viewOps?: readonly string[];
  /** Factories (no tensor arguments): the suite passes the device under test as `kw.device`. */
  readonly creationOps?: readonly string[];
}
