import { DOCTOR_LIMITS, INPUT_KIND_LABELS, type DoctorInput, type InputKind } from '../../../shared/doctor/schema';
import { POLICY_LIMITS } from '../../../shared/policy/schema';
import { readCollected } from './collect-read';
import { jsonFacts, textFacts, type InputFacts, type ReadFacts } from './inputs';

/** One input as the doctor reads it: capped text, its kind and, for JSON, the parsed value. */
export interface ReadInput {
  readonly index: number;
  readonly name: string;
  readonly text: string;
  readonly kind: InputKind;
  readonly summary: string;
  readonly chars: number;
  readonly truncated: boolean;
  readonly json: unknown;
  /** For CloudTrail, pods, CLI output and Harness logs: what their reader found (inputs/). */
  readonly facts?: InputFacts | null;
}

const SAMPLE = 64 * 1024;

/** Share of control characters (other than tab and line breaks) and replacement characters in a sample. */
function junkRatio(sample: string): { ratio: number; nul: boolean } {
  let junk = 0;
  let nul = false;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 0) nul = true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd || code === 127) junk += 1;
  }
  return { ratio: sample.length === 0 ? 0 : junk / sample.length, nul };
}

/**
 * JSON is parsed to tell policies and reports from other JSON, only up to the policy channels' cap:
 * policies and awb reports are far smaller, and a larger JSON is read as text like any JSON log.
 */
function parseJson(text: string): unknown {
  const first = text.trimStart()[0];
  if ((first !== '{' && first !== '[') || text.length > POLICY_LIMITS.maxDocumentChars) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** A trust policy is a policy whose statements name a Principal and an sts:AssumeRole* action. */
function policyKind(json: unknown): 'iam_policy' | 'trust_policy' | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !('Statement' in json)) return null;
  const statements = asArray((json as { Statement: unknown }).Statement);
  const trusts = statements.some((statement) => {
    if (statement === null || typeof statement !== 'object') return false;
    const { Principal, Action } = statement as { Principal?: unknown; Action?: unknown };
    return Principal !== undefined && asArray(Action).some((action) => typeof action === 'string' && /^sts:AssumeRole/i.test(action));
  });
  return trusts ? 'trust_policy' : 'iam_policy';
}

function textKind(text: string): InputKind | ReadFacts {
  const head = text.slice(0, SAMPLE);
  if (/^connector:[ \t]*$/m.test(head) && /\btype:[ \t]*Aws\b/.test(head)) return 'connector_yaml';
  const read = textFacts(text, head, POLICY_LIMITS.maxDocumentChars);
  if (read) return read;
  if (/^kind:[ \t]*(?:Deployment|StatefulSet|ServiceAccount|ClusterRoleBinding|Namespace)[ \t]*$/m.test(head) && /^apiVersion:/m.test(head))
    return 'delegate_yaml';
  // The Helm chart's values file: top-level keys only the harness-delegate-ng chart uses.
  if (/^(?:delegateName|delegateDockerImage|managerEndpoint|delegateToken):/m.test(head) && /^accountId:/m.test(head))
    return 'delegate_yaml';
  if (!/[A-Za-z]{3}/.test(head)) return 'unknown';
  const lines = head.split('\n', 6).filter((line) => line.trim().length > 0).length;
  return lines > 3 ? 'log' : 'error_message';
}

/** The kind's label with the one or two facts that identify this input. */
function summaryOf(read: ReadFacts): string {
  const label = INPUT_KIND_LABELS[read.kind];
  const facts = read.facts;
  if (!facts)
    return `${label} (its fields could not be read: cut off, or larger than ${POLICY_LIMITS.maxDocumentChars / 1024 / 1024} MB; read as text)`;
  switch (facts.kind) {
    case 'cloudtrail': {
      const failed = facts.events.filter((event) => event.errorCode);
      const codes = [...new Set(failed.map((event) => event.errorCode?.text))].slice(0, 3).join(', ');
      return `${label}: ${facts.records} event${facts.records === 1 ? '' : 's'}${failed.length > 0 ? `, errors ${codes}` : ', no errors'}`;
    }
    case 'kubectl_pod':
      return `${label}: ${facts.namespace ?? 'default'}/${facts.name ?? 'pod'}, service account ${facts.serviceAccount?.text ?? 'default'}`;
    case 'caller_identity':
      return `${label}: ${facts.principal} in account ${facts.account ?? 'unknown'}${facts.partition ? ` (${facts.partition})` : ''}`;
    case 'aws_cli_debug':
      return `${label}${facts.version ? `: ${facts.version.text.split(' ')[0]}` : ''}`;
    default:
      return label;
  }
}

/** Reads one input without ever throwing: oversized text is cut at the cap, junk is named as junk. */
export function readInput(index: number, input: DoctorInput): ReadInput {
  const truncated = input.text.length > DOCTOR_LIMITS.maxInputChars;
  const text = truncated ? input.text.slice(0, DOCTOR_LIMITS.maxInputChars) : input.text;
  const base = { index, name: input.name || `input ${index + 1}`, text, chars: input.text.length, truncated, json: undefined };
  const done = (kind: InputKind, json: unknown = undefined) => ({ ...base, kind, json, summary: INPUT_KIND_LABELS[kind] });
  const withFacts = (read: ReadFacts, json: unknown): ReadInput => ({
    ...done(read.kind, json),
    facts: read.facts,
    summary: summaryOf(read),
  });
  if (text.trim().length === 0) return done('empty');
  const junk = junkRatio(text.slice(0, SAMPLE));
  if (junk.nul || junk.ratio > 0.1) return done('binary');
  const collected = readCollected(text);
  if (collected) return { ...done('collect_bundle', collected.bundle), summary: collected.summary };
  const json = parseJson(text);
  if (json !== undefined) {
    const policy = policyKind(json);
    if (policy) return done(policy, json);
    if (json !== null && typeof json === 'object' && !Array.isArray(json) && 'schemaVersion' in json) return done('awb_report', json);
    const read = jsonFacts(text, json);
    return read ? withFacts(read, json) : done('log');
  }
  const kind = textKind(text);
  return typeof kind === 'string' ? done(kind) : withFacts(kind, undefined);
}
