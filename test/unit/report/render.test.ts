import { describe, expect, it } from 'vitest';
import { createReport, NO_MASKS } from '../../../shared/report/build';
import { renderHtml } from '../../../shared/report/html';
import { renderMarkdown } from '../../../shared/report/markdown';
import { reportSchema, type Report } from '../../../shared/report/schema';
import { delegateSection, doctorResult, policySection, runDetail } from './fixtures';
import { hostileReport } from './hostile';

const report = (): Report =>
  createReport(
    {
      runs: [runDetail()],
      sections: [{ type: 'doctor', result: doctorResult }, policySection, delegateSection],
      appVersion: '0.1.0',
      createdAt: '2026-12-03T10:30:00.000Z',
    },
    NO_MASKS,
  );

/** The elements and attributes the HTML renderer writes; anything else in its output came from the report. */
const ELEMENTS = new Set(
  'html head meta title style body main article header p h1 h2 h3 h4 dl div dt dd ul ol li nav a section span svg path table thead tbody tr th td pre code strong figure figcaption footer mark'.split(
    ' ',
  ),
);
const ATTRIBUTES = new Set(
  'lang charset http-equiv content name class id title href aria-label aria-hidden focusable viewbox width height d colspan scope role data-scheme'.split(
    ' ',
  ),
);

/** Every tag and attribute of the document (the renderer writes simple tags, so a pattern reads them). */
function tagsOf(html: string): Array<{ name: string; attributes: Array<[string, string]> }> {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((match) => ({
    name: match[1]!.toLowerCase(),
    attributes: [...(match[2] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(
      (a) => [a[1]!.toLowerCase(), a[2] ?? ''] as [string, string],
    ),
  }));
}

const styleOf = (html: string): string => html.slice(html.indexOf('<style>'), html.indexOf('</style>'));

describe('the HTML report', () => {
  it('is one self-contained file: no script, no external URL in any attribute or in its style', () => {
    const html = renderHtml(report());
    const tags = tagsOf(html);
    expect(tags.filter((t) => !ELEMENTS.has(t.name)).map((t) => t.name)).toEqual([]);
    const attributes = tags.flatMap((t) => t.attributes);
    expect(attributes.filter(([name]) => !ATTRIBUTES.has(name)).map(([name]) => name)).toEqual([]);
    expect(attributes.filter(([name, value]) => name === 'href' && !value.startsWith('#'))).toEqual([]);
    expect(attributes.filter(([, value]) => /:\/\/|url\(/i.test(value))).toEqual([]);
    expect(styleOf(html)).not.toMatch(/url\(|@import|:\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('shows the region matrix with an icon and a word per status, failures with their fix, and numbered fixes', () => {
    const html = renderHtml(report());
    expect(html.match(/<td class="cell pass"><svg/g)).toHaveLength(34 * 4 + 2);
    expect(html).toContain('<span class="word">Failed</span><span class="detail">region not enabled</span>');
    expect(html).toContain('34 passed, 2 failed of 36 regions: region not enabled (2).');
    expect(html).toContain('In 2 regions:');
    expect(html).toMatch(/<ol class="steps"><li>Re-create the Harness secret/);
    expect(html).toContain('<mark class="redacted" title="Access key ID shortened">AKIA…MPLE</mark>');
  });

  it('renders a hostile report as inert text', () => {
    const hostile = hostileReport(report());
    reportSchema.parse(hostile);
    const html = renderHtml(hostile);
    const tags = tagsOf(html);
    expect(tags.filter((t) => !ELEMENTS.has(t.name)).map((t) => t.name)).toEqual([]);
    expect(tags.flatMap((t) => t.attributes).filter(([name]) => !ATTRIBUTES.has(name))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;`');
    expect(html.split('&lt;script&gt;').length).toBeGreaterThan(40);
  });
});

describe('the Markdown report', () => {
  it('reads as a ticket: summary, tables, failures, findings, fixes, collapsible details', () => {
    const md = renderMarkdown(report());
    expect(md.startsWith('# Sweep of prod\\_aws\\_deploy \\(36 regions\\), Doctor diagnosis, Policy check, Delegate IRSA setup\n')).toBe(
      true,
    );
    expect(md).toContain('**34 passed, 2 failed of 36 regions: region not enabled \\(2\\).**');
    expect(md).toContain('| `me-south-1` | ✅ Passed 2 ms | ❌ Failed region not enabled | ➖ Skipped | ➖ Skipped |');
    expect(md).toContain('<details>\n<summary>All 36 regions</summary>');
    expect(md).toContain('1. Re-create the Harness secret used as Secret Key \\(secretKeyRef\\)');
    expect(md).toContain('| `ecr:GetAuthorizationToken` | ❌ Denied \\(explicit\\) | scp deny-ecr · statement \\#1 |');
  });

  it('renders a hostile report as inert text: no HTML but its own, no link, no fence a value can close', () => {
    const md = renderMarkdown(hostileReport(report()));
    const lines = md.split('\n');
    // Fences open and close in pairs of equal length, so a value's ``` stays inside its block.
    const fenceAt = lines.flatMap((line, i) => (/^`{3,}/.test(line) ? [i] : []));
    for (let i = 0; i < fenceAt.length; i += 2) {
      expect(lines[fenceAt[i + 1]!]?.replace(/[^`]/g, '')).toBe(lines[fenceAt[i]!]!.replace(/[^`]/g, ''));
    }
    const outside = lines.filter((_, i) => fenceAt.filter((at) => at <= i).length % 2 === 0);
    const ours = /^<\/?(details|summary)>$|^<summary>[^<]*<\/summary>$/;
    expect(outside.filter((line) => /<[a-zA-Z/!]/.test(line) && !ours.test(line))).toEqual([]);
    expect(outside.join('\n')).not.toMatch(/(?<!\\)\]\(/);
    expect(md).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
  });
});
