import { readFileSync } from 'node:fs';
import type { RedisClient } from './connection.js';

/**
 * The store's Lua scripts (src/lua/verb-noun-<keys>.lua, each headed by its KEYS,
 * ARGV and output), registered once per connection with `defineCommand`: ioredis
 * sends EVALSHA and falls back to EVAL when the server lost its script cache
 * (after a restart), so the script text does not travel on each call.
 */
const files = {
  commitInstance: 'commit-instance-13',
  ackOutbox: 'ack-outbox-2',
  bufferMessage: 'buffer-message-3',
  takeBufferedMessage: 'take-buffered-message-2',
  saveDeployment: 'save-deployment-5',
  deleteDeployment: 'delete-deployment-5',
  readHistory: 'read-history-1',
} as const;

type ScriptName = keyof typeof files;
type Arg = string | number | Buffer;

// Resolved from the package root so that it works from src/ (vitest) and dist/ (tsc build).
const luaDir = new URL('../src/lua/', import.meta.url);

/** Typed calls of the store's scripts on one connection. */
export class StoreScripts {
  constructor(private readonly client: RedisClient) {
    for (const [name, file] of Object.entries(files)) {
      const numberOfKeys = Number(file.slice(file.lastIndexOf('-') + 1));
      client.defineCommand(name, { numberOfKeys, lua: readFileSync(new URL(`${file}.lua`, luaDir), 'utf8') });
    }
  }

  /** `replies: 'buffers'` uses ioredis' `<name>Buffer` twin of the command: bulk replies come back as Buffers. */
  private run(name: ScriptName, keys: readonly string[], args: readonly Arg[], replies: 'strings' | 'buffers' = 'strings'): Promise<unknown> {
    const command = (this.client as unknown as Record<string, (...flat: Arg[]) => Promise<unknown>>)[replies === 'buffers' ? `${name}Buffer` : name];
    if (command === undefined) throw new Error(`Script command "${name}" is not defined on this connection.`);
    return command.call(this.client, ...keys, ...args);
  }

  /** `[total events, ...chunks]` covering `limit` events from `offset` (see read-history-1.lua). */
  async readHistory(key: string, offset: number, limit: number): Promise<{ readonly total: number; readonly chunks: readonly Buffer[] }> {
    const [total, ...chunks] = (await this.run('readHistory', [key], [offset, limit], 'buffers')) as [Buffer | number, ...Buffer[]];
    return { total: Number(total), chunks };
  }

  async commitInstance(keys: readonly string[], args: readonly Arg[]): Promise<number> {
    return Number(await this.run('commitInstance', keys, args));
  }

  async ackOutbox(keys: readonly string[], outboxIds: readonly string[]): Promise<number> {
    return Number(await this.run('ackOutbox', keys, outboxIds));
  }

  async bufferMessage(keys: readonly string[], args: readonly Arg[]): Promise<boolean> {
    return Number(await this.run('bufferMessage', keys, args)) === 1;
  }

  async takeBufferedMessage(keys: readonly string[], args: readonly Arg[]): Promise<string | undefined> {
    const json = await this.run('takeBufferedMessage', keys, args);
    return typeof json === 'string' ? json : undefined;
  }

  async saveDeployment(keys: readonly string[], args: readonly Arg[]): Promise<{ readonly isNew: boolean; readonly json: string }> {
    const [isNew, json] = (await this.run('saveDeployment', keys, args)) as [number, string];
    return { isNew: isNew === 1, json };
  }

  /** 1 deleted, 0 no such undeleted version, -1 the latest changed meanwhile (read again). */
  async deleteDeployment(keys: readonly string[], args: readonly Arg[]): Promise<1 | 0 | -1> {
    return Number(await this.run('deleteDeployment', keys, args)) as 1 | 0 | -1;
  }
}
