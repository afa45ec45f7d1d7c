import { importConnectorYaml, testRegionOf, type ConnectorDocument } from '../../../shared/connector';
import { MAX_MANIFEST_CHARS } from '../../../shared/delegate/form';
import { shortenAccessKeyId } from '../../../shared/redact';
import { partitionOfArn, partitionOfRegion, type PartitionId } from '../../../shared/regions';
import { LOCATED_KIND, locate, type LocatedManifest } from '../delegate/locate';
import { documentSpans, parseManifest } from '../delegate/manifest';
import { analyzeTrustPolicy, partitionOfIssuer, type TrustAnalysis } from '../policy/trust';
import { analyzeAccessKeyId } from './access-key';
import type { ReadInput } from './detect';
import { evidenceOf, evidenceOfLine, type Draft } from './draft';
import { partitionFacts } from './inputs/explain';
import { findAll } from './scan';
import type { Evidence } from '../../../shared/doctor/schema';

/** What the configuration inputs say, read once and shared by the checks below. */
export interface ConfigFacts {
  readonly connectors: { input: ReadInput; document: ConnectorDocument }[];
  readonly delegates: { input: ReadInput; located: LocatedManifest }[];
  readonly trusts: { input: ReadInput; analysis: TrustAnalysis }[];
}

const megabytes = (chars: number) => `${(chars / 1_000_000).toFixed(1)} MB`;

/**
 * The delegate's objects in a manifest. Only the documents that can hold them are parsed (a
 * cluster dump of ConfigMaps costs a text scan), and no more of them than the Delegate view accepts:
 * above that, the input is named as too large and the other inputs are diagnosed without it.
 */
function readDelegate(input: ReadInput, drafts: Draft[]): LocatedManifest | null {
  const spans = documentSpans(input.text).filter((span) => LOCATED_KIND.test(input.text.slice(span.start, span.end)));
  const chars = spans.reduce((sum, span) => sum + span.end - span.start, 0);
  if (chars <= MAX_MANIFEST_CHARS) return locate(parseManifest(input.text, spans));
  drafts.push({
    class: 'input_unreadable',
    severity: 'warning',
    title: `${input.name} is too large to parse`,
    explanation: `Its workloads, service accounts and role bindings add up to ${megabytes(chars)}; the Doctor parses up to ${megabytes(MAX_MANIFEST_CHARS)} of delegate YAML, as the Delegate view does. The other inputs were diagnosed without it.`,
    evidence: [],
    fix: ['Paste only the delegate’s own manifest: its Deployment or StatefulSet, service account and role binding.'],
    confidence: 1,
  });
  return null;
}

export function readConfig(inputs: readonly ReadInput[], drafts: Draft[]): ConfigFacts {
  const facts: ConfigFacts = { connectors: [], delegates: [], trusts: [] };
  for (const input of inputs) {
    if (input.kind === 'connector_yaml') {
      const read = importConnectorYaml(input.text);
      if (read.document) facts.connectors.push({ input, document: read.document });
      for (const issue of [...read.errors, ...read.warnings]) {
        const partition = /partition/i.test(issue.message);
        drafts.push({
          class: partition ? 'partition_mismatch' : 'connector_misconfigured',
          severity: issue.severity,
          explanation: `${issue.message} (${issue.path.join('.') || 'document'}, line ${issue.line})`,
          evidence: evidenceOfLine(input, issue.line),
          confidence: issue.severity === 'error' ? 0.8 : 0.5,
        });
      }
    } else if (input.kind === 'delegate_yaml') {
      const located = readDelegate(input, drafts);
      if (located) facts.delegates.push({ input, located });
    } else if (input.kind === 'trust_policy') {
      const analysis = analyzeTrustPolicy(input.json);
      facts.trusts.push({ input, analysis });
      for (const problem of analysis.problems) {
        drafts.push({
          class: /partition/.test(problem.message) ? 'partition_mismatch' : 'web_identity_trust_denied',
          severity: problem.severity,
          explanation: `${problem.message} (${problem.path})`,
          evidence: evidenceOf(input, problem.text),
          confidence: problem.severity === 'error' ? 0.75 : 0.4,
        });
      }
    }
  }
  return facts;
}

