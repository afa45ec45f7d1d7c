import { testConnectorFrom } from '../../../shared/aws-test/from-connector';
import { testConnectorSchema, testOptionsSchema, type ParsedSweepOptions, type TestConnector } from '../../../shared/aws-test/input';
import type { RunResult } from '../../../shared/aws-test/result';
import { formatPath, importConnectorYaml } from '../../../shared/connector';
import { numberFlag, requireFlag, validateFlags, type parseFlags } from '../args';
import { EXIT, UsageError, type CliIo } from '../command';
import { withServices } from '../context';
import { printJson, readInput, readStdin } from '../io';
import { formatRun } from './run-output';

/** A secret key and a session token, on two lines: a few kilobytes at most. */
const MAX_STDIN_BYTES = 64 * 1024;

export const RUN_FLAGS = {
  connector: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  'secret-key-stdin': { type: 'boolean' },
  profile: { type: 'string' },
  'role-arn': { type: 'string' },
  'web-identity-token-file': { type: 'string' },
  fips: { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
  db: { type: 'string' },
  'no-history': { type: 'boolean' },
} as const;

export const RUN_HINTS = { connector: 'file', 'web-identity-token-file': 'file', db: 'file' } as const;

export const RUN_FLAGS_USAGE = [
  '  --connector <file>            Harness connector YAML (or JSON) to test (required)',
  "  --region <region>             Test in this region instead of the connector's Test Region",
  '  --endpoint-url <url>          Send STS and EC2 calls here (VPC endpoint, emulator), for every region',
  '  --secret-key-stdin            Read the secret key from the first line of standard input and an optional',
  '                                session token from the second, instead of the keychain entry secretKeyRef names',
  '  --profile <name>              InheritFromDelegate: use this profile of the shared AWS config',
  '  --role-arn <arn>              Irsa: the role to assume (default: AWS_ROLE_ARN)',
  '  --web-identity-token-file <f> Irsa: the token file (default: AWS_WEB_IDENTITY_TOKEN_FILE)',
  '  --fips                        Use the FIPS endpoints',
  '  --timeout-ms <n>              Timeout of each step (default 10000)',
  '  --json                        Print one JSON object (schemaVersion 1) instead of text',
  "  --db <path>                   Record the run in this SQLite file (default: the app's history)",
  '  --no-history                  Do not record the run',
  '',
  'HTTPS_PROXY, NO_PROXY and AWS_CA_BUNDLE are honoured. Ctrl-C cancels; the partial run is recorded.',
  'Exit codes: 0 every check passed, 1 a check failed (or the run was cancelled), 2 bad usage or input.',
].join('\n');

type RunValues = ReturnType<typeof parseFlags<typeof RUN_FLAGS>>['values'];

function readConnector(file: string, region: string | undefined): TestConnector {
  const imported = importConnectorYaml(readInput(file));
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

export const OPTION_FLAG_NAMES = {
  endpointUrl: '--endpoint-url',
  profile: '--profile',
  irsaRoleArn: '--role-arn',
  irsaTokenFile: '--web-identity-token-file',
  timeoutMs: '--timeout-ms',
};

/** The part `awb test` and `awb sweep` share: read input, run with cancel on Ctrl-C, record, print, exit code. */
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
  const connector = readConnector(requireFlag(values, 'connector'), values.region);
  const given = values['secret-key-stdin'] ? await stdinSecrets(connector) : { connector, values: undefined };
  const databasePath = values['no-history'] ? null : values.db;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  let result: RunResult;
  let recordedIn: string | null;
  try {
    [result, recordedIn] = await withServices(
      { databasePath, ...(given.values ? { givenSecrets: given.values } : {}) },
      async (services) => [
        await services.tests.run(given.connector, options, sweep, { signal: controller.signal }),
        databasePath === null ? null : services.paths.database,
      ],
    );
  } finally {
    process.off('SIGINT', onSignal);
  }
  if (values.json) printJson(io, result);
  else io.stdout(formatRun(result, recordedIn));
  return result.status === 'pass' ? EXIT.ok : EXIT.failed;
}
