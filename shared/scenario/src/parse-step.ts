import { assertNever } from './assert-never.js';
import {
  describeJson,
  invalid,
  onlyKeys,
  optionalString,
  optionalVariables,
  requireDuration,
  requireObject,
  requireString,
  requireStringList,
  type JsonObject,
} from './json-fields.js';
import { expectedStates, type Action, type ActionType, type Expectation, type ExpectedState, type ExpectationType, type Step } from './types.js';

const actionTypes: readonly ActionType[] = [
  'start',
  'completeJob',
  'failJob',
  'throwError',
  'completeUserTask',
  'correlateMessage',
  'broadcastSignal',
  'advanceTime',
  'cancel',
  'setVariables',
];

const expectationTypes: readonly ExpectationType[] = [
  'expectWaiting',
  'expectCompleted',
  'expectNotCompleted',
  'expectVariables',
  'expectState',
];

const isActionType = (key: string): key is ActionType => (actionTypes as readonly string[]).includes(key);
const isExpectationType = (key: string): key is ExpectationType => (expectationTypes as readonly string[]).includes(key);

/**
 * One entry of `steps`: an object with exactly one step key, plus `expectRejected`
 * on actions. `where` is `steps[K]` with K 1-based, as in the report.
 */
export function parseStep(raw: unknown, where: string): Step {
  const obj = requireObject(raw, where);
  const keys = Object.keys(obj).filter((k) => k !== 'expectRejected');
  if (keys.length !== 1) {
    const found = keys.length === 0 ? 'none' : keys.map((k) => `"${k}"`).join(', ');
    throw invalid(where, `a step has exactly one step key (plus "expectRejected" on actions) but found ${found}`);
  }
  const key = keys[0] as string;
  const body = obj[key];
  if (isActionType(key)) {
    const expectRejected = obj['expectRejected'];
    if (expectRejected !== undefined && typeof expectRejected !== 'boolean') {
      throw invalid(`${where}.expectRejected`, `expected true or false but found ${describeJson(expectRejected)}`);
    }
    return { kind: 'action', action: parseAction(key, body, `${where}.${key}`), expectRejected: expectRejected === true };
  }
  if (isExpectationType(key)) {
    if ('expectRejected' in obj) throw invalid(`${where}.expectRejected`, `only actions take "expectRejected", not ${key}`);
    return { kind: 'expectation', expectation: parseExpectation(key, body, `${where}.${key}`) };
  }
  throw invalid(where, `unknown step "${key}"; steps are ${[...actionTypes, ...expectationTypes].join(', ')}`);
}

function parseAction(type: ActionType, body: unknown, where: string): Action {
  if (type === 'advanceTime') return { type, duration: requireDuration(body, where) };
  const obj = requireObject(body, where);
  switch (type) {
    case 'start':
      onlyKeys(obj, ['message', 'variables'], where);
      return withOptional({ type, variables: optionalVariables(obj, 'variables', where) }, 'message', optionalString(obj, 'message', where));
    case 'completeJob':
    case 'completeUserTask':
      onlyKeys(obj, ['element', 'variables'], where);
      return { type, element: requireString(obj, 'element', where), variables: optionalVariables(obj, 'variables', where) };
    case 'failJob':
      onlyKeys(obj, ['element', 'retries', 'message'], where);
      return {
        type,
        element: requireString(obj, 'element', where),
        retries: retriesOf(obj, where),
        message: optionalString(obj, 'message', where) ?? 'failed by the scenario',
      };
    case 'throwError':
      onlyKeys(obj, ['element', 'code', 'message', 'variables'], where);
      return withOptional(
        { type, element: requireString(obj, 'element', where), code: requireString(obj, 'code', where), variables: optionalVariables(obj, 'variables', where) },
        'message',
        optionalString(obj, 'message', where),
      );
    case 'correlateMessage':
      return parseCorrelateMessage(obj, where);
    case 'broadcastSignal':
      onlyKeys(obj, ['name', 'variables'], where);
      return { type, name: requireString(obj, 'name', where), variables: optionalVariables(obj, 'variables', where) };
    case 'cancel':
      onlyKeys(obj, [], where);
      return { type };
    case 'setVariables':
      onlyKeys(obj, ['variables'], where);
      return { type, variables: optionalVariables(obj, 'variables', where) };
    default:
      return assertNever(type);
  }
}

function parseCorrelateMessage(obj: JsonObject, where: string): Action {
  onlyKeys(obj, ['name', 'correlationKey', 'variables', 'timeToLive'], where);
  const rawKey = obj['correlationKey'];
  if (rawKey !== undefined && typeof rawKey !== 'string' && typeof rawKey !== 'number') {
    throw invalid(`${where}.correlationKey`, `expected a string but found ${describeJson(rawKey)}`);
  }
  const ttl = obj['timeToLive'] === undefined ? undefined : requireDuration(obj['timeToLive'], `${where}.timeToLive`);
  const base = { type: 'correlateMessage' as const, name: requireString(obj, 'name', where), variables: optionalVariables(obj, 'variables', where) };
  return withOptional(withOptional(base, 'correlationKey', rawKey === undefined ? undefined : String(rawKey)), 'timeToLive', ttl);
}

function retriesOf(obj: JsonObject, where: string): number {
  const value = obj['retries'];
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalid(`${where}.retries`, `expected a whole number >= 0 but found ${describeJson(value)}`);
  }
  return value;
}

function parseExpectation(type: ExpectationType, body: unknown, where: string): Expectation {
  switch (type) {
    case 'expectWaiting':
    case 'expectCompleted':
    case 'expectNotCompleted':
      return { type, elementIds: requireStringList(body, where) };
    case 'expectVariables':
      return { type, variables: requireObject(body, where) };
    case 'expectState':
      if (typeof body !== 'string' || !(expectedStates as readonly string[]).includes(body)) {
        throw invalid(where, `expected one of ${expectedStates.join(', ')} but found ${describeJson(body)}`);
      }
      return { type, state: body as ExpectedState };
    default:
      return assertNever(type);
  }
}

/** Adds `key` only when it has a value, so optional fields stay absent rather than undefined. */
function withOptional<T extends object, K extends string, V>(base: T, key: K, value: V | undefined): T & { [P in K]?: V } {
  return (value === undefined ? base : { ...base, [key]: value }) as T & { [P in K]?: V };
}
