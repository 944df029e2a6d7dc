import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** An HTTP request carried over the bus to a capable peer. */
export interface HandedOffHttpRequest {
  readonly kind: 'http';
  readonly fromNodeId: string;
  readonly method: string;
  /** Path and query, as received. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body, base64; absent when empty. */
  readonly body?: string;
}

/** The peer's answer, returned to the client as is. */
export interface HandedOffHttpReply {
  readonly kind: 'http';
  readonly nodeId: string;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The raw body, base64. */
  readonly body: string;
}

/** Headers about one connection, which a forwarded request or answer must not carry. */
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'proxy-connection', 'te', 'trailer']);

/** The headers worth forwarding, joined to one string each. */
export function forwardedHeaders(headers: IncomingHttpHeaders | OutgoingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name.toLowerCase())) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return kept;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

/** Reads a handed-off request off the bus; anything else is undefined. */
export function toHttpRequest(data: unknown): HandedOffHttpRequest | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d['kind'] !== 'http' || typeof d['method'] !== 'string' || typeof d['url'] !== 'string' || !isStringRecord(d['headers'])) return undefined;
  const body = typeof d['body'] === 'string' ? { body: d['body'] } : {};
  return { kind: 'http', fromNodeId: String(d['fromNodeId'] ?? ''), method: d['method'], url: d['url'], headers: d['headers'], ...body };
}

/** Reads a peer's answer; anything else is undefined. */
export function toHttpReply(data: unknown): HandedOffHttpReply | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d['kind'] !== 'http' || typeof d['statusCode'] !== 'number' || typeof d['body'] !== 'string') return undefined;
  const headers = typeof d['headers'] === 'object' && d['headers'] !== null ? (d['headers'] as HandedOffHttpReply['headers']) : {};
  return { kind: 'http', nodeId: String(d['nodeId'] ?? ''), statusCode: d['statusCode'], headers, body: d['body'] };
}
