import { secretRefSchema } from '../secrets/schema';
import { DEFAULT_TEST_REGION, PARTITIONS, findRegion, partitionOfRegion, type PartitionId } from '../regions';
import { checkRoleArn, externalIdError } from './arn';
import type { ConnectorIssue, PathSegment } from './issues';
import { identifierError, identifierWarning, nameError, nameWarning } from './naming';
import { plainSecretFindings } from './plain-secrets';
import type { Connector, CredentialType } from './schema';

/**
 * The content and cross-field rules Harness applies to an AWS connector (reference §1, §2, §4),
 * with Harness's own wording where the backend has one. Runs on a structurally valid connector
 * (schema.ts) and returns every problem at once, errors and warnings, each with its field path.
 */

export const DELEGATE_SELECTOR_REQUIRED = 'Delegate Selector cannot be null for inherit from delegate credential type';
export const NO_SPEC_FOR_DELEGATE_TYPES = 'No spec should be provided with the inherit from delegate type';
export const DESCRIPTION_MAX_LENGTH = 1024;

export const OIDC_SESSION_TAG_KEYS: ReadonlySet<string> = new Set([
  'account_id',
  'organization_id',
  'project_id',
  'environment_id',
  'environment_type',
  'pipeline_id',
  'connector_id',
  'connector_name',
  'delegate_selectors',
  'context',
  'step_type',
  'stage_type',
  'triggered_by_email',
  'triggered_by_name',
  'service_name',
  'service_id',
]);

const DELEGATE_TYPES: ReadonlySet<CredentialType> = new Set(['InheritFromDelegate', 'Irsa']);
const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;

const ROOT = ['connector'] as const;
const SPEC = [...ROOT, 'spec'] as const;
const CREDENTIAL = [...SPEC, 'credential'] as const;
const CREDENTIAL_SPEC = [...CREDENTIAL, 'spec'] as const;
const CROSS_ACCOUNT = [...CREDENTIAL, 'crossAccountAccess'] as const;

function blank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

class Collector {
  readonly issues: ConnectorIssue[] = [];
  error(path: readonly PathSegment[], message: string | null): void {
    if (message !== null) this.issues.push({ path, message, severity: 'error' });
  }
  warn(path: readonly PathSegment[], message: string | null): void {
    if (message !== null) this.issues.push({ path, message, severity: 'warning' });
  }
}

/** The partition Harness will test in: the Test Region's, or us-east-1's when the region is empty. */
export function testRegionOf(connector: Connector): string {
  const region = connector.spec.credential.region;
  return blank(region) ? DEFAULT_TEST_REGION : region;
}

function checkOverview(c: Connector, out: Collector): void {
  out.error([...ROOT, 'name'], nameError(c.name));
  if (nameError(c.name) === null) out.warn([...ROOT, 'name'], nameWarning(c.name));
  out.error([...ROOT, 'identifier'], identifierError(c.identifier));
  out.warn([...ROOT, 'identifier'], identifierWarning(c.identifier));
  if (!blank(c.description) && c.description.length > DESCRIPTION_MAX_LENGTH) {
    out.error([...ROOT, 'description'], `Description can be at most ${DESCRIPTION_MAX_LENGTH} characters long.`);
  }
  if (!blank(c.orgIdentifier)) {
    const problem = identifierError(c.orgIdentifier);
    out.error([...ROOT, 'orgIdentifier'], problem && `Organization identifier: ${problem}`);
  }
  if (!blank(c.projectIdentifier)) {
    const problem = identifierError(c.projectIdentifier);
    out.error([...ROOT, 'projectIdentifier'], problem && `Project identifier: ${problem}`);
    if (blank(c.orgIdentifier))
      out.error([...ROOT, 'orgIdentifier'], 'A project belongs to an organization: set orgIdentifier as well as projectIdentifier.');
  }
  for (const key of Object.keys(c.tags ?? {})) {
    if (key.trim().length === 0) out.error([...ROOT, 'tags', key], 'A tag needs a key.');
  }
}

function checkSecretRef(path: readonly PathSegment[], ref: string, label: string, out: Collector): void {
  const parsed = secretRefSchema.safeParse(ref);
  if (!parsed.success) out.error(path, `${label}: ${parsed.error.issues[0]?.message ?? 'not a valid secret reference.'}`);
}

