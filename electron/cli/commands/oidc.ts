import { PARTITION_IDS } from '../../../shared/regions/partitions';
import { lazyRun, type Command } from '../command';

const USAGE = `Usage:
  awb oidc trust-policy --harness-account <id> --account <aws account> [--partition aws|aws-us-gov|aws-cn]
                        [--audience <aud>] [--org <org>] [--project <project>] [--session-tags]
      Prints the IAM trust policy of the role a Harness OIDC connector (Use OIDC) assumes: only the IAM
      OIDC provider for app.harness.io/ng/api/oidc/account/<id>, sts:AssumeRoleWithWebIdentity, the
      :aud condition (default sts.amazonaws.com) and, with --org or --project, a :sub condition in the
      form Harness issues (account/<id>:org/<org>:project/<project>; it needs the Harness feature flag
      PL_OIDC_ENHANCED_SUBJECT_FIELD). --session-tags adds sts:TagSession for oidcSessionTagKeys.
  awb oidc setup --harness-account <id> --account <aws account> [the same options] [--role-name <name>]
      Prints the AWS CLI commands: the IAM OIDC provider (URL, audience, Harness's thumbprint), the
      trust policy file, the role (default name harness-oidc) and the ec2:DescribeRegions permission the
      connection test needs.

The Harness account ID is the part after /account/ in Harness URLs. Notes on what the policy implies
go to standard error. Exit codes: 0 printed, 2 bad usage or input.`;

export const OIDC_FLAGS = {
  'harness-account': { type: 'string' },
  account: { type: 'string' },
  partition: { type: 'string' },
  audience: { type: 'string' },
  org: { type: 'string' },
  project: { type: 'string' },
  'session-tags': { type: 'boolean' },
} as const;

export const OIDC_SETUP_FLAGS = { ...OIDC_FLAGS, 'role-name': { type: 'string' } } as const;

export const oidcCommand: Command = {
  name: 'oidc',
  summary: 'Harness OIDC on the AWS side: the IAM OIDC provider, the role trust policy and the commands',
  usage: USAGE,
  subcommands: { 'trust-policy': OIDC_FLAGS, setup: OIDC_SETUP_FLAGS },
  hints: { partition: PARTITION_IDS },
  run: lazyRun(() => import('./oidc-run')),
};
