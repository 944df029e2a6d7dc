import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { createApiKey, hashPassword } from '@baton/engine';
import { exitCodes, type CommandContext } from '../io.js';

/** Reads one line from standard input; on a terminal, without echoing it. */
async function readSecret(prompt: string, io: CommandContext['io']): Promise<string> {
  const isTerminal = process.stdin.isTTY === true;
  if (isTerminal) io.stderr(prompt);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: isTerminal });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
    if (isTerminal) io.stderr('\n');
  }
}

/** `baton hash-password` and `baton create-api-key`: values for the identity file (`--identity`). */
export function registerIdentity(program: Command, ctx: CommandContext): void {
  program
    .command('hash-password')
    .summary('hash a password for the identity file (scrypt)')
    .description('Reads a password from standard input (not echoed on a terminal) and prints its scrypt hash for `users[].passwordHash`.')
    .addHelpText('after', '\nExample:\n  $ baton hash-password\n  $ printf "%s" "$PASSWORD" | baton hash-password\n')
    .action(async () => {
      const password = await readSecret('Password: ', ctx.io);
      if (password.length < 8) {
        ctx.io.stderr('baton hash-password: a password needs at least 8 characters\n');
        ctx.exitCode = exitCodes.failed;
        return;
      }
      ctx.io.stdout(`${await hashPassword(password)}\n`);
    });
  program
    .command('create-api-key')
    .summary('create an API key for a worker or service')
    .description('Prints a new API key (hand it to the worker once; it is not stored) and the hash to put under `apiKeys[].hash` in the identity file.')
    .argument('<id>', 'the key id, e.g. label-printer-pc')
    .addHelpText('after', '\nExample:\n  $ baton create-api-key label-printer-pc\n')
    .action((id: string) => {
      const { key, hash } = createApiKey(id);
      ctx.io.stdout(`key:  ${key}\nhash: ${hash}\n`);
    });
}
