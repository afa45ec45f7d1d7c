import type { InputKind } from '../../../../shared/doctor/schema';
import { looksLikeConfigure, readConfigure, type ConfigureFacts } from './aws-configure';
import { isCallerIdentity, looksLikeCallerIdentity, readCallerIdentity, type CallerIdentityFacts } from './caller-identity';
import { looksLikeCliDebug, readCliDebug, type CliDebugFacts } from './cli-debug';
import { isCloudTrail, looksLikeCloudTrail, readCloudTrail, type CloudTrailFacts } from './cloudtrail';
import { looksLikeHarnessLog, readHarnessLog, type HarnessLogFacts } from './harness-log';
import { isPodJson, looksLikeDescribePod, looksLikePodManifest, readPod, type PodFacts } from './kubectl-pod';

/** What a reader found in an input of one of the kinds below; plain data. */
export type InputFacts = CloudTrailFacts | PodFacts | ConfigureFacts | CallerIdentityFacts | CliDebugFacts | HarnessLogFacts;
export type FactKind = InputFacts['kind'];

export interface ReadFacts {
  readonly kind: FactKind;
  /** Null when the input has the kind's shape but its fields could not be read (cut-off or oversized JSON). */
  readonly facts: InputFacts | null;
}

/** Parsed JSON of a kind read here: CloudTrail, a pod from `kubectl get -o json`, a caller identity. */
export function jsonFacts(text: string, json: unknown): ReadFacts | null {
  if (isCloudTrail(json)) return { kind: 'cloudtrail', facts: readCloudTrail(text, json) };
  if (isPodJson(json)) return { kind: 'kubectl_pod', facts: readPod(text, json) };
  if (isCallerIdentity(json)) return { kind: 'caller_identity', facts: readCallerIdentity(text, json) };
  return null;
}

/**
 * JSON embedded in a paste ("here is the event: {…}"), tried once from the first brace to the last,
 * up to the same cap as whole JSON.
 */
function embeddedJson(text: string, maxChars: number): unknown {
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first < 0 || last <= first || last - first > maxChars) return undefined;
  try {
    return JSON.parse(text.slice(first, last + 1)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Text of a kind read here, recognised from the head of the input only, most specific shape first.
 * Every test is an anchored or literal pattern with bounded repeats, so the head is scanned in linear time.
 */
export function textFacts(text: string, head: string, maxJsonChars: number): ReadFacts | null {
  if (looksLikeCloudTrail(head)) {
    const json = embeddedJson(text, maxJsonChars);
    return { kind: 'cloudtrail', facts: json === undefined ? null : readCloudTrail(text, json) };
  }
  if (looksLikeDescribePod(head) || looksLikePodManifest(head)) return { kind: 'kubectl_pod', facts: readPod(text) };
  if (looksLikeCliDebug(head)) return { kind: 'aws_cli_debug', facts: readCliDebug(text) };
  if (looksLikeConfigure(head)) return { kind: 'aws_configure', facts: readConfigure(text) };
  if (looksLikeCallerIdentity(head)) return { kind: 'caller_identity', facts: readCallerIdentity(text) };
  if (looksLikeHarnessLog(head)) return { kind: 'harness_log', facts: readHarnessLog(text) };
  return null;
}

export const FACT_KINDS: ReadonlySet<InputKind> = new Set<InputKind>([
  'cloudtrail',
  'kubectl_pod',
  'aws_configure',
  'caller_identity',
  'aws_cli_debug',
  'harness_log',
]);
