/**
 * A small Dockerfile linter for the basics an image review checks first: base images
 * pinned to an exact version (and a digest), a non-root USER in the final stage, no
 * secrets baked into ENV or ARG, and a HEALTHCHECK. Instructions are read after joining
 * `\` continuations; comments and blank lines are skipped.
 */

/** One instruction: keyword upper-cased, arguments as written. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

export function parseDockerfile(text: string): Instruction[] {
  const logical = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  return logical
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const pinnedImage = /^[\w.\-/]+:\d+\.\d+\.\d+[\w.-]*@sha256:[a-f0-9]{64}$/;
const secretName = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)/i;

function checkBaseImages(instructions: readonly Instruction[], problems: string[]): void {
  const stages = new Set<string>();
  for (const { args } of instructions.filter((i) => i.keyword === 'FROM')) {
    const [image = '', as, stage] = args.replace(/--platform=\S+\s+/, '').split(/\s+/);
    if (!stages.has(image) && !pinnedImage.test(image)) problems.push(`FROM ${image}: pin the base image to an exact version and a digest (name:x.y.z@sha256:...)`);
    if (as?.toUpperCase() === 'AS' && stage !== undefined) stages.add(stage);
  }
}

function checkUser(instructions: readonly Instruction[], problems: string[]): void {
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  const users = instructions.slice(lastFrom).filter((i) => i.keyword === 'USER');
  const user = users.at(-1)?.args.split(':')[0];
  if (user === undefined) problems.push('the final stage has no USER: the container would run as root');
  else if (user === 'root' || user === '0') problems.push(`USER ${user}: the final stage must run as a non-root user`);
}

/** The variable names an ENV or ARG instruction sets (`K=v K2=v2`, `K v`, `K`). */
function declaredNames(args: string): string[] {
  const assigned = [...args.matchAll(/(?:^|\s)([A-Za-z_]\w*)=/g)].map((m) => m[1] ?? '');
  return assigned.length > 0 ? assigned : [args.split(/\s+/)[0] ?? ''];
}

function checkSecrets(instructions: readonly Instruction[], problems: string[]): void {
  for (const { keyword, args } of instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')) {
    for (const name of declaredNames(args).filter((n) => secretName.test(n))) {
      problems.push(`${keyword} ${name}: secrets do not belong in the image (they stay in its history); pass them at run time`);
    }
  }
}

/** Problems found; empty when the Dockerfile passes. */
export function lintDockerfile(text: string): string[] {
  const instructions = parseDockerfile(text);
  const problems: string[] = [];
  checkBaseImages(instructions, problems);
  checkUser(instructions, problems);
  checkSecrets(instructions, problems);
  if (!instructions.some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE$/i.test(i.args))) problems.push('no HEALTHCHECK');
  return problems;
}