function checkManualConfig(c: Connector, out: Collector): void {
  const spec = c.spec.credential.spec;
  if (spec === null || spec === undefined) {
    out.error(CREDENTIAL_SPEC, 'AWS Access Key credentials need a spec with accessKey (or accessKeyRef) and secretKeyRef.');
    return;
  }
  const { accessKey, accessKeyRef, secretKeyRef, sessionTokenRef } = spec;
  if (!blank(accessKey) && !blank(accessKeyRef)) {
    out.error(CREDENTIAL_SPEC, 'Set either accessKey (plain text) or accessKeyRef (a secret reference), not both.');
  } else if (blank(accessKey) && blank(accessKeyRef)) {
    out.error([...CREDENTIAL_SPEC, 'accessKey'], 'Access Key is required.');
  }
  if (!blank(accessKey)) {
    if (accessKey.trim() !== accessKey)
      out.error([...CREDENTIAL_SPEC, 'accessKey'], 'Access Key has spaces at the start or end; remove them.');
    else if (!ACCESS_KEY_ID.test(accessKey)) {
      out.warn(
        [...CREDENTIAL_SPEC, 'accessKey'],
        'This does not look like an AWS access key ID (20 capital letters and digits starting with AKIA or ASIA).',
      );
    } else if (accessKey.startsWith('ASIA') && blank(sessionTokenRef)) {
      out.warn(
        [...CREDENTIAL_SPEC, 'sessionTokenRef'],
        'ASIA… keys are temporary and only work with their session token; add sessionTokenRef.',
      );
    }
  }
  if (!blank(accessKeyRef)) checkSecretRef([...CREDENTIAL_SPEC, 'accessKeyRef'], accessKeyRef, 'Access Key reference', out);
  if (blank(secretKeyRef)) out.error([...CREDENTIAL_SPEC, 'secretKeyRef'], 'Secret Key is required.');
  else checkSecretRef([...CREDENTIAL_SPEC, 'secretKeyRef'], secretKeyRef, 'Secret Key reference', out);
  if (!blank(sessionTokenRef)) checkSecretRef([...CREDENTIAL_SPEC, 'sessionTokenRef'], sessionTokenRef, 'Session Token reference', out);
  for (const field of ['iamRoleArn', 'oidcSessionTagKeys'] as const) {
    if (spec[field] !== null && spec[field] !== undefined)
      out.warn([...CREDENTIAL_SPEC, field], `${field} belongs to OIDC credentials and is ignored with AWS Access Key.`);
  }
}

function checkOidc(c: Connector, out: Collector): void {
  const spec = c.spec.credential.spec;
  if (spec === null || spec === undefined || blank(spec.iamRoleArn)) {
    out.error([...CREDENTIAL_SPEC, 'iamRoleArn'], 'IAM role ARN is required for OIDC credentials.');
    return;
  }
  const arn = checkRoleArn(spec.iamRoleArn);
  if (!arn.ok) out.error([...CREDENTIAL_SPEC, 'iamRoleArn'], arn.message);
  (spec.oidcSessionTagKeys ?? []).forEach((key, index) => {
    if (!OIDC_SESSION_TAG_KEYS.has(key))
      out.warn([...CREDENTIAL_SPEC, 'oidcSessionTagKeys', index], `"${key}" is not an OIDC session tag key Harness sends.`);
  });
  for (const field of ['accessKey', 'accessKeyRef', 'secretKeyRef', 'sessionTokenRef'] as const) {
    if (spec[field] !== null && spec[field] !== undefined)
      out.warn([...CREDENTIAL_SPEC, field], `${field} belongs to AWS Access Key credentials and is ignored with OIDC.`);
  }
}

function checkCredential(c: Connector, out: Collector): void {
  const type = c.spec.credential.type;
  if (DELEGATE_TYPES.has(type)) {
    if (c.spec.credential.spec !== null && c.spec.credential.spec !== undefined) out.error(CREDENTIAL_SPEC, NO_SPEC_FOR_DELEGATE_TYPES);
  } else if (type === 'ManualConfig') {
    checkManualConfig(c, out);
  } else {
    checkOidc(c, out);
  }
}

function checkCrossAccount(c: Connector, out: Collector): void {
  const access = c.spec.credential.crossAccountAccess;
  if (access === null || access === undefined) return;
  if (blank(access.crossAccountRoleArn)) {
    out.error([...CROSS_ACCOUNT, 'crossAccountRoleArn'], 'Cross account role ARN is required when cross-account access is enabled.');
  } else {
    const arn = checkRoleArn(access.crossAccountRoleArn);
    if (!arn.ok) out.error([...CROSS_ACCOUNT, 'crossAccountRoleArn'], arn.message);
  }
  if (!blank(access.externalId)) out.error([...CROSS_ACCOUNT, 'externalId'], externalIdError(access.externalId));
}

/**
 * A Test Region of every partition is accepted, as Harness's UI offers them; an isolated (ISO)
 * partition's endpoints resolve only inside its own network, which is worth saying before a test times out.
 */
function checkTestRegion(region: string, out: Collector): boolean {
  const known = findRegion(region);
  if (!known) {
    const partition = partitionOfRegion(region);
    const detail = partition
      ? ` It fits the ${PARTITIONS[partition].displayName} pattern, but the AWS SDK this app ships does not know it.`
      : '';
    out.error([...CREDENTIAL, 'region'], `"${region}" is not a region in the catalog.${detail} Pick a region from the list.`);
    return false;
  }
  const partition = PARTITIONS[known.partition];
  if (partition.isolated) {
    out.warn(
      [...CREDENTIAL, 'region'],
      `${region} is in ${partition.displayName}, an isolated partition: its endpoints (*.${partition.dnsSuffix}) resolve only inside that network. This app reaches it only through an endpoint URL when it is not reachable from here.`,
    );
  }
  return true;
}

