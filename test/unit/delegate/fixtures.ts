import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyServiceAccountEdits, irsaAnnotations, type IrsaEditResult } from '../../../electron/services/delegate/irsa';
import { applyEdits } from '../../../shared/delegate/edits';
import type { IrsaResult } from '../../../shared/delegate/results';

const DIR = join(import.meta.dirname, '../../fixtures/delegate');

export function fixture(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}

export const ROLE = 'arn:aws:iam::123456789012:role/harness-delegate';
export const SA = 'harness-delegate-irsa';
export const NS = 'harness-delegate-ng';

export interface IrsaEdit {
  readonly serviceAccount: string;
  readonly namespace: string;
  readonly roleArn: string;
  readonly stsRegionalEndpoints: boolean;
}

/** The IRSA edit as the service makes it: the service-account edits with IRSA's annotations. */
export function irsaEdits(text: string, edit: IrsaEdit): IrsaEditResult {
  return applyServiceAccountEdits(text, {
    serviceAccount: edit.serviceAccount,
    namespace: edit.namespace,
    annotations: irsaAnnotations(edit),
  });
}

/** The IRSA edit with its splices applied, as the window and the CLI apply them. */
export function irsa(text: string, edit: IrsaEdit): IrsaEditResult & { output: string } {
  const result = irsaEdits(text, edit);
  return { ...result, output: applyEdits(text, result.edits) };
}

/** The patched manifest of a `prepareIrsa` result, or null when errors stopped the edit. */
export function patchedText(text: string, result: Pick<IrsaResult, 'edits'>): string | null {
  return result.edits === null ? null : applyEdits(text, result.edits);
}
