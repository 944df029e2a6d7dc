import { decide, visibleVariables, type InstanceState, type Variables } from '@baton/core';
import { parseBpmn } from '@baton/model';
import type { DecideFn } from '../command-processor.js';
import type { ParseFn } from '../definition-registry.js';

/** The engine's defaults for the pure parts: @baton/core and @baton/model. */
export const defaultDecide: DecideFn = decide;

export const defaultParse: ParseFn = (xml, options) => parseBpmn(xml, options);

export const defaultVisibleVariables: (state: InstanceState, elementInstanceId: string) => Variables = visibleVariables;
