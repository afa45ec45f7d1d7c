import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyIrsaEdits, type IrsaEdit, type IrsaEditResult } from '../../../electron/services/delegate/irsa';
import { applyEdits } from '../../../shared/delegate/edits';
import type { IrsaResult } from '../../../shared/delegate/results';

const DIR = join(import.meta.dirname, '../../fixtures/delegate');

export function fixture(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}

export const ROLE = 'arn:aws:iam::123456789012:role/harness-delegate';
export const SA = 'harness-delegate-irsa';
export const NS = 'harness-delegate-ng';

/** The IRSA edit with its splices applied, as the window and the CLI apply them. */
export function irsa(text: string, edit: IrsaEdit): IrsaEditResult & { output: string } {
  const result = applyIrsaEdits(text, edit);
  return { ...result, output: applyEdits(text, result.edits) };
}

/** The patched manifest of a `prepareIrsa` result, or null when errors stopped the edit. */
export function patchedText(text: string, result: Pick<IrsaResult, 'edits'>): string | null {
  return result.edits === null ? null : applyEdits(text, result.edits);
}
