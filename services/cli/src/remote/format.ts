/** Human output helpers: aligned columns and `name  value` blocks, no JSON dumps. */

/** A value as one short line: strings as they are, the rest as compact JSON. */
export function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Cuts `text` to `max` characters, ending with an ellipsis when it had more. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Rows under a header, each column as wide as its widest cell, two spaces apart; the
 * last column is not padded, so no line ends in blanks.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

/** `name  value` lines with the values aligned; entries whose value is undefined are left out. */
export function fields(entries: readonly (readonly [string, string | undefined])[]): string {
  const shown = entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  const width = Math.max(0, ...shown.map(([name]) => name.length));
  return shown.map(([name, value]) => `${name.padEnd(width)}  ${value}\n`).join('');
}

/** Variables as indented `name  value` lines (values as JSON), or `  (none)`. */
export function variableLines(variables: Readonly<Record<string, unknown>>, indent = '  '): string {
  const names = Object.keys(variables).sort();
  if (names.length === 0) return `${indent}(none)\n`;
  const width = Math.max(...names.map((name) => name.length));
  return names.map((name) => `${indent}${name.padEnd(width)}  ${JSON.stringify(variables[name])}\n`).join('');
}