/** Every access key ID in any input: long-term or temporary, and the account it belongs to. */
export function accessKeyDrafts(inputs: readonly ReadInput[]): Draft[] {
  const seen = new Set<string>();
  const drafts: Draft[] = [];
  for (const input of inputs) {
    if (input.kind === 'binary' || input.kind === 'empty') continue;
    for (const hit of findAll(input.text, /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, 20)) {
      if (seen.has(hit.text)) continue;
      seen.add(hit.text);
      const key = analyzeAccessKeyId(hit.text);
      const account = key.accountId ? `account ${key.accountId}` : 'account not encoded (key ID from before 2019)';
      drafts.push({
        class: 'access_key_info',
        severity: key.problems.length > 0 ? 'warning' : 'info',
        title: `Access key ${shortenAccessKeyId(key.keyId)}: ${key.kind === 'temporary' ? 'temporary' : 'long-term'}, ${account}`,
        explanation: [
          `${key.prefix}… is a ${key.description}.`,
          key.accountId ? `The key ID encodes AWS account ${key.accountId} (decoded offline); compare it with the account you expect.` : '',
          ...key.problems,
        ]
          .filter(Boolean)
          .join(' '),
        evidence: [{ input: input.index, text: hit.text, start: hit.start, end: hit.end }],
        confidence: 1,
      });
    }
  }
  return drafts;
}

/** Harness rules that need more than the connector itself: an EKS role trusted through IRSA needs the Irsa type. */
export function connectorContextDrafts(facts: ConfigFacts): Draft[] {
  const drafts: Draft[] = [];
  for (const { input, document } of facts.connectors) {
    const type = document.connector.spec.credential.type;
    if (type === 'InheritFromDelegate' && facts.trusts.some((t) => t.analysis.webIdentity.length > 0)) {
      drafts.push({
        class: 'connector_misconfigured',
        severity: 'warning',
        explanation: `The role trusts an EKS OIDC provider (IRSA), but the connector uses ${type}; on EKS with IRSA the credential type must be Use IRSA (Irsa), otherwise the delegate uses the node's role.`,
        evidence: evidenceOf(input, type),
        fix: ['Set spec.credential.type: Irsa (Use IRSA) in the connector.'],
        confidence: 0.6,
      });
    }
  }
  return drafts;
}

interface PartitionClaim {
  readonly partition: PartitionId;
  readonly what: string;
  readonly evidence: Evidence[];
}

/** The partition each configuration input commits to; more than one partition across inputs cannot work. */
export function partitionDrafts(facts: ConfigFacts, inputs: readonly ReadInput[]): Draft[] {
  const claims: PartitionClaim[] = [];
  for (const { input, document } of facts.connectors) {
    const region = testRegionOf(document.connector);
    const partition = partitionOfRegion(region);
    const explicit = document.connector.spec.credential.region;
    if (partition)
      claims.push({
        partition,
        what: explicit ? `the connector's Test Region ${region}` : `the connector's Test Region (empty, so Harness uses ${region})`,
        evidence: explicit ? evidenceOf(input, explicit) : evidenceOf(input, 'credential:'),
      });
  }
  for (const input of inputs) {
    // A CloudTrail event, a pod, CLI output: the ARNs, regions and hosts their readers found.
    for (const fact of input.facts ? partitionFacts(input.facts) : [])
      claims.push({ partition: fact.partition, what: fact.what, evidence: fact.at ? [{ input: input.index, ...fact.at }] : [] });
    if (!['connector_yaml', 'delegate_yaml', 'trust_policy', 'iam_policy'].includes(input.kind)) continue;
    for (const hit of findAll(
      input.text,
      /\barn:aws(?:-[a-z]{1,8}){0,2}:[a-z0-9-]{1,40}:[a-z0-9-]{0,20}:\d{0,12}:[^\s"',}\]]{1,200}/g,
      20,
    )) {
      const partition = partitionOfArn(hit.text);
      if (partition)
        claims.push({
          partition,
          what: `the ARN ${hit.text}`,
          evidence: [{ input: input.index, text: hit.text, start: hit.start, end: hit.end }],
        });
    }
    for (const hit of findAll(input.text, /\boidc\.eks\.[a-z0-9-]{4,30}\.amazonaws\.com(?:\.cn)?\/id\/[A-Za-z0-9]{1,64}/g, 5)) {
      const partition = partitionOfIssuer(hit.text);
      if (partition)
        claims.push({
          partition,
          what: `the OIDC issuer ${hit.text}`,
          evidence: [{ input: input.index, text: hit.text, start: hit.start, end: hit.end }],
        });
    }
  }
  const partitions = [...new Set(claims.map((claim) => claim.partition))];
  if (partitions.length < 2) return [];
  const firstOf = partitions.map((partition) => claims.find((claim) => claim.partition === partition)!);
  return [
    {
      class: 'partition_mismatch',
      severity: 'error',
      title: 'The inputs mix AWS partitions',
      explanation: `${firstOf.map((claim, i) => `${i === 0 ? claim.what.charAt(0).toUpperCase() + claim.what.slice(1) : claim.what} is in ${claim.partition}`).join('; ')}. Credentials, roles, OIDC providers and the test region must all be in one partition.`,
      evidence: firstOf.flatMap((claim) => claim.evidence),
      confidence: 0.85,
    },
  ];
}
