import { parse } from 'yaml';
import { MAX_MANIFEST_CHARS } from '../../../../shared/delegate/form';
import { field, linesOf, record, spotAt, spotOf, type Spot } from './common';

/**
 * A pod as `kubectl describe pod` or `kubectl get pod -o yaml|json` shows it: the service account, the
 * names of its environment variables, the projected token volume and the events. Values are kept
 * only for variables that are never secrets (role ARN, region, token path, credentials URI).
 */
export interface PodFacts {
  readonly kind: 'kubectl_pod';
  readonly format: 'describe' | 'yaml' | 'json';
  readonly name: string | null;
  readonly namespace: string | null;
  readonly serviceAccount: Spot | null;
  readonly env: readonly { name: string; value: string | null; at: Spot }[];
  readonly tokenVolume: { at: Spot; audience: string | null; path: string | null } | null;
  readonly events: readonly { type: string; reason: string; at: Spot }[];
}

/** Variables whose value says how credentials are found and is never a secret. */
const SAFE_VALUES = new Set([
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_STS_REGIONAL_ENDPOINTS',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
  'AWS_PROFILE',
]);
const MAX_ENV = 200;
const MAX_EVENTS = 30;
const TOKEN_VOLUMES = /^(?:aws-iam-token|eks-pod-identity-token)$/;

function safeValue(name: string, value: string | null): string | null {
  return SAFE_VALUES.has(name) && value && !value.startsWith('<') ? value.slice(0, 300) : null;
}

export function looksLikeDescribePod(head: string): boolean {
  return /^Name:[ \t]/m.test(head) && /^Namespace:[ \t]/m.test(head) && /^(?:Service Account|Containers|Node):/m.test(head);
}

export function looksLikePodManifest(head: string): boolean {
  return (
    /^[ \t-]{0,8}kind:[ \t]*Pod[ \t]*$/m.test(head) &&
    /^[ \t-]{0,8}apiVersion:[ \t]*v1[ \t]*$/m.test(head) &&
    /^[ \t]{0,8}spec:/m.test(head)
  );
}

function readDescribe(text: string): PodFacts {
  let name: string | null = null;
  let namespace: string | null = null;
  let serviceAccount: Spot | null = null;
  const env: { name: string; value: string | null; at: Spot }[] = [];
  const events: { type: string; reason: string; at: Spot }[] = [];
  let tokenVolume: PodFacts['tokenVolume'] = null;
  let envIndent = -1;
  let inEvents = false;
  for (const { line, start } of linesOf(text)) {
    const indent = line.length - line.trimStart().length;
    const top = /^([A-Z][A-Za-z ]{1,30}):[ \t]*(.{0,300})$/.exec(line);
    if (top && indent === 0) {
      inEvents = top[1] === 'Events';
      envIndent = -1;
      const value = top[2]?.trim() ?? '';
      if (top[1] === 'Name' && name === null) name = value || null;
      if (top[1] === 'Namespace' && namespace === null) namespace = value || null;
      if (top[1] === 'Service Account' && serviceAccount === null && value) {
        const at = start + line.indexOf(value, 'Service Account:'.length);
        serviceAccount = spotAt(text, at, at + value.length);
      }
      continue;
    }
    if (inEvents) {
      const row = /^[ \t]{1,8}(Normal|Warning)[ \t]{1,40}([A-Za-z]{2,60})[ \t]/.exec(line);
      if (row?.[1] && row[2] && events.length < MAX_EVENTS)
        events.push({ type: row[1], reason: row[2], at: spotAt(text, start + indent, start + line.length) });
      continue;
    }
    if (/^[ \t]{2,40}Environment:/.test(line)) {
      envIndent = indent;
      continue;
    }
    if (envIndent >= 0) {
      const variable = /^[ \t]{2,60}([A-Za-z_][A-Za-z0-9_.-]{0,120}):(?:[ \t]{1,80}(.{0,300}))?$/.exec(line);
      if (indent > envIndent && variable?.[1]) {
        if (env.length < MAX_ENV)
          env.push({
            name: variable[1],
            value: safeValue(variable[1], variable[2]?.trim() ?? null),
            at: spotAt(text, start + indent, start + indent + variable[1].length),
          });
        continue;
      }
      envIndent = -1;
    }
    const volume = /^[ \t]{2,8}([a-z0-9-]{1,63}):[ \t]*$/.exec(line);
    if (volume?.[1] && TOKEN_VOLUMES.test(volume[1]) && tokenVolume === null)
      tokenVolume = { at: spotAt(text, start + indent, start + indent + volume[1].length), audience: null, path: null };
  }
  return { kind: 'kubectl_pod', format: 'describe', name, namespace, serviceAccount, env, tokenVolume, events };
}

