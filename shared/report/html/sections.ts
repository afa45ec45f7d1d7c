import type { Artifact } from '../../delegate/results';
import type { Finding as DoctorFinding } from '../../doctor/schema';
import { INPUT_KIND_LABELS } from '../../doctor/schema';
import {
  CHECK_LABELS,
  checkColumns,
  checkDetail,
  checkLook,
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
} from '../present';
import type { DelegateSection, DoctorSection, PolicySection, ReportSection, RunSection } from '../schema';
import { badge, esc, icon, text } from './escape';

/** One HTML fragment per section kind; every value from the report goes through `text`. */

const join = (parts: readonly string[]): string => parts.join('');

function facts(rows: ReadonlyArray<readonly [string, string | null]>): string {
  const items = rows.filter((row): row is readonly [string, string] => row[1] !== null && row[1] !== '');
  return `<dl class="facts">${join(items.map(([term, value]) => `<div><dt>${esc(term)}</dt><dd>${text(value)}</dd></div>`))}</dl>`;
}

function head(kicker: string, title: string, status?: string): string {
  return `<header class="section-head"><p class="kicker">${esc(kicker)}</p><h2>${text(title)}</h2>${status ?? ''}</header>`;
}

function matrix(run: RunSection['run']): string {
  const { result } = run;
  const columns = checkColumns(result);
  const header = `<tr><th scope="col">Region</th>${join(columns.map((name) => `<th scope="col">${esc(CHECK_LABELS[name])}</th>`))}</tr>`;
  const body = partitionGroups(result).map((group) => {
    const title = `<tr class="group"><th colspan="${columns.length + 1}" scope="rowgroup">${text(group.label)} · ${esc(plural(group.regions.length, 'region'))}</th></tr>`;
    const rows = group.regions.map((region) => {
      const cells = columns.map((name) => {
        const check = region.checks.find((c) => c.name === name);
        const look = checkLook(check);
        const detail = checkDetail(check);
        return `<td class="cell ${look.tone}">${icon(look.tone)}<span class="word">${esc(look.word)}</span><span class="detail">${text(detail)}</span></td>`;
      });
      return `<tr><th scope="row" class="mono">${text(region.region)}</th>${join(cells)}</tr>`;
    });
    return `<tbody>${title}${join(rows)}</tbody>`;
  });
  return `<table class="matrix"><thead>${header}</thead>${join(body)}</table>`;
}

function failures(run: RunSection['run']): string {
  const groups = failureGroups(run.result);
  if (groups.length === 0) return '';
  const items = groups.map(
    (g) => `<li class="failure">
<p class="failure-title">${badge('fail', CHECK_LABELS[g.check])} <span class="class mono">${text(g.errorClass)}</span> <span class="code mono">${text(g.code)}</span></p>
<p class="where">${esc(g.regions.length === 1 ? 'In' : `In ${g.regions.length} regions:`)} <span class="mono">${text(g.regions.join(', '))}</span></p>
<pre class="message">${text(g.message)}</pre>
<p class="fix"><strong>Fix</strong> ${text(g.fix)}</p></li>`,
  );
  return `<h3>Failures</h3><ol class="failures">${join(items)}</ol>`;
}

function runFindings(run: RunSection['run']): string {
  if (run.result.findings.length === 0) return '';
  const items = run.result.findings.map(
    (f) =>
      `<li>${badge(SEVERITY_LOOK[f.severity].tone, SEVERITY_LOOK[f.severity].word)} <strong>${text(f.title)}</strong> <span class="class mono">${text(f.class)}</span><p class="fix">${text(f.fix)}</p></li>`,
  );
  return `<h3>Findings</h3><ul class="findings-list">${join(items)}</ul>`;
}

function keyValues(title: string, value: unknown): string {
  const rows = flatten(value);
  return `<div class="kv"><h4>${esc(title)}</h4><table class="plain">${join(
    rows.map(([key, item]) => `<tr><th scope="row" class="mono">${text(key)}</th><td class="mono">${text(item)}</td></tr>`),
  )}</table></div>`;
}

