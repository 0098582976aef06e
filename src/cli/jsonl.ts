import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error';
import { describeFsError } from './load-page';

/** One line of a JSON-lines file: its object, or why it is not one. */
export type JsonLine = { line: number; value: Record<string, unknown> } | { line: number; error: string };

/** The lines of a JSON-lines file, each parsed on its own, so that one bad line never hides the others; blank lines
 * are skipped. Only an unreadable file is an error. */
export async function readJsonLines(path: string): Promise<JsonLine[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read manifest ${path}: ${describeFsError(error)}`);
  }
  const rows: JsonLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      rows.push({ line: i + 1, error: `${path} line ${i + 1}: not a JSON object` });
    } else {
      rows.push({ line: i + 1, value: value as Record<string, unknown> });
    }
  });
  return rows;
}

/** A string field of a manifest line; throws CliError naming the line when it is missing (and required) or not a
 * string. */
export function field(
  row: { line: number; value: Record<string, unknown> },
  name: string,
  path: string,
  required: boolean,
): string {
  const value = row.value[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw new CliError(`${path} line ${row.line}: "${name}" is missing`);
    return '';
  }
  if (typeof value !== 'string') throw new CliError(`${path} line ${row.line}: "${name}" must be a string`);
  return value;
}
