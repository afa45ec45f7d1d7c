import { POLICY_LIMITS, type PolicyCheckResult, type PolicyDocumentInput } from '../../../shared/policy/schema';
import { policyChannels } from '../../../shared/ipc/channels/policy';
import { policySectionOf } from '../../../shared/report/build';
import { checkPolicies } from '../../services/policy/check';
import { parseFlags, validateFlags } from '../args';
import { EXIT, UsageError, type CliIo } from '../command';
import { FLAGS } from './policy';
import { printJson, readInput } from '../io';

/** Enough bytes for one character more than a policy may have, so an oversized file meets the schema's rule. */
const MAX_DOCUMENT_BYTES = POLICY_LIMITS.maxDocumentChars * 4 + 4;

function readDocument(path: string): PolicyDocumentInput {
  return { name: (path.split(/[\\/]/).pop() ?? path).slice(0, 200), text: readInput(path, MAX_DOCUMENT_BYTES) };
}

function parseContext(pairs: readonly string[]): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--context ${pair}: write key=value, e.g. aws:MultiFactorAuthPresent=true.`);
    const key = pair.slice(0, at);
    const value = pair.slice(at + 1);
    const previous = context[key];
    // Repeating a key builds a multi-valued key, as IAM has for aws:TagKeys and similar.
    context[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return context;
}

function parseServiceAccount(value: string | undefined): { namespace: string; name: string } | undefined {
  if (value === undefined) return undefined;
  const [namespace, name, ...rest] = value.split(':');
  if (!namespace || !name || rest.length > 0)
    throw new UsageError('--service-account takes <namespace>:<name>, e.g. harness-delegate-ng:harness-irsa.');
  return { namespace, name };
}

function formatText(result: PolicyCheckResult): string {
  const width = Math.max(6, ...result.results.map((r) => r.action.length));
  const words = { allowed: 'ALLOWED', explicit_deny: 'DENIED (explicit)', implicit_deny: 'DENIED (implicit)' } as const;
  const rows = result.results.map((r) => `  ${r.action.padEnd(width)}  ${words[r.decision]}\n      ${r.reason}`);
  const lint = result.lint.map((l) => `  ${l.severity}: ${l.path}: ${l.message}`);
  const { allowed, denied, skipped } = result.summary;
  return [
    'Actions:',
    ...(rows.length > 0 ? rows : ['  (none evaluated)']),
    ...(lint.length > 0 ? ['', 'Lint:', ...lint] : []),
    '',
    `${allowed} allowed, ${denied} denied${skipped > 0 ? `, ${skipped} not evaluated` : ''}.`,
    '',
  ].join('\n');
}

const FLAG_NAMES = {
  identity: '--identity',
  boundary: '--boundary',
  scps: '--scp',
  session: '--session',
  trust: '--trust',
  serviceAccount: '--service-account',
  useCases: '--use-case',
  actions: '--action',
  resource: '--resource',
  region: '--region',
  context: '--context',
};

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, FLAGS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; policy files go after --identity.`);
  const report = values.report ? { file: values.report, writer: await import('./report-run') } : null;
  report?.writer.reportFormat(report.file);
  const identity = [...(values.identity ?? []), ...(values.policy ?? [])];
  if (identity.length === 0) throw new UsageError('--identity <file> is required (the identity policy of the connector’s role or user).');
  const request = validateFlags(
    policyChannels['policy.check'].args,
    {
      identity: identity.map(readDocument),
      boundary: values.boundary ? readDocument(values.boundary) : undefined,
      scps: (values.scp ?? []).map(readDocument),
      session: values.session ? readDocument(values.session) : undefined,
      trust: values.trust ? readDocument(values.trust) : undefined,
      serviceAccount: parseServiceAccount(values['service-account']),
      useCases: values['use-case'] ?? [],
      actions: values.action ?? [],
      resource: values.resource,
      region: values.region ?? 'us-east-1',
      context: parseContext(values.context ?? []),
    },
    FLAG_NAMES,
  );
  const result = await checkPolicies(request);
  if (values.json) printJson(io, { results: result.results, lint: result.lint, summary: result.summary });
  else io.stdout(formatText(result));
  if (report) await report.writer.reportSection(report.file, policySectionOf(request, result));
  const errors = result.lint.filter((l) => l.severity === 'error');
  if (errors.some((l) => !l.path.startsWith('trust'))) return EXIT.usage;
  return result.summary.denied > 0 || errors.length > 0 ? EXIT.failed : EXIT.ok;
}
