import { expression, report, type BuildContext } from './context.js';
import type { Expression } from './definition.js';
import { attr, body, type ModdleElement } from './moddle.js';

const scriptLanguages = /^(javascript|js|ecmascript|groovy|python|jython|ruby|jruby|juel-script|xpath|http:\/\/www\.w3\.org\/1999\/xpath)$/i;

/**
 * A `tFormalExpression` condition (sequence flow, conditional event): `=FEEL` or
 * `${JUEL}`; a script (`language="javascript"`) or plain text is INVALID_EXPRESSION
 * naming `what`. Undefined when the element has no condition text.
 */
export function readConditionExpression(ctx: BuildContext, elementId: string, what: string, condition: ModdleElement | undefined): Expression | undefined {
  const text = body(condition)?.trim();
  if (text === undefined) return undefined;
  const language = attr(condition, 'language');
  if (language !== undefined && scriptLanguages.test(language.trim())) {
    report(ctx, 'INVALID_EXPRESSION', elementId, `${what} is a ${language} script; Baton runs no scripts: write it as =FEEL or \${...}`);
    return text;
  }
  if (!text.startsWith('=') && !text.includes('${') && !text.includes('#{')) {
    report(ctx, 'INVALID_EXPRESSION', elementId, `${what} is plain text (${text}), not an expression; write it as =FEEL (e.g. =${text}) or \${...}`);
    return text;
  }
  return expression(ctx, elementId, 'condition', text);
}
