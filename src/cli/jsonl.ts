import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error';
import { describeFsError } from './load-page';

/** The objects of a JSON-lines file, each with its line number; blank lines are skipped. */
export async function readJsonLines(path: string): Promise<Array<{ line: number; value: Record<string, unknown> }>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read manifest ${path}: ${describeFsError(error)}`);
  }
  const rows: Array<{ line: number; value: Record<string, unknown> }> = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new CliError(`${path} line ${i + 1}: not a JSON object`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new CliError(`${path} line ${i + 1}: not a JSON object`);
    }
    rows.push({ line: i + 1, value: value as Record<string, unknown> });
  });
  return rows;
}

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
