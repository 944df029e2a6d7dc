/** Exhaustiveness guard for a `switch` over a union (STYLE.md section 3). */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
