/*
 * The few web-platform globals the proxy store uses, present in browsers and in Node 20
 * alike. The package compiles without DOM or Node types (it is isomorphic), so they are
 * typed here, as narrowly as they are used, and read off `globalThis`.
 */

/** What the proxy store reads of an answer. */
export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  text(): Promise<string>;
}

/** An abort signal, as `fetch` takes it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface FetchInit {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignalLike;
}

/** The global `fetch`, or one handed in (tests, a bus transport, a custom agent). */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

interface WebGlobals {
  readonly fetch?: FetchLike;
  readonly AbortController: new () => { readonly signal: AbortSignalLike; abort(reason?: unknown): void };
  readonly AbortSignal: { any(signals: readonly AbortSignalLike[]): AbortSignalLike; timeout(ms: number): AbortSignalLike };
  readonly TextEncoder: new () => { encode(text: string): Uint8Array };
  btoa(binary: string): string;
}

export const web = globalThis as unknown as WebGlobals;

/** Base64 of the UTF-8 bytes of `text` (HTTP Basic credentials, RFC 7617). */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new web.TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return web.btoa(binary);
}