/** The pod in `get -o yaml|json` output: the object itself, or the first Pod of a List. */
function podObject(value: unknown): Record<string, unknown> | null {
  const root = record(value);
  if (root?.kind === 'Pod') return root;
  if (root?.kind === 'List' && Array.isArray(root.items)) return record(root.items.find((item) => record(item)?.kind === 'Pod'));
  return null;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value.slice(0, MAX_ENV) : [];
}

function readManifest(text: string, json: unknown): PodFacts | null {
  let value = json;
  if (value === undefined) {
    if (text.length > MAX_MANIFEST_CHARS) return null;
    try {
      value = parse(text, { maxAliasCount: 50 }) as unknown;
    } catch {
      return null;
    }
  }
  const pod = podObject(value);
  if (!pod) return null;
  const metadata = record(pod.metadata);
  const spec = record(pod.spec);
  const account = field(spec?.serviceAccountName) ?? field(spec?.serviceAccount);
  const accountKey = text.indexOf('serviceAccountName');
  const env: { name: string; value: string | null; at: Spot }[] = [];
  const seen = new Set<string>();
  for (const container of [...asList(spec?.initContainers), ...asList(spec?.containers)]) {
    for (const variable of asList(record(container)?.env)) {
      const name = field(record(variable)?.name);
      const at = name && !seen.has(name) ? spotOf(text, name) : null;
      if (!name || !at || env.length >= MAX_ENV) continue;
      seen.add(name);
      env.push({ name, value: safeValue(name, field(record(variable)?.value)), at });
    }
  }
  let tokenVolume: PodFacts['tokenVolume'] = null;
  for (const volume of asList(spec?.volumes)) {
    const volumeName = field(record(volume)?.name);
    if (!volumeName || !TOKEN_VOLUMES.test(volumeName)) continue;
    const token = asList(record(record(volume)?.projected)?.sources)
      .map((source) => record(record(source)?.serviceAccountToken))
      .find((source) => source !== null);
    const at = spotOf(text, volumeName, text.indexOf('volumes'));
    if (at) tokenVolume = { at, audience: field(token?.audience), path: field(token?.path) };
    break;
  }
  return {
    kind: 'kubectl_pod',
    format: json === undefined ? 'yaml' : 'json',
    name: field(metadata?.name),
    namespace: field(metadata?.namespace),
    serviceAccount: account ? spotOf(text, account, Math.max(0, accountKey)) : null,
    env,
    tokenVolume,
    events: [],
  };
}

/** Reads a pod from describe output, or from its YAML or JSON (`json` when the detector parsed it). */
export function readPod(text: string, json?: unknown): PodFacts | null {
  if (json !== undefined || looksLikePodManifest(text.slice(0, 64 * 1024))) return readManifest(text, json);
  return readDescribe(text);
}

export function isPodJson(json: unknown): boolean {
  return podObject(json) !== null;
}

/** How the pod gets AWS credentials, by the variables the EKS webhooks inject. */
export function podCredentials(pod: PodFacts): { irsa: boolean; podIdentity: boolean; staticKeys: boolean } {
  const has = (name: string) => pod.env.some((variable) => variable.name === name);
  return {
    irsa: has('AWS_ROLE_ARN') && has('AWS_WEB_IDENTITY_TOKEN_FILE'),
    podIdentity: has('AWS_CONTAINER_CREDENTIALS_FULL_URI'),
    staticKeys: has('AWS_ACCESS_KEY_ID'),
  };
}
