import { findRegion, partitionOfArn, partitionOfRegion, type PartitionId } from '../../../shared/regions';
import { findAll, findFirst, type Located } from './scan';

/**
 * Context clues in a text that decide between classes sharing the same AWS wording: the key prefix,
 * regions and their partition, hosts with a bogus region, STS or IAM-only calls, the credential source in play.
 */
export interface Signals {
  /** Region codes AWS knows, with their partition. */
  readonly regions: readonly { at: Located; code: string; partition: PartitionId | null; optIn: boolean }[];
  /** Hostnames of AWS endpoints whose region part is not a real region (an AZ, a placeholder, "eu"). */
  readonly bogusHosts: readonly Located[];
  readonly arnPartitions: readonly { at: Located; partition: PartitionId }[];
  /** Temporary keys whose session token may be missing: an ASIA key ID or talk of session tokens. */
  readonly temporaryKey: Located | null;
  /** Temporary credentials from a tool or role session, which always carries its token. */
  readonly temporarySession: Located | null;
  readonly stsCall: Located | null;
  readonly iamCall: Located | null;
  readonly cloud9: Located | null;
  readonly govOrChinaWords: Located | null;
}

// A region code or something shaped like one (an AZ such as us-east-1a is caught by bogusHosts).
const REGION =
  /\b(?:us-gov|us-iso|us-isob|us-isof|eu-isoe|eusc-de|us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2}\b(?!\.\d)/g;
const AWS_HOST = /\b(?:[a-z0-9_-]{1,63}\.){1,4}amazonaws\.com(?:\.cn)?\b/gi;
const ARN = /\barn:(aws(?:-[a-z]{1,8}){0,2}):[a-z0-9-]{1,40}:/g;
const IAM_OPERATIONS =
  /\b(?:GetRole|CreateRole|ListRoles|GetUser|ListUsers|CreateUser|ListGroups|GetPolicy|ListPolicies|AttachRolePolicy|PutRolePolicy|CreateAccessKey|ListAccessKeys|GetAccountSummary|SimulatePrincipalPolicy|PassRole|DeleteRole)\b|\biam:[A-Z]\w+|\biam\.amazonaws\.com/;

/**
 * The region label of an AWS endpoint host when it is not a real region: `sts.us-east-1a.amazonaws.com`
 * (an AZ), `sts.eu.amazonaws.com`, `sts.aws_region.amazonaws.com` (an unfilled placeholder). Only
 * labels shaped like a region are judged, so global hosts (`s3.amazonaws.com`, `compute-1`) pass.
 */
function bogusRegionLabel(host: string): string | null {
  const labels = host.toLowerCase().split('.');
  const suffixAt = labels.indexOf('amazonaws');
  const label = suffixAt >= 2 ? labels[suffixAt - 1] : undefined;
  if (label === undefined) return null;
  const stripped = label.replace(/^(?:fips-|dualstack-)/, '');
  const regionShaped = /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-|$)|region/.test(stripped);
  return regionShaped && partitionOfRegion(stripped) === null ? label : null;
}

export function extractSignals(text: string): Signals {
  const regions = findAll(text, REGION, 40).map((at) => {
    const code = at.text;
    return { at, code, partition: partitionOfRegion(code), optIn: findRegion(code)?.optIn ?? false };
  });
  const bogusHosts = findAll(text, AWS_HOST, 40).filter((host) => bogusRegionLabel(host.text) !== null);
  const arnPartitions = findAll(text, ARN, 40).flatMap((at) => {
    const partition = partitionOfArn(at.text);
    return partition ? [{ at, partition }] : [];
  });

  return {
    regions,
    bogusHosts,
    arnPartitions,
    temporaryKey: findFirst(
      text,
      /\bASIA[A-Z0-9]{16}\b|\bsession[ _-]?token\b|sessionToken|X-Amz-Security-Token|AWS_SESSION_TOKEN|temporary (?:security )?credentials/i,
    ),
    temporarySession: findFirst(
      text,
      /assumed-role\/|\baws-vault\b|\baws-okta\b|\bsaml2aws\b|GetSessionToken|\bawsume\b|\bgimme-aws-creds\b|\baws sso\b/i,
    ),
    stsCall: findFirst(text, /\bsts[.:]|\bSTS\b|AWSSecurityTokenService|securitytoken|AssumeRole|GetCallerIdentity|sts\.amazonaws\.com/),
    iamCall: findFirst(text, IAM_OPERATIONS),
    cloud9: findFirst(text, /\bcloud9\b|AWS managed temporary credentials/i),
    govOrChinaWords: findFirst(
      text,
      /\bGovCloud\b|\bus-gov-|\baws-us-gov\b|\baws-cn\b|\.amazonaws\.com\.cn\b|\bcn-(?:north|northwest)-1\b/i,
    ),
  };
}
