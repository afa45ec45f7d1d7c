import { COLLECT_LIMITS, type CollectBundle, type CollectStep, type CollectStepId } from '../../../shared/collect/schema';
import type { Evidence } from '../../../shared/doctor/schema';
import type { ReadInput } from './detect';
import { evidenceAt } from './draft';
import type { Focus } from './focus';
import { findAll, type Located } from './scan';

/**
 * What a collect bundle says, read defensively: every step's output is whatever the customer's
 * tools printed, reduced by the script, so each value is checked for its type where it is read and
 * a missing one is simply not known.
 */
export interface EnvVar {
  readonly name: string;
  /** The value when the script kept it (an allow-listed variable), "[not collected]" for another literal value, null when set from a reference. */
  readonly value: string | null;
}

export interface CollectFacts {
  readonly input: ReadInput;
  readonly bundle: CollectBundle;
  readonly namespace: string;
  readonly createdAt: number;
  /** The delegate's Deployment or StatefulSet. */
  readonly workload: { readonly kind: string; readonly name: string } | null;
  readonly pod: {
    readonly name: string;
    readonly serviceAccount: string;
    readonly startedAt: string | null;
    readonly env: readonly EnvVar[];
    /** The projected service-account token volume the EKS webhook adds, by its audience. */
    readonly tokenAudience: string | null;
    readonly image: string | null;
  } | null;
  readonly serviceAccount: {
    readonly name: string;
    readonly roleArn: string | null;
    readonly audience: string | null;
    readonly updatedAt: string | null;
  } | null;
  /** The token file the pod's AWS_WEB_IDENTITY_TOKEN_FILE names, and whether the pod's user could read it (null: not checked). */
  readonly tokenFile: { readonly path: string; readonly readable: boolean | null } | null;
  readonly claims: {
    readonly iss: string | null;
    readonly aud: readonly string[];
    readonly exp: number | null;
  } | null;
  readonly reachability: readonly { readonly host: string; readonly dns: string; readonly tcp: string }[];
  readonly cluster: { readonly name: string | null; readonly issuer: string | null } | null;
  /** The IAM OIDC provider ARNs of the account the customer's AWS CLI is signed in to; null when not read. */
  readonly providers: readonly string[] | null;
  readonly shellAccount: string | null;
  readonly delegateImage: string | null;
}

type Path = readonly (string | number)[];

