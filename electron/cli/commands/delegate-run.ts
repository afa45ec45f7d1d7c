import { writeFile } from 'node:fs/promises';
import { kubernetesNameProblem, namespaceNameProblem } from '../../../shared/delegate/names';
import { parseOidcIssuer } from '../../../shared/delegate/partition';
import { hasErrors, type ManifestProblem } from '../../../shared/delegate/problems';
import { applyEdits } from '../../../shared/delegate/edits';
import { MAX_MANIFEST_CHARS } from '../../../shared/delegate/form';
import { delegateChannels } from '../../../shared/ipc/channels/delegate';
import { PARTITIONS, isPartitionId } from '../../../shared/regions';
import { generateArtifacts, prepareIrsa } from '../../services/delegate/delegate-service';
import { formProblems } from '../../services/delegate/form-problems';
import { trustPolicy } from '../../services/delegate/generate/trust-policy';
import { DOCUMENTED_PARTITIONS } from '../../services/delegate/pod-identity/facts';
import { podIdentityTrustPolicy } from '../../services/delegate/pod-identity/trust-policy';
import { resolveRole } from '../../services/delegate/role';
import { SecretInEditError } from '../../services/delegate/secret-values';
import { parseFlags, requireFlag, validateFlags } from '../args';
import { EXIT, UsageError, runSubCommand, type CliIo } from '../command';
import { IRSA_FLAGS, POD_IDENTITY_FLAGS, TRUST_FLAGS } from './delegate';
import { printJson, readInput } from '../io';

function formatProblem(file: string, problem: ManifestProblem): string {
  const where = problem.line === null ? file : `${file}:${problem.line}`;
  return `${where}: ${problem.severity}: ${problem.message}\n  fix: ${problem.fix}\n`;
}

/** Enough bytes for one character more than the channel accepts, so an oversized file meets the same rule. */
const MAX_MANIFEST_BYTES = MAX_MANIFEST_CHARS * 4 + 4;

const IRSA_FLAG_NAMES = {
  manifest: '--in',
  'form.serviceAccount': '--service-account',
  'form.roleArn': '--role-arn',
  'form.namespace': '--namespace',
  'form.region': '--region',
  'form.oidcIssuer': '--oidc-issuer',
};

async function irsa(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, IRSA_FLAGS);
  const file = requireFlag(values, 'in');
  const request = validateFlags(
    delegateChannels['delegate.irsa'].args,
    {
      manifest: readInput(file, MAX_MANIFEST_BYTES),
      form: {
        serviceAccount: requireFlag(values, 'service-account'),
        roleArn: requireFlag(values, 'role-arn'),
        namespace: values.namespace,
        stsRegionalEndpoints: values['sts-regional-endpoints'] ?? false,
        region: values.region,
        oidcIssuer: values['oidc-issuer'],
      },
    },
    IRSA_FLAG_NAMES,
  );
  const text = request.manifest;
  let result;
  try {
    result = prepareIrsa(text, request.form);
  } catch (error) {
    if (!(error instanceof SecretInEditError)) throw error;
    io.stderr(`${file}: error: ${error.value.message}\n  fix: ${error.value.fix}\n`);
    return EXIT.failed;
  }
  // Lines refer to the input when no edit was made, else to the patched manifest (the SA adds lines).
  const label = result.edits === null ? file : (values.out ?? 'patched manifest');
  for (const problem of result.problems) io.stderr(formatProblem(label, problem));
  if (hasErrors(result.problems) || result.edits === null) return EXIT.failed;
  // The same splices the app's window applies; on the user's own disk the whole manifest may be written.
  const output = applyEdits(text, result.edits);
  if (values.out) {
    await writeFile(values.out, output, 'utf8');
    for (const change of result.changes) io.stderr(`${change}\n`);
    if (result.changes.length === 0) io.stderr('Nothing to change: the manifest already has these IRSA edits.\n');
  } else {
    io.stdout(output);
  }
  return EXIT.ok;
}

const POD_IDENTITY_FLAG_NAMES = {
  'form.clusterName': '--cluster',
  'form.namespace': '--namespace',
  'form.serviceAccount': '--service-account',
  'form.roleArn': '--role-arn',
  'form.region': '--region',
};

