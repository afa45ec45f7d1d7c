import type { Artifact } from '../delegate/results';
import { INPUT_KIND_LABELS } from '../doctor/schema';
import { redactionLines } from './html';
import {
  CHECK_LABELS,
  checkColumns,
  checkDetail,
  checkLook,
  contentsLine,
  DECISION_LOOK,
  failureGroups,
  flatten,
  formatDuration,
  formatInstant,
  partitionGroups,
  plural,
  runHeadline,
  runKicker,
  runLook,
  runSource,
  SEVERITY_LOOK,
  sectionTitle,
  type Tone,
} from './present';
import type { DelegateSection, DoctorSection, PolicySection, Report, ReportSection, RunSection } from './schema';

/**
 * GitHub-flavoured Markdown for a ticket (Zendesk, Jira, GitHub): a summary first, tables, findings
 * and numbered fixes, the long parts collapsible. Every value is escaped for where it lands (a
 * paragraph, a table cell, a code block, an HTML summary), so a hostile report is inert text.
 */

/** Punctuation that starts Markdown syntax inline; `<`, `>` and `&` become entities so no HTML forms. */
const INLINE = /[\\`*_{}[\]()#+!|~<>&]/g;
const INLINE_ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Inline text: one line, every syntax character escaped. */
export function md(value: string | number): string {
  return String(value)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE, (char) => INLINE_ENTITIES[char] ?? `\\${char}`);
}

/**
 * Inline code for identifiers (regions, classes, ARNs). Text with a character that some ticket
 * systems would still read inside code (`<`, `&`, a table's `|`) or a backtick is escaped text instead.
 */
function code(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  if (line === '') return '';
  return /[<>&|`]/.test(line) ? md(line) : `\`${line}\``;
}

/** The longest run of `char` in the text: one linear pass. */
function longestRun(value: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of value) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** A fenced code block whose fence no line of the text can close. */
function block(value: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(value, '`') + 1));
  return `${fence}${language}\n${value.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/**
 * Text for raw HTML (a `<summary>`): the HTML characters as entities, and Markdown's too, for the
 * renderers that read Markdown inside HTML after all.
 */
function html(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[&<>"'[\]()`*_|~]/g, (char) => `&#${char.charCodeAt(0)};`);
}

const EMOJI: Readonly<Record<Tone, string>> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '➖', info: 'ℹ️' };
const status = (tone: Tone, word: string): string => `${EMOJI[tone]} ${md(word)}`;

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function details(summary: string, body: string): string {
  return `<details>\n<summary>${html(summary)}</summary>\n\n${body}\n\n</details>`;
}

function factsTable(rows: ReadonlyArray<readonly [string, string | null]>): string {
  const kept = rows.filter((row): row is readonly [string, string] => row[1] !== null && row[1] !== '');
  return table(
    ['', ''],
    kept.map(([term, value]) => [`**${md(term)}**`, md(value)]),
  );
}

function matrix(run: RunSection['run']): string {
  const { result } = run;
  const columns = checkColumns(result);
  const rows = partitionGroups(result).flatMap((group) => [
    [`**${md(group.label)}**`, ...columns.map(() => '')],
    ...group.regions.map((region) => [
      code(region.region),
      ...columns.map((name) => {
        const check = region.checks.find((c) => c.name === name);
        const look = checkLook(check);
        const detail = checkDetail(check);
        return `${status(look.tone, look.word)}${detail ? ` ${md(detail)}` : ''}`;
      }),
    ]),
  ]);
  return table(['Region', ...columns.map((name) => CHECK_LABELS[name])], rows);
}

function runSection(section: RunSection): string[] {
  const { run } = section;
  const { result } = run;
  const look = runLook(result);
  const identity = result.regions.find((r) => r.identity)?.identity?.arn ?? null;
  const failures = failureGroups(result).map((g, i) =>
    [
      `**${i + 1}. ${md(CHECK_LABELS[g.check])}** · ${code(g.errorClass)} · ${code(g.code)} · ${g.regions.length === 1 ? 'in' : `in ${g.regions.length} regions:`} ${g.regions.map(code).join(', ')}`,
      '',
      block(g.message),
      '',
      `**Fix:** ${md(g.fix)}`,
    ].join('\n'),
  );
  const findings = result.findings.map(
    (f) =>
      `- ${status(SEVERITY_LOOK[f.severity].tone, SEVERITY_LOOK[f.severity].word)} **${md(f.title)}** (${code(f.class)}): ${md(f.fix)}`,
  );
  const regions = matrix(run);
  const tested = [
    factsTable(flatten(run.connector).map(([k, v]) => [`connector.${k}`, v] as const)),
    '',
    factsTable(flatten(run.options).map(([k, v]) => [`options.${k}`, v] as const)),
  ].join('\n');
  return [
    `## ${EMOJI[look.tone]} ${md(runKicker(result))}: ${md(result.connector.identifier || result.runId)} (${md(look.word)})`,
    `**${md(runHeadline(result))}**`,
    factsTable([
      ['Run ID', result.runId],
      ['Started', formatInstant(result.startedAt)],
      ['Duration', formatDuration(result.durationMs)],
      ['Credential type', result.connector.credentialType],
      ['Test Region', result.connector.testRegion],
      ['Cross-account', result.connector.crossAccount ? 'Yes' : 'No'],
      ['Identity', identity],
      ['App version', run.appVersion],
      ['Source', runSource(run)],
    ]),
    ...(failures.length > 0 ? ['### Failures', ...failures] : []),
    ...(findings.length > 0 ? ['### Findings', findings.join('\n')] : []),
    result.regions.length > 8 ? details(`All ${result.regions.length} regions`, regions) : `### Regions\n\n${regions}`,
    details('What was tested (connector with secret references only, and options)', tested),
  ];
}

