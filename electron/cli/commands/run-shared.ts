import { testConnectorFrom } from '../../../shared/aws-test/from-connector';
import { testConnectorSchema, testOptionsSchema, type ParsedSweepOptions, type TestConnector } from '../../../shared/aws-test/input';
import { MAX_TOKEN_CHARS, checkTokenClaims, readTokenClaims, type TokenClaims } from '../../../shared/oidc/claims';
import { NO_TOKEN_FIX_CLI, NO_TOKEN_MESSAGE } from '../../../shared/oidc/token';
import type { RunResult } from '../../../shared/aws-test/result';
import { AppError, type AppErrorValue } from '../../../shared/errors';
import { formatPath, importConnectorYaml, MAX_YAML_BYTES } from '../../../shared/connector';
import { numberFlag, requireFlag, validateFlags, type parseFlags } from '../args';
import { EXIT, UsageError, type CliIo } from '../command';
import { reportFailure } from '../error-boundary';
import { withServices } from '../context';
import { printJson, readInput, readStdin } from '../io';
import { formatRun } from './run-output';
import type { RUN_FLAGS } from './run-flags';

/** A secret key and a session token, on two lines: a few kilobytes at most. */
const MAX_STDIN_BYTES = 64 * 1024;

type RunValues = ReturnType<typeof parseFlags<typeof RUN_FLAGS>>['values'];

function readConnector(file: string, region: string | undefined): TestConnector {
  // One byte over the cap is enough for the import to refuse the file by its size.
  const imported = importConnectorYaml(readInput(file, MAX_YAML_BYTES + 1));
  if (!imported.document || imported.errors.length > 0) {
    const lines = imported.errors.slice(0, 10).map((e) => `${file}:${e.line}:${e.column}: ${formatPath(e.path)}: ${e.message}`);
    throw new UsageError(`the connector is not valid:\n${lines.join('\n')}`);
  }
  const connector = testConnectorFrom(imported.document.connector);
  return region ? validateFlags(testConnectorSchema, { ...connector, testRegion: region }, { testRegion: '--region' }) : connector;
}

/** With --secret-key-stdin the connector's references are answered from standard input. */
async function stdinSecrets(connector: TestConnector): Promise<{ connector: TestConnector; values: Record<string, string> }> {
  const [secret = '', token = ''] = (await readStdin(MAX_STDIN_BYTES)).split(/\r?\n/);
  if (!secret) throw new UsageError('--secret-key-stdin: standard input is empty; give the secret key on the first line.');
  if (!connector.manual) throw new UsageError('--secret-key-stdin only applies to ManualConfig connectors.');
  const tokenRef = connector.manual.sessionTokenRef ?? 'stdin_session_token';
  const values: Record<string, string> = { [connector.manual.secretKeyRef]: secret, ...(token ? { [tokenRef]: token } : {}) };
  const withToken = token ? { ...connector, manual: { ...connector.manual, sessionTokenRef: tokenRef } } : connector;
  return { connector: withToken, values };
}

/** The claims, before any call: what the token says it is, and what STS will check, on standard error. */
function describeClaims(claims: TokenClaims, io: CliIo, now: Date): void {
  const expires =
    claims.expiresAt === null
      ? 'no expiry'
      : `expires ${new Date(claims.expiresAt * 1000).toISOString()} (${claims.expiresAt * 1000 > now.getTime() ? 'in' : 'was'} ${Math.round(Math.abs(claims.expiresAt * 1000 - now.getTime()) / 60_000)} min)`;
  const lines = [
    'OIDC token (used for this run only, not stored):',
    `  issuer   ${claims.issuer ?? '(none)'}`,
    `  audience ${claims.audiences.join(', ') || '(none)'}`,
    `  subject  ${claims.subject ?? '(none)'}`,
    `  ${expires}`,
    ...checkTokenClaims(claims, {}, now).map((check) => `  ${check.severity}: ${check.message}`),
  ];
  io.stderr(`${lines.join('\n')}\n`);
}

/**
 * An OIDC connector is tested with a Harness token from a file: required, read whole (it is small),
 * its claims shown before the run. A problem is bad input (exit 2) worded without the token.
 */