/** The same commands as the Delegate view's Association tab, from the same form and checks. */
function podIdentity(argv: readonly string[], io: CliIo): number {
  const { values } = parseFlags(argv, POD_IDENTITY_FLAGS);
  const { form } = validateFlags(
    delegateChannels['delegate.generate'].args,
    {
      form: {
        mechanism: 'pod-identity',
        clusterName: requireFlag(values, 'cluster'),
        namespace: requireFlag(values, 'namespace'),
        serviceAccount: requireFlag(values, 'service-account'),
        roleArn: requireFlag(values, 'role-arn'),
        region: values.region,
      },
    },
    POD_IDENTITY_FLAG_NAMES,
  );
  const role = resolveRole(form);
  const problems = [...(role.ok ? [] : [role.problem]), ...formProblems(form)];
  const nameProblems = nameErrors(undefined, form.serviceAccount);
  for (const problem of problems) io.stderr(formatProblem('awb delegate pod-identity', problem));
  for (const error of nameProblems) io.stderr(`awb delegate pod-identity: error: ${error}\n`);
  const commands = generateArtifacts(form).commands.text;
  if (hasErrors(problems) || nameProblems.length > 0 || commands === null) return EXIT.failed;
  io.stdout(commands);
  return EXIT.ok;
}

function irsaTrust(values: Record<string, string | boolean | undefined>, io: CliIo): number {
  if (values.partition !== undefined)
    throw new UsageError('--partition goes with --pod-identity; an IRSA trust policy takes the partition from --oidc-issuer.');
  const issuerUrl = requireFlag(values, 'oidc-issuer');
  const namespace = requireFlag(values, 'namespace');
  const serviceAccount = requireFlag(values, 'service-account');
  const accountId = requireFlag(values, 'account');
  const errors: string[] = [];
  const issuer = parseOidcIssuer(issuerUrl);
  if (!issuer)
    errors.push(
      `--oidc-issuer "${issuerUrl}" is not an EKS OIDC issuer URL (https://oidc.eks.<region>.amazonaws.com/id/<ID>; China: .amazonaws.com.cn).`,
    );
  if (!/^\d{12}$/.test(accountId)) errors.push(`--account "${accountId}" is not a 12-digit AWS account ID.`);
  errors.push(...nameErrors(namespace, serviceAccount));
  if (!issuer || errors.length > 0) return failWith(io, errors);
  printJson(io, trustPolicy({ issuer, accountId, namespace, serviceAccount }));
  return EXIT.ok;
}

/**
 * A Pod Identity role trusts a service principal, not a cluster's OIDC provider: no issuer, no
 * account. The principal is the same in every partition AWS documents it for; elsewhere it is a guess.
 */
function podIdentityTrust(values: Record<string, string | boolean | undefined>, io: CliIo): number {
  for (const irsaOnly of ['oidc-issuer', 'account'] as const) {
    if (values[irsaOnly] !== undefined) {
      throw new UsageError(`--${irsaOnly} is for IRSA; a Pod Identity role trusts pods.eks.amazonaws.com, not an OIDC provider.`);
    }
  }
  const partition = typeof values.partition === 'string' ? values.partition : 'aws';
  const namespace = typeof values.namespace === 'string' ? values.namespace : undefined;
  const serviceAccount = typeof values['service-account'] === 'string' ? values['service-account'] : undefined;
  const errors = [
    ...(isPartitionId(partition) ? [] : [`--partition "${partition.slice(0, 40)}" is not an AWS partition.`]),
    ...nameErrors(namespace, serviceAccount),
  ];
  if (errors.length > 0) return failWith(io, errors);
  if (isPartitionId(partition) && !DOCUMENTED_PARTITIONS.has(partition)) {
    io.stderr(
      `awb delegate trust-policy: warning: AWS documents EKS Pod Identity for aws, aws-us-gov and aws-cn; check that ${PARTITIONS[partition].displayName} has it.\n`,
    );
  }
  printJson(io, podIdentityTrustPolicy({ namespace, serviceAccount }));
  return EXIT.ok;
}

function nameErrors(namespace: string | undefined, serviceAccount: string | undefined): string[] {
  const namespaceProblem = namespace === undefined ? null : namespaceNameProblem(namespace);
  const accountProblem = serviceAccount === undefined ? null : kubernetesNameProblem(serviceAccount);
  return [
    ...(namespaceProblem ? [`--namespace "${namespace}" ${namespaceProblem}.`] : []),
    ...(accountProblem ? [`--service-account "${serviceAccount}" ${accountProblem}.`] : []),
  ];
}

function failWith(io: CliIo, errors: readonly string[]): number {
  for (const error of errors) io.stderr(`awb delegate trust-policy: ${error}\n`);
  return EXIT.failed;
}

function trust(argv: readonly string[], io: CliIo): number {
  const { values } = parseFlags(argv, TRUST_FLAGS);
  return values['pod-identity'] ? podIdentityTrust(values, io) : irsaTrust(values, io);
}

export const run = (argv: readonly string[], io: CliIo) =>
  runSubCommand(
    argv,
    io,
    { irsa, 'pod-identity': podIdentity, 'trust-policy': trust },
    'a sub-command is required (irsa, pod-identity or trust-policy).',
  );