function doctorSection(section: DoctorSection): string[] {
  const { inputs, findings } = section.result;
  const inputName = (i: number) => inputs[i]?.name ?? `input ${i + 1}`;
  const items = findings.map((f, i) => {
    const severity = SEVERITY_LOOK[f.severity];
    const evidence = f.evidence.map((e) => `- ${md(inputName(e.input))}: ${code(e.text)}`);
    return [
      `### ${i + 1}. ${md(f.title)}`,
      `${status(severity.tone, severity.word)} · ${code(f.class)} · ${Math.round(f.confidence * 100)}% sure`,
      '',
      md(f.explanation),
      ...(evidence.length > 0 ? ['', '**Evidence**', '', ...evidence] : []),
      ...(f.fix.length > 0 ? ['', '**Fix**', '', ...f.fix.map((step, n) => `${n + 1}. ${md(step)}`)] : []),
      ...(f.decidingFacts.length > 0 ? ['', '**What would decide it**', '', ...f.decidingFacts.map((fact) => `- ${md(fact)}`)] : []),
      ...(f.alternatives.length > 0
        ? ['', `**Also possible:** ${f.alternatives.map((a) => `${code(a.class)} ${Math.round(a.confidence * 100)}%`).join(', ')}`]
        : []),
    ].join('\n');
  });
  const headline =
    findings.length === 0
      ? 'No known AWS credential failure or configuration problem in these inputs.'
      : `${plural(findings.length, 'finding')} from ${plural(inputs.length, 'input')}; most likely first.`;
  return [
    '## Doctor diagnosis',
    `**${md(headline)}**`,
    table(
      ['Input', 'Kind', 'What was read', 'Characters'],
      inputs.map((input) => [
        md(input.name),
        md(INPUT_KIND_LABELS[input.kind]),
        md(input.summary),
        `${input.chars}${input.truncated ? ' (first part read)' : ''}`,
      ]),
    ),
    ...items,
  ];
}

function policySection(section: PolicySection): string[] {
  const { result, checked } = section;
  const { allowed, denied, skipped } = result.summary;
  const verdicts = result.results.map((v) => {
    const look = DECISION_LOOK[v.decision];
    const decidedBy = [v.policy, v.statement ? `statement ${v.statement}` : null].filter(Boolean).join(' · ');
    return [code(v.action), status(look.tone, look.word), md(decidedBy || '—'), md(v.reason)];
  });
  const lint = result.lint.map(
    (l) =>
      `- ${status(l.severity === 'error' ? 'fail' : 'warn', l.severity === 'error' ? 'Error' : 'Warning')} ${code(l.path)}: ${md(l.message)}`,
  );
  return [
    `## ${denied > 0 ? EMOJI.fail : EMOJI.pass} Policy check`,
    `**${md(`${allowed} allowed, ${denied} denied${skipped > 0 ? `, ${skipped} not evaluated` : ''}.`)}**`,
    factsTable([
      ['Use cases', checked.useCases.join(', ') || 'None chosen'],
      ['Region', checked.region],
      ['Resource', checked.resource ?? 'Any resource (*)'],
      ['Service account', checked.serviceAccount],
      ['Policies', section.policies.map((p) => `${p.name} (${p.kind})`).join(', ')],
    ]),
    ...(verdicts.length > 0 ? ['### Verdicts', table(['Action', 'Decision', 'Decided by', 'Why'], verdicts)] : []),
    ...(lint.length > 0 ? ['### Lint', lint.join('\n')] : []),
  ];
}

function artifact(item: Artifact): string {
  const body = item.text === null ? `Not generated: it needs ${md(item.needs.join(', '))}.` : block(item.text);
  return details(`${item.title} (${item.fileName})`, body);
}

function delegateSection(section: DelegateSection): string[] {
  const errors = section.problems.filter((p) => p.severity === 'error').length;
  const problems = section.problems.map(
    (p) =>
      `- ${status(p.severity === 'error' ? 'fail' : 'warn', p.severity === 'error' ? 'Error' : 'Warning')}${p.line ? ` (line ${p.line})` : ''} ${md(p.message)} **Fix:** ${md(p.fix)}`,
  );
  return [
    `## ${errors > 0 ? EMOJI.fail : EMOJI.pass} ${md(sectionTitle(section))}`,
    '### Changes',
    section.changes.length > 0 ? section.changes.map((c) => `- ${md(c)}`).join('\n') : 'The manifest already has every change.',
    '### Validation',
    problems.length > 0 ? problems.join('\n') : 'No problems found.',
    '### Generated',
    artifact(section.trustPolicy),
    artifact(section.permissionPolicy),
    artifact(section.commands),
  ];
}

function sectionMarkdown(section: ReportSection): string[] {
  if (section.type === 'run') return runSection(section);
  if (section.type === 'doctor') return doctorSection(section);
  if (section.type === 'policy') return policySection(section);
  return delegateSection(section);
}

export function renderMarkdown(report: Report): string {
  const head = [
    `# ${md(report.title)}`,
    `**AWS Connector Workbench report** · created ${md(formatInstant(report.createdAt))} · app ${md(report.appVersion)} · ${md(contentsLine(report))}`,
    `> **Redacted before sharing.** ${redactionLines(report).map(md).join(' · ')}`,
  ];
  const sections = report.sections.map((section) => sectionMarkdown(section).join('\n\n'));
  return `${[head.join('\n\n'), ...sections].join('\n\n---\n\n')}\n`;
}
