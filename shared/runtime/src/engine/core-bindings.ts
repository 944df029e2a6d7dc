import type { InstanceState, Variables } from '@baton/core';
import { BatonError } from '@baton/errors';
import type { DecideFn } from '../command-processor.js';
import type { ParseFn } from '../definition-registry.js';
import { scopeChainVariables } from './engine-context.js';

/*
 * The engine's defaults for the pure parts. They point at @baton/core and
 * @baton/model once those export `decide`, `visibleVariables` and `parseBpmn`.
 */

function missing(what: string): never {
  throw new BatonError('INTERNAL', `${what} is not available yet; pass it in the engine options.`);
}

export const defaultDecide: DecideFn = () => missing('@baton/core decide');

export const defaultParse: ParseFn = () => missing('@baton/model parseBpmn');

export const defaultVisibleVariables: (state: InstanceState, elementInstanceId: string) => Variables = scopeChainVariables;