function checkRegionAndPartitions(c: Connector, out: Collector): void {
  const region = c.spec.credential.region;
  if (!blank(region) && !checkTestRegion(region, out)) return;
  const testRegion = testRegionOf(c);
  const regionPartition = partitionOfRegion(testRegion);
  const roleArns: Array<[readonly PathSegment[], string | null | undefined]> = [
    [[...CROSS_ACCOUNT, 'crossAccountRoleArn'], c.spec.credential.crossAccountAccess?.crossAccountRoleArn],
    [[...CREDENTIAL_SPEC, 'iamRoleArn'], c.spec.credential.type === 'OidcAuthentication' ? c.spec.credential.spec?.iamRoleArn : null],
  ];
  for (const [path, value] of roleArns) {
    if (blank(value)) continue;
    const arn = checkRoleArn(value);
    if (arn.ok && regionPartition !== null && arn.partition !== regionPartition)
      out.warn([...CREDENTIAL, 'region'], partitionMismatch(testRegion, regionPartition, arn.partition, blank(region), path));
  }
}

function partitionMismatch(
  region: string,
  regionPartition: PartitionId,
  arnPartition: PartitionId,
  defaulted: boolean,
  path: readonly PathSegment[],
): string {
  const field = path.at(-1) === 'iamRoleArn' ? 'the OIDC role' : 'the cross-account role';
  const where = defaulted
    ? `No Test Region is set, so Harness tests in ${region} (${regionPartition})`
    : `The Test Region ${region} is in ${regionPartition}`;
  return `${where}, but ${field} is in ${arnPartition}. Credentials only work inside one partition: pick a Test Region in ${arnPartition}.`;
}

function checkConnectivity(c: Connector, out: Collector): void {
  const { type } = c.spec.credential;
  const selectors = c.spec.delegateSelectors ?? [];
  const viaDelegate = c.spec.executeOnDelegate !== false;
  if (DELEGATE_TYPES.has(type)) {
    if (selectors.length === 0) out.error([...SPEC, 'delegateSelectors'], DELEGATE_SELECTOR_REQUIRED);
    if (!viaDelegate) {
      out.error(
        [...SPEC, 'executeOnDelegate'],
        'Connect through Harness Platform works only with AWS Access Key or OIDC credentials; this credential type runs on a delegate (executeOnDelegate: true).',
      );
    }
  }
  const seen = new Set<string>();
  selectors.forEach((selector, index) => {
    if (selector.trim().length === 0) out.error([...SPEC, 'delegateSelectors', index], 'A delegate selector cannot be empty.');
    else if (seen.has(selector))
      out.warn([...SPEC, 'delegateSelectors', index], `"${selector}" is listed twice; delegate selectors are a set.`);
    seen.add(selector);
  });
  if (!viaDelegate && selectors.length > 0 && !DELEGATE_TYPES.has(type)) {
    out.warn([...SPEC, 'delegateSelectors'], 'Delegate selectors are not used when connecting through the Harness Platform.');
  }
}

const BACKOFF_FIELDS = {
  FixedDelayBackoffStrategy: ['fixedBackoff', 'retryCount'],
  EqualJitterBackoffStrategy: ['baseDelay', 'maxBackoffTime', 'retryCount'],
  FullJitterBackoffStrategy: ['baseDelay', 'maxBackoffTime', 'retryCount'],
} as const;

function checkBackoff(c: Connector, out: Collector): void {
  const backoff = c.spec.awsSdkClientBackOffStrategyOverride;
  if (backoff === null || backoff === undefined) return;
  const path = [...SPEC, 'awsSdkClientBackOffStrategyOverride', 'spec'];
  const spec = backoff.spec ?? {};
  for (const field of BACKOFF_FIELDS[backoff.type]) {
    if (spec[field] === null || spec[field] === undefined) out.error([...path, field], `${field} is required for ${backoff.type}.`);
  }
  const { baseDelay, maxBackoffTime } = spec;
  if (typeof baseDelay === 'number' && typeof maxBackoffTime === 'number' && baseDelay > maxBackoffTime) {
    out.error([...path, 'maxBackoffTime'], 'maxBackoffTime must be at least baseDelay.');
  }
}

function within(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/**
 * Every rule, in the order of the wizard's steps, after secrets pasted into plain fields: those come
 * first, and replace the other issues of their field, which could quote the value (a region, a
 * selector) or be beside the point until the secret is gone.
 */
export function connectorRuleIssues(connector: Connector): ConnectorIssue[] {
  const out = new Collector();
  checkOverview(connector, out);
  checkCredential(connector, out);
  checkCrossAccount(connector, out);
  checkRegionAndPartitions(connector, out);
  checkConnectivity(connector, out);
  checkBackoff(connector, out);
  const secrets = plainSecretFindings(connector);
  return [
    ...secrets.map((secret) => secret.issue),
    ...out.issues.filter((issue) => !secrets.some((secret) => within(issue.path, secret.at))),
  ];
}