function runSection(section: RunSection): string {
  const { run } = section;
  const { result } = run;
  const look = runLook(result);
  const identity = result.regions.find((r) => r.identity)?.identity?.arn ?? null;
  return [
    head(runKicker(result), result.connector.identifier || result.runId, badge(look.tone, look.word)),
    `<p class="headline">${text(runHeadline(result))}</p>`,
    facts([
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
    `<h3>Regions</h3>`,
    matrix(run),
    failures(run),
    runFindings(run),
    `<h3>What was tested</h3><div class="kv-pair">${keyValues('Connector (secret references only)', run.connector)}${keyValues('Options', run.options)}</div>`,
  ].join('\n');
}

function doctorFinding(finding: DoctorFinding, rank: number, inputName: (i: number) => string): string {
  const severity = SEVERITY_LOOK[finding.severity];
  const evidence = finding.evidence.map(
    (e) => `<figure class="evidence"><figcaption>${text(inputName(e.input))}</figcaption><pre>${text(e.text)}</pre></figure>`,
  );
  const decide = finding.decidingFacts.map((fact) => `<li>${text(fact)}</li>`);
  const alternatives = finding.alternatives.map((a) => `<span class="mono">${text(a.class)}</span> ${Math.round(a.confidence * 100)}%`);
  return `<li class="finding ${finding.severity}">
<div class="finding-head"><span class="rank">${rank}</span><h3>${text(finding.title)}</h3>${badge(severity.tone, severity.word)}<span class="confidence">${Math.round(finding.confidence * 100)}% sure</span></div>
<p class="class mono">${text(finding.class)}</p>
<p class="explanation">${text(finding.explanation)}</p>
${evidence.length > 0 ? `<h4>Evidence</h4>${join(evidence)}` : ''}
${finding.fix.length > 0 ? `<h4>Fix</h4><ol class="steps">${join(finding.fix.map((step) => `<li>${text(step)}</li>`))}</ol>` : ''}
${decide.length > 0 ? `<h4>What would decide it</h4><ul>${join(decide)}</ul>` : ''}
${alternatives.length > 0 ? `<p class="alternatives"><strong>Also possible:</strong> ${alternatives.join(', ')}</p>` : ''}
</li>`;
}

function doctorSection(section: DoctorSection): string {
  const { inputs, findings } = section.result;
  const inputName = (i: number) => inputs[i]?.name ?? `input ${i + 1}`;
  const rows = inputs.map(
    (input) =>
      `<tr><td>${text(input.name)}</td><td>${esc(INPUT_KIND_LABELS[input.kind])}</td><td>${text(input.summary)}</td><td class="num">${esc(input.chars.toLocaleString('en-US'))}${input.truncated ? ' (first part read)' : ''}</td></tr>`,
  );
  const headline =
    findings.length === 0
      ? 'No known AWS credential failure or configuration problem in these inputs.'
      : `${plural(findings.length, 'finding')} from ${plural(inputs.length, 'input')}; most likely first.`;
  return [
    head('Doctor', 'Diagnosis'),
    `<p class="headline">${esc(headline)}</p>`,
    `<h3>Inputs</h3><table class="data"><thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">What was read</th><th scope="col" class="num">Characters</th></tr></thead><tbody>${join(rows)}</tbody></table>`,
    findings.length > 0 ? `<ol class="findings">${join(findings.map((f, i) => doctorFinding(f, i + 1, inputName)))}</ol>` : '',
  ].join('\n');
}

function policySection(section: PolicySection): string {
  const { result, checked } = section;
  const { allowed, denied, skipped } = result.summary;
  const policies = section.policies.map((p) => `<tr><td>${text(p.name)}</td><td>${esc(p.kind)}</td></tr>`);
  const verdicts = result.results.map((v) => {
    const look = DECISION_LOOK[v.decision];
    const decidedBy = [v.policy, v.statement ? `statement ${v.statement}` : null].filter(Boolean).join(' · ');
    return `<tr><td class="mono">${text(v.action)}</td><td>${badge(look.tone, look.word)}</td><td>${text(decidedBy || '—')}</td><td>${text(v.reason)}</td></tr>`;
  });
  const lint = result.lint.map(
    (l) =>
      `<li>${badge(l.severity === 'error' ? 'fail' : 'warn', l.severity === 'error' ? 'Error' : 'Warning')} <code>${text(l.path)}</code> ${text(l.message)}</li>`,
  );
  return [
    head('Policy check', 'IAM policy check', badge(denied > 0 ? 'fail' : 'pass', denied > 0 ? 'Denied' : 'Allowed')),
    `<p class="headline">${esc(`${allowed} allowed, ${denied} denied${skipped > 0 ? `, ${skipped} not evaluated` : ''}.`)}</p>`,
    facts([
      ['Use cases', checked.useCases.join(', ') || 'None chosen'],
      ['Region', checked.region],
      ['Resource', checked.resource ?? 'Any resource (*)'],
      ['Service account', checked.serviceAccount],
    ]),
    `<h3>Policies</h3><table class="data"><thead><tr><th scope="col">Name</th><th scope="col">Kind</th></tr></thead><tbody>${join(policies)}</tbody></table>`,
    verdicts.length > 0
      ? `<h3>Verdicts</h3><table class="data verdicts"><thead><tr><th scope="col">Action</th><th scope="col">Decision</th><th scope="col">Decided by</th><th scope="col">Why</th></tr></thead><tbody>${join(verdicts)}</tbody></table>`
      : '',
    lint.length > 0 ? `<h3>Lint</h3><ul class="lint">${join(lint)}</ul>` : '',
  ].join('\n');
}

function artifact(item: Artifact): string {
  const body =
    item.text === null
      ? `<p class="muted">Not generated: it needs ${text(item.needs.join(', '))}.</p>`
      : `<pre class="code">${text(item.text)}</pre>`;
  return `<figure class="artifact"><figcaption>${text(item.title)} <span class="mono muted">${text(item.fileName)}</span></figcaption>${body}</figure>`;
}

function delegateSection(section: DelegateSection): string {
  const errors = section.problems.filter((p) => p.severity === 'error').length;
  const changes = section.changes.map((change) => `<li>${text(change)}</li>`);
  const problems = section.problems.map(
    (p) =>
      `<li>${badge(p.severity === 'error' ? 'fail' : 'warn', p.severity === 'error' ? 'Error' : 'Warning')} ${p.line ? `<span class="mono muted">line ${p.line}</span> ` : ''}${text(p.message)}<p class="fix"><strong>Fix</strong> ${text(p.fix)}</p></li>`,
  );
  return [
    head(
      'Delegate YAML',
      section.mechanism === 'irsa' ? 'IRSA setup' : 'Pod Identity setup',
      badge(errors > 0 ? 'fail' : 'pass', errors > 0 ? `${plural(errors, 'error')}` : 'Valid'),
    ),
    `<h3>Changes</h3>${changes.length > 0 ? `<ul>${join(changes)}</ul>` : '<p class="muted">The manifest already has every change.</p>'}`,
    `<h3>Validation</h3>${problems.length > 0 ? `<ul class="problems">${join(problems)}</ul>` : '<p class="muted">No problems found.</p>'}`,
    `<h3>Generated</h3>${artifact(section.trustPolicy)}${artifact(section.permissionPolicy)}${artifact(section.commands)}`,
  ].join('\n');
}

export function sectionHtml(section: ReportSection, id: string): string {
  const inner =
    section.type === 'run'
      ? runSection(section)
      : section.type === 'doctor'
        ? doctorSection(section)
        : section.type === 'policy'
          ? policySection(section)
          : delegateSection(section);
  return `<section class="section ${section.type}" id="${id}">\n${inner}\n</section>`;
}
