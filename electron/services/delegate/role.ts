import type { DelegateForm } from '../../../shared/delegate/form';
import { parseOidcIssuer, parseRoleArn, type RoleArn } from '../../../shared/delegate/partition';
import { partitionOfRegion } from '../../../shared/regions';
import type { ManifestProblem } from '../../../shared/delegate/problems';

/** The cluster's region and partition: the form's region first, else the one in the issuer URL. */
export function clusterLocation(form: Pick<DelegateForm, 'region' | 'oidcIssuer'>): { region: string | null; partition: string | null } {
  const issuer = form.oidcIssuer ? parseOidcIssuer(form.oidcIssuer) : null;
  const region = form.region ?? issuer?.region ?? null;
  return { region, partition: region ? partitionOfRegion(region) : null };
}

export type ResolvedRole = { ok: true; arn: string; role: RoleArn } | { ok: false; problem: ManifestProblem };

/** The role ARN the form names, given whole or as account + role name in the cluster's partition. */
export function resolveRole(form: DelegateForm): ResolvedRole {
  if (form.roleArn) {
    const role = parseRoleArn(form.roleArn);
    if (role) return { ok: true, arn: form.roleArn, role };
    return {
      ok: false,
      problem: {
        code: 'invalid-role-arn',
        severity: 'error',
        line: null,
        message: `"${form.roleArn}" is not an IAM role ARN.`,
        fix: 'Use the form arn:<partition>:iam::<12-digit account>:role/<role name>, e.g. arn:aws:iam::123456789012:role/harness-delegate.',
      },
    };
  }
  if (form.accountId && form.roleName) {
    const arn = `arn:${clusterLocation(form).partition ?? 'aws'}:iam::${form.accountId}:role/${form.roleName}`;
    const role = parseRoleArn(arn);
    if (role) return { ok: true, arn, role };
    return {
      ok: false,
      problem: {
        code: 'invalid-role-arn',
        severity: 'error',
        line: null,
        message: `Account "${form.accountId}" and role name "${form.roleName}" do not make a valid role ARN.`,
        fix: 'The account ID is 12 digits; a role name is up to 64 letters, digits and +=,.@_-.',
      },
    };
  }
  return {
    ok: false,
    problem: {
      code: 'missing-role',
      severity: 'error',
      line: null,
      message: 'No IAM role was given for the service account.',
      fix: 'Enter the role ARN, or the AWS account ID and the role name.',
    },
  };
}
