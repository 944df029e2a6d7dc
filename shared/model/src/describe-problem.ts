/** A problem as the CLI prints it, for `baton validate` and a refused `baton deploy` alike: `CODE element (line N): message`. */
export function describeProblem(problem: { readonly code: string; readonly message: string; readonly elementId?: string; readonly line?: number }): string {
  const where = `${problem.elementId === undefined || problem.elementId === '' ? '' : ` ${problem.elementId}`}${problem.line === undefined ? '' : ` (line ${problem.line})`}`;
  return `${problem.code}${where}: ${problem.message}`;
}
