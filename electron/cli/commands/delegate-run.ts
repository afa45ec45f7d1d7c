import { writeFile } from 'node:fs/promises';
import { kubernetesNameProblem, namespaceNameProblem } from '../../../shared/delegate/names';
import { parseOidcIssuer } from '../../../shared/delegate/partition';
import { hasErrors, type ManifestProblem } from '../../../shared/delegate/problems';
import { applyEdits } from '../../../shared/delegate/edits';
import { MAX_MANIFEST_CHARS } from '../../../shared/delegate/form';
import { delegateChannels } from '../../../shared/ipc/channels/delegate';
import { prepareIrsa } from '../../services/delegate/delegate-service';
import { trustPolicy } from '../../services/delegate/generate/trust-policy';
import { SecretInEditError } from '../../services/delegate/secret-values';
import { parseFlags, requireFlag, validateFlags } from '../args';
import { EXIT, runSubCommand, type CliIo } from '../command';
import { IRSA_FLAGS, TRUST_FLAGS } from './delegate';
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

function trust(argv: readonly string[], io: CliIo): number {
  const { values } = parseFlags(argv, TRUST_FLAGS);
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
  const namespaceProblem = namespaceNameProblem(namespace);
  if (namespaceProblem) errors.push(`--namespace "${namespace}" ${namespaceProblem}.`);
  const accountProblem = kubernetesNameProblem(serviceAccount);
  if (accountProblem) errors.push(`--service-account "${serviceAccount}" ${accountProblem}.`);
  if (!issuer || errors.length > 0) {
    for (const error of errors) io.stderr(`awb delegate trust-policy: ${error}\n`);
    return EXIT.failed;
  }
  printJson(io, trustPolicy({ issuer, accountId, namespace, serviceAccount }));
  return EXIT.ok;
}

export const run = (argv: readonly string[], io: CliIo) =>
  runSubCommand(argv, io, { irsa, 'trust-policy': trust }, 'a sub-command is required (irsa or trust-policy).');
