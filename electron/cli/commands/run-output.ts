import type { CheckResult, RunResult } from '../../../shared/aws-test/result';

const MARK: Record<CheckResult['status'], string> = { pass: 'ok', fail: 'FAIL', skipped: '-' };

function checkLine(check: CheckResult): string[] {
  const timing = check.status === 'skipped' ? 'skipped' : `${check.durationMs} ms`;
  const head = `    ${MARK[check.status].padEnd(5)}${check.name.padEnd(25)}${timing.padStart(9)}${check.requestId ? `  request ${check.requestId}` : ''}`;
  if (!check.error || check.error.class === 'cancelled') return [head];
  return [head, `         ${check.error.code} [${check.error.class}]: ${check.error.message}`, `         Fix: ${check.error.fix}`];
}

function recordingNote(result: RunResult, database: string): string {
  switch (result.recording?.status) {
    case 'recorded':
      return `recorded in ${database}`;
    case 'not_recorded':
      return 'NOT recorded, see below';
    default:
      return 'not recorded';
  }
}

/** Text for a terminal: one block per region (a line per region in a sweep, details for failures), then findings. */
export function formatRun(result: RunResult, database: string): string {
  const c = result.connector;
  const lines = [`${c.identifier} (${c.credentialType}, test region ${c.testRegion}${c.crossAccount ? ', cross-account' : ''})`, ''];
  for (const region of result.regions) {
    const who = region.identity ? `  ${region.identity.arn}` : '';
    lines.push(`  ${region.region.padEnd(16)}${region.status.toUpperCase().padEnd(8)}${who}`);
    const showChecks = result.kind === 'test' || region.status === 'fail';
    if (showChecks) lines.push(...region.checks.flatMap(checkLine));
  }
  if (result.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const finding of result.findings) lines.push(`  ${finding.severity.padEnd(8)}${finding.title}`, `          Fix: ${finding.fix}`);
  }
  const outcome = result.cancelled ? 'CANCELLED' : result.status === 'pass' ? 'PASS' : 'FAIL';
  lines.push('', `${outcome} in ${result.durationMs} ms (run ${result.runId}, ${recordingNote(result, database)})`, '');
  return lines.join('\n');
}
