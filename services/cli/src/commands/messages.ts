import type { Command } from 'commander';
import type { MessageCorrelationRequest, MessagePublicationRequest, MessagePublicationResult } from '@baton/client';
import { BatonError } from '@baton/errors';
import type { CommandContext } from '../io.js';
import { againstNode, printJson, withNodeOptions, type NodeFlags } from '../remote/node.js';
import { parseTtlMs, variablesOf, withVariableOptions, type VariableFlags } from '../remote/variables.js';

interface PublishFlags extends NodeFlags, VariableFlags {
  readonly correlationKey?: string;
  readonly ttl?: string;
  readonly messageId?: string;
  readonly correlate?: boolean;
}

function correlationOf(name: string, flags: PublishFlags): MessageCorrelationRequest {
  return { name, variables: variablesOf(flags), ...(flags.correlationKey === undefined ? {} : { correlationKey: flags.correlationKey }) };
}

function publicationOf(name: string, flags: PublishFlags): MessagePublicationRequest {
  return {
    ...correlationOf(name, flags),
    ...(flags.ttl === undefined ? {} : { timeToLive: parseTtlMs(flags.ttl) }),
    ...(flags.messageId === undefined ? {} : { messageId: flags.messageId }),
  };
}

/** A correlation happens now or not at all: it takes no --ttl and no --message-id (as Camunda's correlation). */
function refusePublicationFlags(flags: PublishFlags): void {
  const field = flags.ttl !== undefined ? 'ttl' : flags.messageId !== undefined ? 'message-id' : undefined;
  if (field === undefined) return;
  throw new BatonError('VALIDATION_FAILED', `--correlate delivers now or fails, so --${field} does not apply; drop --${field}, or drop --correlate to publish a message that waits.`, { field });
}

function formatAnswer(name: string, answer: MessagePublicationResult & { readonly processInstanceKey?: string }, flags: PublishFlags): string {
  const verb = flags.correlate === true ? 'correlated' : 'published';
  const reached = answer.processInstanceKey === undefined ? '' : `, correlated to instance ${answer.processInstanceKey}`;
  const kept = answer.processInstanceKey === undefined && flags.ttl !== undefined ? `, kept for ${flags.ttl} for a receiver` : '';
  return `${verb} message ${name} (key ${answer.messageKey})${reached}${kept}\n`;
}

function registerPublish(program: Command, ctx: CommandContext): void {
  const command = program
    .command('publish-message')
    .summary('publish (or correlate) a message')
    .description(
      'Publishes message NAME with a correlation key: it reaches a waiting instance (or starts a process) now, or ' +
        'waits --ttl for a receiver. With --correlate it must reach one now, else the node answers NOT_FOUND.',
    )
    .argument('<name>', 'the message name, as in the model')
    .option('--correlation-key <key>', 'matched against the waiting subscriptions\' correlation keys')
    .option('--ttl <duration>', 'how long the message waits for a receiver: ISO 8601 (PT1H, PT30S) or ms')
    .option('--message-id <id>', 'a second message with this id while the first lives is refused')
    .option('--correlate', 'correlate now or fail (POST /v2/messages/correlation) instead of publishing');
  withVariableOptions(command, 'to pass to the receiver');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton publish-message payment-received --correlation-key order-42 --var paid=true\n  $ baton publish-message payment-received --correlation-key order-43 --ttl PT1H\n')
    .action(async (name: string, flags: PublishFlags) =>
      againstNode(ctx, 'publish-message', flags, async (client) => {
        if (flags.correlate === true) refusePublicationFlags(flags);
        const answer = flags.correlate === true ? await client.correlateMessage(correlationOf(name, flags)) : await client.publishMessage(publicationOf(name, flags));
        if (flags.json === true) printJson(ctx, answer);
        else ctx.io.stdout(formatAnswer(name, answer, flags));
      }),
    );
}

function registerSignal(program: Command, ctx: CommandContext): void {
  const command = program
    .command('broadcast-signal')
    .summary('broadcast a signal to every waiting instance')
    .description('Broadcasts signal NAME: every instance waiting on it moves on, and processes with a signal start event start.')
    .argument('<name>', 'the signal name, as in the model');
  withVariableOptions(command, 'to pass to the receivers');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton broadcast-signal stock-updated\n  $ baton broadcast-signal stock-updated --var sku=\'"A-1"\'\n')
    .action(async (name: string, flags: NodeFlags & VariableFlags) =>
      againstNode(ctx, 'broadcast-signal', flags, async (client) => {
        const answer = await client.broadcastSignal({ signalName: name, variables: variablesOf(flags) });
        if (flags.json === true) printJson(ctx, answer);
        else ctx.io.stdout(`broadcast signal ${name} (key ${answer.signalKey})\n`);
      }),
    );
}

/** `baton publish-message NAME ...` and `baton broadcast-signal NAME`. */
export function registerMessages(program: Command, ctx: CommandContext): void {
  registerPublish(program, ctx);
  registerSignal(program, ctx);
}
