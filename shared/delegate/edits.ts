import { z } from 'zod';
import { AppError } from '../errors';

/**
 * One splice against the manifest text the caller already has: delete `deleteCount` characters at
 * `offset` and put `insert` there. The IRSA result carries these instead of the patched manifest so
 * that the Secret documents' values (the delegate token) never travel back over IPC: an edit only
 * holds the lines it changes, and those are never in a Secret.
 */
export const textEditSchema = z.object({
  offset: z.number().int().nonnegative(),
  deleteCount: z.number().int().nonnegative(),
  insert: z.string(),
});
export type TextEdit = z.infer<typeof textEditSchema>;

/** The text with every edit made. Edits are in ascending order and do not overlap. */
export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  edits.forEach((edit, index) => {
    const end = edit.offset + edit.deleteCount;
    if (edit.offset < at || end > original.length) {
      throw new AppError(
        'invalid_input',
        `Edit ${index + 1} of ${edits.length} does not fit this manifest (characters ${edit.offset}–${end} of ${original.length}, after ${at}).`,
        'The manifest changed after the edits were computed; make the IRSA edit again on the current text.',
      );
    }
    parts.push(original.slice(at, edit.offset), edit.insert);
    at = end;
  });
  parts.push(original.slice(at));
  return parts.join('');
}