function at(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const items = (value: unknown): unknown[] => list(at(value, ['items']));

export function stepOf(bundle: CollectBundle, id: CollectStepId): CollectStep | undefined {
  return bundle.steps.find((step) => step.id === id);
}

/** A step's output when it ran; an output without the step having succeeded is still evidence (kubectl version without a server). */
function outputOf(bundle: CollectBundle, id: CollectStepId): unknown {
  return stepOf(bundle, id)?.output ?? null;
}

/** The container that runs the delegate: the first whose image is a delegate image, else the first. */
function delegateContainer(spec: unknown): unknown {
  const containers = list(at(spec, ['containers']));
  return containers.find((c) => /delegate/i.test(text(at(c, ['image'])) ?? '')) ?? containers[0];
}

function envOf(container: unknown): EnvVar[] {
  return list(at(container, ['env'])).flatMap((entry) => {
    const name = text(at(entry, ['name']));
    return name ? [{ name, value: text(at(entry, ['value'])) }] : [];
  });
}

function tokenAudienceOf(spec: unknown): string | null {
  for (const volume of list(at(spec, ['volumes']))) {
    for (const source of list(at(volume, ['projected', 'sources']))) {
      const audience = text(at(source, ['serviceAccountToken', 'audience']));
      if (audience) return audience;
    }
  }
  return null;
}

/** The pod the script read logs from: a running one, else the first. */
function podOf(bundle: CollectBundle): CollectFacts['pod'] {
  const pods = items(outputOf(bundle, 'k8s.pods'));
  const pod = pods.find((p) => at(p, ['status', 'phase']) === 'Running') ?? pods[0];
  const name = text(at(pod, ['metadata', 'name']));
  if (!pod || !name) return null;
  const spec = at(pod, ['spec']);
  const container = delegateContainer(spec);
  return {
    name,
    serviceAccount: text(at(spec, ['serviceAccountName'])) ?? 'default',
    startedAt: text(at(pod, ['status', 'startTime'])) ?? text(at(pod, ['metadata', 'creationTimestamp'])),
    env: envOf(container),
    tokenAudience: tokenAudienceOf(spec),
    image: text(at(container, ['image'])),
  };
}

function serviceAccountOf(bundle: CollectBundle): CollectFacts['serviceAccount'] {
  const sa = outputOf(bundle, 'k8s.serviceaccount');
  const name = text(at(sa, ['metadata', 'name']));
  if (!name) return null;
  const annotations = at(sa, ['metadata', 'annotations']);
  const times = list(at(sa, ['metadata', 'managedFields'])).flatMap((field) => text(at(field, ['time'])) ?? []);
  return {
    name,
    roleArn: text(at(annotations, ['eks.amazonaws.com/role-arn'])),
    audience: text(at(annotations, ['eks.amazonaws.com/audience'])),
    updatedAt: times.sort().at(-1) ?? null,
  };
}

function claimsOf(bundle: CollectBundle): CollectFacts['claims'] {
  const claims = at(outputOf(bundle, 'pod.checks'), ['claims']);
  if (claims === null || typeof claims !== 'object') return null;
  const aud = at(claims, ['aud']);
  const exp = at(claims, ['exp']);
  return {
    iss: text(at(claims, ['iss'])),
    aud: (Array.isArray(aud) ? aud : [aud]).flatMap((a) => text(a) ?? []),
    exp: typeof exp === 'number' ? exp : null,
  };
}

function tokenFileOf(bundle: CollectBundle): CollectFacts['tokenFile'] {
  const checks = outputOf(bundle, 'pod.checks');
  const path = text(at(checks, ['tokenFile']));
  const readable = at(checks, ['tokenReadable']);
  return path ? { path, readable: typeof readable === 'boolean' ? readable : null } : null;
}

function reachabilityOf(bundle: CollectBundle): CollectFacts['reachability'] {
  return list(at(outputOf(bundle, 'pod.checks'), ['reachability'])).flatMap((row) => {
    const host = text(at(row, ['host']));
    return host ? [{ host, dns: text(at(row, ['dns'])) ?? 'unknown', tcp: text(at(row, ['tcp'])) ?? 'unknown' }] : [];
  });
}

function providersOf(bundle: CollectBundle): string[] | null {
  const step = stepOf(bundle, 'aws.oidc-providers');
  if (step?.status !== 'ok') return null;
  return list(at(step.output, ['OpenIDConnectProviderList'])).flatMap((p) => text(at(p, ['Arn'])) ?? []);
}

export function collectFacts(input: ReadInput, bundle: CollectBundle): CollectFacts {
  const output = outputOf(bundle, 'k8s.workload');
  const isDelegate = (item: unknown) =>
    list(at(item, ['spec', 'template', 'spec', 'containers'])).some((c) => /delegate/i.test(text(at(c, ['image'])) ?? ''));
  const workload = items(output).find(isDelegate) ?? items(output)[0] ?? output;
  const workloadSpec = at(workload, ['spec', 'template', 'spec']);
  const workloadName = text(at(workload, ['metadata', 'name']));
  const pod = podOf(bundle);
  const cluster = at(outputOf(bundle, 'aws.cluster'), ['cluster']);
  return {
    input,
    bundle,
    namespace: bundle.options.namespace,
    createdAt: Date.parse(bundle.createdAt),
    workload: workloadName ? { kind: (text(at(workload, ['kind'])) ?? 'Deployment').toLowerCase(), name: workloadName } : null,
    pod,
    serviceAccount: serviceAccountOf(bundle),
    tokenFile: tokenFileOf(bundle),
    claims: claimsOf(bundle),
    reachability: reachabilityOf(bundle),
    cluster: cluster ? { name: text(at(cluster, ['name'])), issuer: text(at(cluster, ['identity', 'oidc', 'issuer'])) } : null,
    providers: providersOf(bundle),
    shellAccount: text(at(outputOf(bundle, 'aws.identity'), ['Account'])),
    delegateImage: pod?.image ?? text(at(delegateContainer(workloadSpec), ['image'])),
  };
}

/** Any step's opening, `{"id": "k8s.pods"`, however the bundle was indented. */
const STEP_OPENING = /\{\s*"id"\s*:\s*"((?:kubectl|k8s|pod|aws)\.[a-z-]{1,30})"/g;

/**
 * Where a step sits in the bundle's text: from its opening to the next step's. The pattern is ours
 * and matches step ids only; it never contains customer text.
 */
const openingsOf = new WeakMap<ReadInput, Located[]>();

export function stepRange(input: ReadInput, id: CollectStepId): { start: number; end: number; opening: number } | null {
  let openings = openingsOf.get(input);
  if (!openings) {
    openings = findAll(input.text, STEP_OPENING, COLLECT_LIMITS.maxSteps + 10);
    openingsOf.set(input, openings);
  }
  const index = openings.findIndex((opening) => opening.groups[0] === id);
  const found = openings[index];
  if (!found) return null;
  return { start: found.start, opening: found.end, end: openings[index + 1]?.start ?? input.text.length };
}

/** The opening of a step, as evidence that names it. */
export function stepHeading(input: ReadInput, id: CollectStepId): Evidence[] {
  const range = stepRange(input, id);
  return range ? [evidenceAt(input, range.start, range.opening)] : [];
}

/** The first place `needle` appears inside a step, as evidence. */
export function stepEvidence(input: ReadInput, id: CollectStepId, needle: string): Evidence[] {
  const range = stepRange(input, id);
  if (!range || needle.length === 0) return [];
  const found = input.text.indexOf(needle, range.start);
  return found >= 0 && found + needle.length <= range.end ? [evidenceAt(input, found, found + needle.length)] : [];
}

/**
 * The text worth classifying: the delegate's log lines, its pod's events, and the pod's own answer
 * from STS. Each is read from its field on, so step titles and command lines (`--request-timeout`)
 * are never taken for failures.
 */
const CLASSIFIED: ReadonlyArray<{ readonly id: CollectStepId; readonly from: string }> = [
  { id: 'k8s.events', from: '"output"' },
  { id: 'k8s.logs', from: '"output"' },
  { id: 'pod.checks', from: '"callerIdentityError"' },
];

function classifiedRange(input: ReadInput, id: CollectStepId, from: string): { start: number; end: number } | null {
  const range = stepRange(input, id);
  const start = range ? input.text.indexOf(from, range.opening) : -1;
  return range && start >= 0 && start < range.end ? { start: start + from.length, end: range.end } : null;
}

/** A view of the bundle made of those fields only, mapped back to the bundle's offsets. */
export function collectFocus(input: ReadInput): Focus {
  const ranges = CLASSIFIED.flatMap(({ id, from }) => classifiedRange(input, id, from) ?? []).sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  let length = 0;
  for (const range of ranges) {
    starts.push(length);
    length += range.end - range.start + 1;
  }
  return {
    text: ranges.map((range) => input.text.slice(range.start, range.end)).join('\n'),
    toOriginal(offset) {
      let index = 0;
      while (index + 1 < starts.length && (starts[index + 1] ?? 0) <= offset) index += 1;
      const range = ranges[index];
      return range ? range.start + offset - (starts[index] ?? 0) : offset;
    },
  };
}

/**
 * The role's trust policy from the bundle as an input of its own, so the Doctor's trust checks read
 * it as they read a pasted one. Its text is the bundle's with everything outside the role's step
 * blanked: offsets stay the bundle's, and evidence found in it can only be the role's own policy.
 */
export function collectedTrustInputs(inputs: readonly ReadInput[]): ReadInput[] {
  return inputs.flatMap((input) => {
    const bundle = input.kind === 'collect_bundle' ? (input.json as CollectBundle | null) : null;
    const policy = bundle ? at(stepOf(bundle, 'aws.role')?.output, ['Role', 'AssumeRolePolicyDocument']) : undefined;
    const range = policy ? stepRange(input, 'aws.role') : null;
    if (!range) return [];
    const masked = ' '.repeat(range.start) + input.text.slice(range.start, range.end) + ' '.repeat(input.text.length - range.end);
    return [{ ...input, kind: 'trust_policy' as const, json: policy, text: masked }];
  });
}
