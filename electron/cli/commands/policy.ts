import { USE_CASE_IDS } from '../../../shared/iam/use-cases';
import { lazyRun, type Command } from '../command';

const USAGE = `Usage: awb policy --identity <file>... [--boundary <file>] [--scp <file>...] [--session <file>]
                  [--trust <file>] [--service-account <namespace>:<name>]
                  [--use-case <name>...] [--action <action>...] [--resource <arn>]
                  [--region <region>] [--context <key>=<value>...] [--json] [--report <file>]

Evaluates, offline with a real IAM evaluator, whether each action a Harness AWS connector needs is
allowed, and says why not: explicit deny (which policy and statement), no Allow, or an Allow whose
condition is not met. ec2:DescribeRegions (the connector test) is always checked.

Options:
  --identity <file>        Identity policy JSON of the connector's role or user (repeatable; --policy is the same).
  --boundary <file>        Permissions boundary of that role or user.
  --scp <file>             Service control policy (repeatable; AWS's FullAWSAccess is assumed unless one allows).
  --session <file>         Session policy passed when the role was assumed.
  --trust <file>           The role's trust policy: IRSA checks (:sub, :aud, provider partition).
  --service-account <ns>:<name>  The delegate's namespace and service account, checked against the trust :sub.
  --use-case <name>        Harness use case presets: ${USE_CASE_IDS.join(', ')} (repeatable).
  --action <action>        Any IAM action, e.g. ec2:DescribeRegions (repeatable).
  --resource <arn>         Resource to evaluate against (default: any resource).
  --region <region>        aws:RequestedRegion and the partition (default us-east-1).
  --context <key>=<value>  Request context, e.g. aws:MultiFactorAuthPresent=true, aws:SourceIp=10.0.0.1 (repeatable).
  --json                   Print {"results":[{"action","resource","decision","reason","policy","statement"}],"lint":[{"severity","message","path"}]}.
  --report <file>          Also write the check as a report: .json, .html, .md or .pdf (see awb report); policies by name only.

Exit codes: 0 every action allowed, 1 an action is denied or the trust policy fails a check,
2 bad usage or input (unreadable file, malformed policy, unknown action).`;

export const FLAGS = {
  identity: { type: 'string', multiple: true },
  policy: { type: 'string', multiple: true },
  boundary: { type: 'string' },
  scp: { type: 'string', multiple: true },
  session: { type: 'string' },
  trust: { type: 'string' },
  'service-account': { type: 'string' },
  'use-case': { type: 'string', multiple: true },
  action: { type: 'string', multiple: true },
  resource: { type: 'string' },
  region: { type: 'string' },
  context: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  report: { type: 'string' },
} as const;

export const policyCommand: Command = {
  name: 'policy',
  summary: 'Check offline whether IAM policies allow what a Harness connector needs',
  usage: USAGE,
  flags: FLAGS,
  hints: {
    identity: 'file',
    policy: 'file',
    boundary: 'file',
    scp: 'file',
    session: 'file',
    trust: 'file',
    report: 'file',
    'use-case': USE_CASE_IDS,
  },
  run: lazyRun(() => import('./policy-run')),
};
