// The flags awb test and awb sweep share, apart from their implementation so --help and completion load nothing else.

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
  report: { type: 'string' },
} as const;

export const RUN_HINTS = { connector: 'file', 'web-identity-token-file': 'file', db: 'file', report: 'file' } as const;

export const RUN_FLAGS_USAGE = [
  '  --connector <file>            Harness connector YAML (or JSON) to test (required)',
  "  --region <region>             Test in this region instead of the connector's Test Region",
  '  --endpoint-url <url>          Send STS and EC2 calls here (VPC endpoint, emulator), for every region',
  '  --secret-key-stdin            Read the secret key from the first line of standard input and an optional',
  '                                session token from the second, instead of the keychain entry secretKeyRef names',
  '  --profile <name>              InheritFromDelegate: use this profile of the shared AWS config',
  '  --role-arn <arn>              Irsa: the role to assume (default: AWS_ROLE_ARN)',
  '  --web-identity-token-file <f> Irsa: the token file (default: AWS_WEB_IDENTITY_TOKEN_FILE). OidcAuthentication:',
  '                                a file holding a Harness OIDC token (required): its claims are shown first, the',
  '                                token is used for this run only and never stored, printed or recorded',
  '  --fips                        Use the FIPS endpoints',
  '  --timeout-ms <n>              Timeout of each step (default 10000)',
  '  --json                        Print one JSON object (schemaVersion 1) instead of text',
  "  --db <path>                   Record the run in this SQLite file (default: the app's history)",
  '  --no-history                  Do not record the run',
  '  --report <file>               Also write the run as a report: .json, .html, .md or .pdf (see awb report)',
  '',
  'HTTPS_PROXY, NO_PROXY and AWS_CA_BUNDLE are honoured. Ctrl-C, SIGTERM or SIGHUP cancels; the partial run',
  'is recorded. A run shows in history as running while it runs; one whose process was killed shows as',
  'interrupted. A run that cannot be recorded (history locked, read-only or on a full disk) is still printed;',
  'why goes to standard error with the fix, and the exit code is the run’s own.',
  'Exit codes: 0 every check passed, 1 a check failed (or the run was cancelled), 2 bad usage or input.',
].join('\n');
