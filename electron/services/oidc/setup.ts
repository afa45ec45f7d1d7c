import {
  ENHANCED_SUBJECT_FLAG,
  HARNESS_OIDC_THUMBPRINT,
  OIDC_CONNECTOR_FLAG,
  harnessIssuerUrl,
  subjectCondition,
} from '../../../shared/oidc/harness';
import type { OidcSetupResult, ParsedOidcSetupInput } from '../../../shared/oidc/setup';
import { commandLine, shellQuote, stepTitles } from '../delegate/generate/shell';
import { harnessTrustPolicy, providerArnOf } from './trust-policy';

const TRUST_FILE = 'trust-policy.json';
/** The Harness knowledge-base example gives the role 8 hours; STS's default of one hour cuts long deployments short. */
const MAX_SESSION_SECONDS = 28_800;
const DESCRIBE_REGIONS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }],
});

function notesFor(input: ParsedOidcSetupInput): string[] {
  const scoped = subjectCondition(input.harnessAccountId, input.org, input.project);
  return [
    `Use OIDC is behind the Harness feature flag ${OIDC_CONNECTOR_FLAG} and needs delegate 24.03.82603 or later (not legacy delegates).`,
    scoped
      ? `The :sub condition names the ${input.project ? 'project' : 'organization'} the connector lives in; Harness puts the scope in the subject only with the feature flag ${ENHANCED_SUBJECT_FLAG}, without it no token matches.`
      : `Without --org/--project every OIDC connector of Harness account ${input.harnessAccountId} can assume this role; limit it to an organization or project (needs ${ENHANCED_SUBJECT_FLAG}).`,
    ...(input.sessionTags
      ? [
          'sts:TagSession is allowed because the connector passes session tags (oidcSessionTagKeys); policies can read them as aws:PrincipalTag/<key>.',
        ]
      : []),
  ];
}

/** The AWS CLI commands, numbered, with the trust policy written to the file the role command reads. */
function commandsFor(input: ParsedOidcSetupInput, trustPolicyJson: string, roleArn: string): string {
  const q = shellQuote;
  const title = stepTitles();
  const role = q(input.roleName);
  return [
    title(`Once per AWS account: the IAM OIDC provider for Harness account ${input.harnessAccountId}. The thumbprint is the`),
    '#    same for every Harness account; a provider that exists already gets the audience with',
    `#    aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${q(providerArnOf(input))} --client-id ${q(input.audience)}`,
    commandLine([
      'aws iam create-open-id-connect-provider',
      `--url ${q(harnessIssuerUrl(input.harnessAccountId))}`,
      `--client-id-list ${q(input.audience)}`,
      `--thumbprint-list ${HARNESS_OIDC_THUMBPRINT}`,
    ]),
    '',
    title(`The trust policy (the same as awb oidc trust-policy prints), in ${TRUST_FILE}:`),
    `cat > ${TRUST_FILE} <<'EOF'`,
    trustPolicyJson,
    'EOF',
    '',
    title('The role Harness assumes, trusted through that provider only:'),
    commandLine([
      'aws iam create-role',
      `--role-name ${role}`,
      `--assume-role-policy-document file://${TRUST_FILE}`,
      `--max-session-duration ${MAX_SESSION_SECONDS}`,
    ]),
    '',
    title('What the connection test calls (ec2:DescribeRegions); add the permissions your pipelines need too:'),
    commandLine([
      'aws iam put-role-policy',
      `--role-name ${role}`,
      '--policy-name harness-describe-regions',
      `--policy-document ${q(DESCRIBE_REGIONS)}`,
    ]),
    '',
    title('In Harness: an AWS connector with credentials "Use OIDC" and this IAM role ARN:'),
    `#    ${roleArn}`,
    '',
  ].join('\n');
}

/**
 * The AWS side of a Harness OIDC connector: the IAM OIDC provider for the account's issuer, the
 * role's trust policy and the commands that create both (Harness knowledge base "AWS OIDC Role and
 * Connector"; the provider URL, audience and thumbprint from there).
 */
export function harnessOidcSetup(input: ParsedOidcSetupInput): OidcSetupResult {
  const trustPolicy = harnessTrustPolicy(input);
  const trustPolicyJson = JSON.stringify(trustPolicy, null, 2);
  const roleArn = `arn:${input.partition}:iam::${input.awsAccountId}:role/${input.roleName}`;
  return {
    providerUrl: harnessIssuerUrl(input.harnessAccountId),
    providerArn: providerArnOf(input),
    roleArn,
    thumbprint: HARNESS_OIDC_THUMBPRINT,
    trustPolicy,
    trustPolicyJson,
    commands: commandsFor(input, trustPolicyJson, roleArn),
    notes: notesFor(input),
  };
}
