import { partitionOfArn, type PartitionId } from '../../../../shared/regions';
import { field, record, spotOfField, type Spot } from './common';

/** `aws sts get-caller-identity`: who the credentials belong to, in which account and partition. */
export interface CallerIdentityFacts {
  readonly kind: 'caller_identity';
  readonly account: string | null;
  readonly arn: Spot | null;
  readonly partition: PartitionId | null;
  readonly principal: 'assumed-role' | 'user' | 'root' | 'federated-user' | 'other';
  /** For an assumed role, the role's own ARN (the one a trust policy or connector names). */
  readonly roleArn: string | null;
  readonly session: string | null;
}

export function isCallerIdentity(json: unknown): boolean {
  const root = record(json);
  return root !== null && typeof root.Arn === 'string' && typeof root.Account === 'string' && typeof root.UserId === 'string';
}

/** The same three fields in text that is not whole JSON (a pasted terminal with the command line). */
export function looksLikeCallerIdentity(head: string): boolean {
  return /"UserId"\s{0,3}:/.test(head) && /"Account"\s{0,3}:/.test(head) && /"Arn"\s{0,3}:\s{0,3}"arn:/.test(head);
}

const ARN = /^arn:([a-z-]{3,20}):(sts|iam)::(\d{12}):([a-z-]{1,20})(?:\/([^/\s"]{1,128}))?(?:\/([^\s"]{1,128}))?/;

function fieldIn(text: string, key: string): string | null {
  const match = new RegExp(`"${key}"\\s{0,3}:\\s{0,3}"([^"\\n]{1,300})"`).exec(text.slice(0, 64 * 1024));
  return match?.[1] ?? null;
}

export function readCallerIdentity(text: string, json?: unknown): CallerIdentityFacts {
  const root = record(json);
  const arnValue = field(root?.Arn) ?? fieldIn(text, 'Arn');
  const account = field(root?.Account) ?? fieldIn(text, 'Account');
  const parsed = arnValue ? ARN.exec(arnValue) : null;
  const resource = parsed?.[4];
  const principal =
    resource === 'assumed-role'
      ? 'assumed-role'
      : resource === 'user'
        ? 'user'
        : resource === 'root'
          ? 'root'
          : resource === 'federated-user'
            ? 'federated-user'
            : 'other';
  return {
    kind: 'caller_identity',
    account,
    arn: spotOfField(text, 'Arn', arnValue),
    partition: arnValue ? partitionOfArn(arnValue) : null,
    principal,
    roleArn: principal === 'assumed-role' && parsed?.[5] ? `arn:${parsed[1]}:iam::${parsed[3]}:role/${parsed[5]}` : null,
    session: principal === 'assumed-role' ? (parsed?.[6] ?? null) : null,
  };
}
