import { COLLECT_BUNDLE_KIND, COLLECT_LIMITS, collectBundleSchema, type CollectBundle } from '../../../shared/collect/schema';

/** The script writes the kind first; anything else that is a bundle says so within its first lines. */
const HEAD_CHARS = 512;
const KIND_FIELD = /"kind"\s*:\s*"awb-collect-bundle"/;

export interface CollectedInput {
  /** The bundle, or null when it claims to be one but is not one this version reads. */
  readonly bundle: CollectBundle | null;
  readonly summary: string;
}

function summaryOf(bundle: CollectBundle): string {
  const failed = bundle.steps.filter((step) => step.status === 'failed').map((step) => step.id);
  const ran = bundle.steps.filter((step) => step.status !== 'skipped').length;
  const where = bundle.options.delegate
    ? `${bundle.options.namespace}/${bundle.options.delegate}`
    : `namespace ${bundle.options.namespace}`;
  const failures = failed.length > 0 ? `, failed: ${failed.join(', ')}` : '';
  return `awb collect bundle from ${where}, ${bundle.createdAt} (${ran} of ${bundle.steps.length} steps ran${failures})`;
}

/**
 * A collect bundle, recognised by its kind near the start before anything is parsed; null for any
 * other text. It is parsed up to its own cap, above the one other JSON inputs get, since a bundle
 * with its logs is larger than a policy.
 */
export function readCollected(text: string): CollectedInput | null {
  const head = text.slice(0, HEAD_CHARS);
  if (!head.trimStart().startsWith('{') || !KIND_FIELD.test(head)) return null;
  const unreadable = (why: string): CollectedInput => ({ bundle: null, summary: `awb collect bundle that cannot be read: ${why}` });
  if (text.length > COLLECT_LIMITS.maxBundleChars) return unreadable(`it is larger than ${COLLECT_LIMITS.maxBundleChars / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unreadable('it is not complete JSON (was it cut off, or edited?)');
  }
  const parsed = collectBundleSchema.safeParse(json);
  if (parsed.success) return { bundle: parsed.data, summary: summaryOf(parsed.data) };
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  const [issue] = parsed.error.issues;
  return unreadable(
    typeof version === 'number' && version !== 1
      ? `it is schema version ${version}; this version of awb reads version 1`
      : `${issue?.path.join('.') || 'the document'} is not what a ${COLLECT_BUNDLE_KIND} holds`,
  );
}
