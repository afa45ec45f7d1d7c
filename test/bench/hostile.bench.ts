import { readFileSync } from 'node:fs';
import { diagnose } from '../../electron/services/doctor/diagnose';
import { redactSecrets } from '../../shared/redact';
import { medianMs, type BenchResult } from './bench';

/** `unit` repeated to exactly `chars` characters. */
function filled(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

const LOG_LINE = '2024-05-14 10:22:31,114 [delegate-task-3] INFO io.harness.delegate.task ordinary line in us-east-1, no error here\n';
const FAILURE = '\nERROR InvalidClientTokenId: The security token included in the request is invalid.\n';

/**
 * The slowest hostile input against a plain one of the same size, each timed by its median: linear
 * work gives a ratio near 1 whatever the content, the old quadratic patterns gave thousands.
 */
async function worstAgainstPlain(
  name: string,
  plain: string,
  hostile: Readonly<Record<string, string>>,
  work: (text: string) => unknown,
): Promise<BenchResult> {
  const plainMs = await medianMs(() => work(plain), 5);
  const timed: { input: string; ms: number }[] = [];
  for (const [input, text] of Object.entries(hostile)) timed.push({ input, ms: await medianMs(() => work(text), 5) });
  const worst = timed.reduce((a, b) => (b.ms > a.ms ? b : a));
  const size = `${(plain.length / 1024 / 1024).toFixed(0)} MB`;
  return {
    name,
    ratio: worst.ms / plainMs,
    detail:
      `worst: ${worst.input}, median ${worst.ms.toFixed(1)} ms vs ${plainMs.toFixed(1)} ms for ${size} of plain log; ` +
      timed.map((t) => `${t.input} ${t.ms.toFixed(1)} ms`).join(', '),
  };
}

/** 1 MB of the texts that made the redaction regexes backtrack, against 1 MB of log lines. */
function benchRedaction(): Promise<BenchResult> {
  const size = 1024 * 1024;
  return worstAgainstPlain(
    'redaction, worst hostile 1 MB vs plain 1 MB',
    filled(LOG_LINE, size),
    {
      'dash-separated words': filled('a-', size),
      'eyJ fragments': filled('eyJ-', size),
      'key-name prefixes': filled('token-', size),
      '99-character base64 runs': filled(`${'A'.repeat(99)}-`, size),
      'unfinished JWTs': filled('eyJaaaaaaaa.aaaaaaaa-', size),
    },
    (text) => redactSecrets(text),
  );
}

/** 10 MB inputs that made the Doctor parse or redact at full size, against a 10 MB log. */
function benchDoctor(): Promise<BenchResult> {
  const size = 10 * 1024 * 1024;
  const fixture = readFileSync(new URL('../fixtures/delegate/harness-delegate.yaml', import.meta.url), 'utf8');
  const configMap = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  value: "${'x'.repeat(1000)}"\n`;
  const dumpHead = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: harness-delegate-ng\n';
  return worstAgainstPlain(
    'doctor, worst hostile 10 MB input vs plain 10 MB log',
    filled(LOG_LINE, size - FAILURE.length) + FAILURE,
    {
      'delegate manifests': filled(`---\n${fixture}`, size),
      'cluster dump, delegate last': `${dumpHead}${filled(configMap, size - dumpHead.length - fixture.length - 4)}---\n${fixture}`,
      'log of dash-separated words': filled('a-', size - FAILURE.length) + FAILURE,
      'JSON array of events': JSON.stringify(Array.from({ length: 250_000 }, (_, i) => ({ eventName: 'AssumeRole', i }))).padEnd(size),
    },
    (text) => diagnose([{ name: 'input', text }]),
  );
}

/** Hostile inputs as a time ratio to plain ones of the same size, for redaction and for the whole Doctor. */
export async function benchHostileInputs(): Promise<BenchResult[]> {
  return [await benchRedaction(), await benchDoctor()];
}
