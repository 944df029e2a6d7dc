/** The version of the bus client API's request and reply; a change that breaks readers bumps it. */
export const busApiVersion = 1;

/**
 * One request on `baton.<cluster>.api.<operationId>` (version 1). It is the REST request
 * of that operation, carried as data: the node answers it through its own routes.
 */
export interface BusApiRequest {
  readonly v: typeof busApiVersion;
  /** Must be the operation's method; default it. */
  readonly method?: string;
  /** The concrete path (`/v2/jobs/2251799813685249/completion`); absent: the operation's path with `params` filled in. */
  readonly path?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  /** The body's media type; default `application/json` when `body` is given. */
  readonly contentType?: string;
  /** A JSON body. */
  readonly body?: unknown;
  /** A text body (`application/xml` for a raw BPMN deployment). */
  readonly bodyText?: string;
  /** A binary body, base64 (multipart deployments). */
  readonly bodyBase64?: string;
  readonly accept?: string;
  /** An API key (`baton_…`): the node reads it as REST reads `Authorization: Bearer baton_…`. */
  readonly apiKey?: string;
  /** An OIDC token (or an API key): sent as `Authorization: Bearer …`; wins over `apiKey`. */
  readonly bearerToken?: string;
}

/** The answer: REST's status and body (a problem as RFC 9457 JSON), and the node that answered. */
export interface BusApiReply {
  readonly v: typeof busApiVersion;
  readonly status: number;
  readonly nodeId: string;
  readonly contentType?: string;
  /** Parsed JSON for a JSON answer, the text for any other; absent when empty (204). */
  readonly body?: unknown;
}

const stringFields = ['method', 'path', 'contentType', 'bodyText', 'bodyBase64', 'accept', 'apiKey', 'bearerToken'] as const;
/** Fields that become HTTP headers, where a control character (a line break) has no place. */
const headerFields = ['contentType', 'accept', 'apiKey', 'bearerToken'] as const;

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Reads a request off the bus; the reason it cannot be read, as a string, otherwise. */
export function readBusApiRequest(data: unknown): BusApiRequest | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the request is not a JSON object';
  const fields = data as Record<string, unknown>;
  if (fields['v'] !== busApiVersion) return `field "v" is ${JSON.stringify(fields['v'])}, expected ${busApiVersion}`;
  for (const name of stringFields) {
    if (fields[name] !== undefined && typeof fields[name] !== 'string') return `field "${name}" must be a string`;
  }
  for (const name of headerFields) {
    if (hasControlCharacter((fields[name] as string | undefined) ?? '')) return `field "${name}" holds a control character`;
  }
  for (const name of ['params', 'query'] as const) {
    if (fields[name] !== undefined && !isStringRecord(fields[name])) return `field "${name}" must be an object of strings`;
  }
  const bodies = ['body', 'bodyText', 'bodyBase64'].filter((name) => fields[name] !== undefined);
  if (bodies.length > 1) return `give one of "body", "bodyText", "bodyBase64", not ${bodies.join(' and ')}`;
  return data as BusApiRequest;
}
