/**
 * Baton's /openapi.json against Camunda 8.8's API (issue 13): every difference
 * (`openapi-diff.ts`) must be in `openapi-allow-list.json` with a reason, and every entry
 * there must still be a difference, so a new drift fails and a fixed one must be removed.
 * Regenerate with `npm run compat:allow-list` (keeps the reasons already written; new
 * entries get a reason by kind where the kind says it, else `REVIEW: …`, which fails until
 * someone writes why).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startNode, type RunningNode } from '@baton/engine';
import { loadCamundaSchemas } from './camunda-schemas.js';
import { openApiDifferences, type OpenApiDocument } from './openapi-diff.js';

const allowListFile = new URL('openapi-allow-list.json', import.meta.url);
const isUpdate = process.env['BATON_UPDATE_ALLOW_LIST'] === '1';
const unreviewed = 'REVIEW:';

let node: RunningNode;

beforeAll(async () => {
  node = await startNode({ logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0, enableClockControl: true });
});

afterAll(async () => {
  await node?.close();
});

/** Reasons a difference's kind alone gives: it cannot break an 8.8 client. */
const harmless: readonly (readonly [RegExp, string])[] = [
  [/ operation not-served$/, 'not served yet: answers 501 NOT_IMPLEMENTED naming the operation'],
  [/ operation baton-only$/, "Baton's own route: 8.8 clients never call it"],
  [/ response extra-property /, "a field of Baton's own in an answer: 8.8 clients ignore it (res:strict strips unknown fields)"],
  [/ response extra-required /, 'Baton always sends a field 8.8 may omit: no 8.8 client is surprised'],
  [/ response missing-property /, 'an optional 8.8 field Baton does not send: 8.8 clients handle its absence'],
  [/ request extra-property /, 'Baton accepts a field 8.8 does not define: 8.8 clients never send it'],
  [/ request not-required /, 'Baton accepts a request without a field 8.8 requires: 8.8 clients always send it'],
  [/ request missing-property \$\.filter\./, "8.8 filter field or operator Baton's search does not take yet: refused with a 400 naming the field"],
  [/ request missing-property \$\.(sort|page)$/, 'Baton does not take sort/page on this search yet: refused with a 400 naming the field'],
];

/** The reason a new entry gets: by kind where the kind says it, else a request to review. */
function reasonByKind(difference: string): string {
  return harmless.find(([pattern]) => pattern.test(difference))?.[1] ?? `${unreviewed} say why Baton differs here, or fix it in shared/api`;
}

test('every difference from the 8.8 API is allowed with a reason, and every allowed one still exists', async () => {
  // given Baton's document and 8.8's schemas
  const document = (await (await fetch(`${node.url}/openapi.json`)).json()) as OpenApiDocument;
  const differences = openApiDifferences(document, await loadCamundaSchemas());
  const allowed = JSON.parse(readFileSync(allowListFile, 'utf8')) as Record<string, string>;
  if (isUpdate) {
    const next = Object.fromEntries(differences.map((difference) => [difference, allowed[difference] ?? reasonByKind(difference)]));
    writeFileSync(allowListFile, `${JSON.stringify(next, null, 2)}\n`);
    return;
  }

  // when compared with the allow-list
  const unlisted = differences.filter((difference) => allowed[difference] === undefined);
  const gone = Object.keys(allowed).filter((difference) => !differences.includes(difference));
  const reasonless = Object.entries(allowed).filter(([, reason]) => reason.trim() === '' || reason.startsWith(unreviewed)).map(([difference]) => difference);

  // then nothing new, nothing stale, and a reason for each
  expect(differences.length).toBeGreaterThan(0);
  const report = [
    ...unlisted.map((difference) => `new difference (fix it, or run npm run compat:allow-list and say why): ${difference}`),
    ...gone.map((difference) => `allowed but no longer a difference (run npm run compat:allow-list): ${difference}`),
    ...reasonless.map((difference) => `allowed without a reason: ${difference}`),
  ];
  expect(report.length, report.join('\n')).toBe(0);
});
