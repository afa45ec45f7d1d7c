import { testConnectorFrom } from '../../../shared/aws-test/from-connector';
import type { SweepOptions, TestConnector, TestOptions } from '../../../shared/aws-test/input';
import type { RunResult } from '../../../shared/aws-test/result';
import { formatPath, importConnectorYaml } from '../../../shared/connector';
import { isAppError } from '../../../shared/errors';
import { DEFAULT_KEYCHAIN_SERVICE } from '../../main/context';
import { AwsTestService } from '../../services/aws/test-service';
import { valueSecrets } from '../../services/aws/value-secrets';
import { openDatabase } from '../../services/history/database';
import { HistoryService } from '../../services/history/history-service';
import { migrations } from '../../services/history/migrations';
import { KeytarSecretStore } from '../../services/secrets/keytar-store';
import { requireFlag, type parseFlags } from '../args';
import { EXIT, UsageError, type CliIo } from '../command';
import { printJson, readInput, readStdin } from '../io';
import { historyDatabasePath } from '../user-data';
import { APP_VERSION } from '../version';
import { formatRun } from './run-output';

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
  return region ? { ...connector, testRegion: region } : connector;
}

/** With --secret-key-stdin the connector's references are answered from standard input. */
async function secretsFor(connector: TestConnector, fromStdin: boolean, keychain: KeytarSecretStore) {
  if (!fromStdin) return { connector, secrets: keychain };
  const [secret = '', token = ''] = (await readStdin()).split(/\r?\n/);
  if (!secret) throw new UsageError('--secret-key-stdin: standard input is empty; give the secret key on the first line.');
  if (!connector.manual) throw new UsageError('--secret-key-stdin only applies to ManualConfig connectors.');
  const tokenRef = connector.manual.sessionTokenRef ?? 'stdin_session_token';
  const values: Record<string, string> = { [connector.manual.secretKeyRef]: secret, ...(token ? { [tokenRef]: token } : {}) };
  const withToken = token ? { ...connector, manual: { ...connector.manual, sessionTokenRef: tokenRef } } : connector;
  return { connector: withToken, secrets: valueSecrets(values, keychain) };
}

export function millisecondsOf(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > max)
    throw new UsageError(`${flag} must be a whole number of milliseconds from 100 to ${max}, not "${value}".`);
  return n;
}

/** The part `awb test` and `awb sweep` share: read input, run with cancel on Ctrl-C, record, print, exit code. */
export async function runFromCli(values: RunValues, sweep: SweepOptions | undefined, io: CliIo): Promise<number> {
  if (values.db && values['no-history']) throw new UsageError('--db and --no-history exclude each other.');
  const options: TestOptions = {
    endpointUrl: values['endpoint-url'],
    profile: values.profile,
    irsaRoleArn: values['role-arn'],
    irsaTokenFile: values['web-identity-token-file'],
    fips: values.fips,
    timeoutMs: millisecondsOf('--timeout-ms', values['timeout-ms'], 300_000),
  };
  if (options.endpointUrl && !URL.canParse(options.endpointUrl))
    throw new UsageError(`--endpoint-url "${options.endpointUrl}" is not a URL.`);
  const keychain = new KeytarSecretStore({ service: DEFAULT_KEYCHAIN_SERVICE });
  const read = await secretsFor(
    readConnector(requireFlag(values, 'connector'), values.region),
    values['secret-key-stdin'] ?? false,
    keychain,
  );
  const dbPath = values['no-history'] ? null : historyDatabasePath(values.db);
  const db = dbPath ? openDatabase(dbPath, { migrations }) : null;
  const service = new AwsTestService({
    secrets: read.secrets,
    history: db ? new HistoryService(db) : null,
    appVersion: APP_VERSION,
    env: process.env,
  });
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  let result: RunResult;
  try {
    result = await service.run(read.connector, options, sweep, { signal: controller.signal });
  } catch (error) {
    if (isAppError(error)) throw new UsageError(`${error.value.message} ${error.value.fix}`);
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
    db?.close();
  }
  if (values.json) printJson(io, result);
  else io.stdout(formatRun(result, dbPath));
  return result.status === 'pass' ? EXIT.ok : EXIT.failed;
}
