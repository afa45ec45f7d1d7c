import { PARTITION_IDS, partitionOfArn, type PartitionId } from '../regions';

/**
 * IAM role ARNs as STS accepts them in `AssumeRole` (reference §1): `arn:<partition>:iam::<12 digits>:role/[path/]name`,
 * name at most 64 characters of `[\w+=,.@-]`. Each way of getting it wrong gets its own message,
 * because "invalid ARN" alone sends people hunting.
 */
export type RoleArnCheck = { ok: true; partition: PartitionId; accountId: string; roleName: string } | { ok: false; message: string };

const EXAMPLE = 'arn:aws:iam::123456789012:role/RoleName';
const PARTITION_LIST = `${PARTITION_IDS.slice(0, -1).join(', ')} or ${PARTITION_IDS.at(-1)}`;
/** How much of a wrong segment a message quotes: enough to recognise it, never a whole paste. */
const quoted = (segment: string) => segment.slice(0, 40);
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
// IAM paths: printable ASCII between slashes, 512 characters at most.
const ROLE_PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;

export function checkRoleArn(value: string): RoleArnCheck {
  const arn = value.trim();
  if (arn.length === 0) return { ok: false, message: 'A role ARN is required.' };
  if (arn !== value) return { ok: false, message: 'The role ARN has spaces at the start or end; remove them.' };
  const parts = arn.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return { ok: false, message: `This is not an ARN. A role ARN looks like ${EXAMPLE}.` };
  const [, partitionSegment = '', service, region, accountId = '', ...resourceParts] = parts;
  const partition = partitionOfArn(arn);
  if (partition === null) {
    return { ok: false, message: `"${quoted(partitionSegment)}" is not an AWS partition; use ${PARTITION_LIST}.` };
  }
  if (service !== 'iam')
    return {
      ok: false,
      message: `This is an ARN of the ${quoted(service ?? '') || 'unnamed'} service; a role ARN is an IAM ARN (arn:${partition}:iam::…).`,
    };
  if (region !== '')
    return { ok: false, message: 'IAM ARNs have no region: the part between "iam:" and the account ID must be empty (iam::).' };
  if (!/^\d{12}$/.test(accountId))
    return { ok: false, message: `The account ID in a role ARN is exactly 12 digits; "${quoted(accountId)}" is not.` };
  const resource = resourceParts.join(':');
  if (!resource.startsWith('role/')) {
    const kind = quoted(resource.split('/')[0] ?? '') || 'empty';
    return { ok: false, message: `This ARN names a ${kind}, not a role. A role ARN ends in :role/RoleName.` };
  }
  const afterRole = resource.slice('role/'.length);
  const slash = afterRole.lastIndexOf('/');
  const path = slash >= 0 ? `/${afterRole.slice(0, slash + 1)}` : '/';
  const roleName = afterRole.slice(slash + 1);
  if (path.length > 512 || !ROLE_PATH.test(path))
    return { ok: false, message: 'The role path (between role/ and the name) has characters IAM does not allow.' };
  if (roleName.length === 0) return { ok: false, message: 'The role ARN has no role name after role/.' };
  if (roleName.length > 64) return { ok: false, message: `Role names are at most 64 characters; this one has ${roleName.length}.` };
  if (!ROLE_NAME.test(roleName)) return { ok: false, message: 'Role names can only contain letters, digits and + = , . @ _ -' };
  return { ok: true, partition, accountId, roleName };
}

export const EXTERNAL_ID_MIN = 2;
export const EXTERNAL_ID_MAX = 1224;
const EXTERNAL_ID_CHARS = /^[\w+=,.@:/-]*$/;

/** STS's rule for `ExternalId`: 2–1224 characters of `[\w+=,.@:/-]`. */
export function externalIdError(externalId: string): string | null {
  if (externalId.length < EXTERNAL_ID_MIN || externalId.length > EXTERNAL_ID_MAX) {
    return `External Id must be ${EXTERNAL_ID_MIN} to ${EXTERNAL_ID_MAX} characters long; it has ${externalId.length}.`;
  }
  if (!EXTERNAL_ID_CHARS.test(externalId))
    return 'External Id can only contain letters, digits and the characters _ + = , . @ : / - (no spaces).';
  return null;
}
