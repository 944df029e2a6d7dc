/** Where a command writes: standard output and standard error, as whole chunks of text. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** What a command's action reports back to `run`. */
export interface CommandContext {
  readonly io: CliIo;
  /** Set by the action; `run` returns it. */
  exitCode: number;
}

/** Exit codes of every `baton` command. */
export const exitCodes = {
  ok: 0,
  /** Something failed: a scenario, a refused model, a bad argument. */
  failed: 1,
  /** The command exists but is not implemented yet. */
  notImplemented: 2,
  /** No Baton node answered at the URL given (`--url` / `BATON_URL`). */
  unreachable: 3,
} as const;