function readOidcToken(file: string | undefined, io: CliIo): string {
  if (!file) throw new AppError('invalid_input', NO_TOKEN_MESSAGE, NO_TOKEN_FIX_CLI);
  const token = readInput(file, MAX_TOKEN_CHARS * 4 + 4).trim();
  const read = readTokenClaims(token);
  if (!read.ok)
    throw new AppError('invalid_input', `${file}: ${read.problem}`, `The file must hold the token and nothing else. ${NO_TOKEN_FIX_CLI}`);
  describeClaims(read.claims, io, new Date());
  return token;
}

export const OPTION_FLAG_NAMES = {
  endpointUrl: '--endpoint-url',
  profile: '--profile',
  irsaRoleArn: '--role-arn',
  irsaTokenFile: '--web-identity-token-file',
  timeoutMs: '--timeout-ms',
};

/** What stops a run as Ctrl-C does: `timeout`, systemd and CI runners send SIGTERM, a closed terminal SIGHUP. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Work that any stop signal cancels (the partial run is then recorded); the same signal again stops the process as usual. */
async function cancellable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  for (const name of STOP_SIGNALS) process.once(name, onSignal);
  try {
    return await work(controller.signal);
  } finally {
    for (const name of STOP_SIGNALS) process.off(name, onSignal);
  }
}

/**
 * Why the run is not in history, on standard error through the error boundary, with where the result
 * can still be kept. The exit code stays the run's own: a job that tests a connector should not fail
 * (or pass) because of the local history.
 */
function tellNotRecorded(error: AppErrorValue, kind: RunResult['kind'], json: boolean, io: CliIo): void {
  const keep = json
    ? 'The complete result is the JSON on standard output: redirect it to a file to keep it.'
    : 'The result is printed above; to keep it as a file, run again with --json > result.json.';
  const notRecorded = new AppError(error.class, `The run was not recorded. ${error.message}`, `${error.fix} ${keep}`);
  reportFailure(notRecorded, io, { command: { name: kind, usage: '' }, debug: false });
}

/** The part `awb test` and `awb sweep` share: read input, run (a stop signal cancels), record, print, exit code. */
export async function runFromCli(values: RunValues, sweep: ParsedSweepOptions | undefined, io: CliIo): Promise<number> {
  if (values.db && values['no-history']) throw new UsageError('--db and --no-history exclude each other.');
  const options = validateFlags(
    testOptionsSchema,
    {
      endpointUrl: values['endpoint-url'],
      profile: values.profile,
      irsaRoleArn: values['role-arn'],
      irsaTokenFile: values['web-identity-token-file'],
      fips: values.fips,
      timeoutMs: numberFlag(values['timeout-ms']),
    },
    OPTION_FLAG_NAMES,
  );
  // A report file whose format cannot be told fails before the run, not after it.
  const report = values.report ? { file: values.report, writer: await import('./report-run') } : null;
  report?.writer.reportFormat(report.file);
  const connector = readConnector(requireFlag(values, 'connector'), values.region);
  const webIdentityToken =
    connector.credentialType === 'OidcAuthentication' ? readOidcToken(values['web-identity-token-file'], io) : undefined;
  const given = values['secret-key-stdin'] ? await stdinSecrets(connector) : { connector, values: undefined };
  const databasePath = values['no-history'] ? null : values.db;
  const [result, database, detail] = await cancellable((signal) =>
    withServices({ databasePath, ...(given.values ? { givenSecrets: given.values } : {}) }, async (services) => {
      const run = await services.tests.run(given.connector, options, sweep, { signal, webIdentityToken });
      // The history's retention setting applies after every recorded run, from the window or from here.
      if (run.recording?.status === 'recorded') await services.history.applyRetention().catch(() => null);
      const shown = report && run.recording?.status === 'recorded' ? services.history.show(run.runId) : null;
      return [run, services.paths.database, shown] as const;
    }),
  );
  if (values.json) printJson(io, result);
  else io.stdout(formatRun(result, database));
  if (result.recording?.status === 'not_recorded') tellNotRecorded(result.recording.error, result.kind, values.json === true, io);
  if (report) await report.writer.reportRun(report.file, detail ?? result);
  return result.status === 'pass' ? EXIT.ok : EXIT.failed;
}
