import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../shared/history/detail';
import { redactSecretsOnly } from '../../../shared/report/redact/redactor';
import type { ImportedReport, Report } from '../../../shared/report/schema';
import { CHROMIUM_PATH, checkRequirement, chromiumRequirement } from '../../helpers/requirements';
import { delegateSection, doctorResult, policySection } from '../../unit/report/fixtures';
import { pdfText, reportApp, seedRuns, type ReportApp } from './helpers';

const chromium = checkRequirement('report PDF', chromiumRequirement());
process.env.CHROMIUM_PATH ??= CHROMIUM_PATH;

/** What importing may change in a run: that it is imported, from which report, and when. */
const IMPORT_FIELDS = { imported: false, importSource: null, importedAt: null };
const local = (run: RunDetail): RunDetail => ({ ...run, ...IMPORT_FIELDS });

describe('reports through the IPC router: build, save, import', () => {
  let app: ReportApp;
  let runIds: string[];
  const sections = [{ type: 'doctor', result: doctorResult }, policySection, delegateSection];

  beforeAll(() => {
    app = reportApp();
    runIds = seedRuns(app.services).map((r) => r.runId);
  });
  afterAll(() => app.dispose());

  const build = (redaction = {}) => app.call<Report>('reports.build', { runIds, sections, redaction });
  const save = (report: Report, format: string) => app.call<{ path: string; bytes: number }>('reports.save', { report, format });

  it('builds every section kind from history and from the window, and refuses ids history does not have', async () => {
    const report = await build();
    expect(report.sections.map((s) => s.type)).toEqual(['run', 'run', 'doctor', 'policy', 'delegate']);
    // As history shows it, with what always goes redacted (the key ID in the connector snapshot shortened).
    expect(report.sections[0]).toEqual({ type: 'run', run: redactSecretsOnly(app.services.history.show(runIds[0]!)) });
    const reply = await app.router.invoke('reports.build', { runIds: ['nope'] }, { url: 'app://workbench/index.html', isTopFrame: true });
    expect(reply).toMatchObject({ ok: false, error: { class: 'not_found', message: '1 of the 1 runs asked for is not in history.' } });
    expect(await app.router.invoke('reports.build', {}, { url: 'app://workbench/index.html', isTopFrame: true })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
  });

  it('saves JSON, HTML and Markdown where the host says (the data folder without a dialog), whole', async () => {
    const report = await build({ accounts: true });
    for (const format of ['json', 'html', 'md']) {
      const saved = await save(report, format);
      expect(saved.path.startsWith(join(app.services.paths.userData, 'reports'))).toBe(true);
      expect(statSync(saved.path).size).toBe(saved.bytes);
    }
    const again = await save(report, 'json');
    expect(again.path).toMatch(/-2\.json$/);
    expect(JSON.parse(readFileSync(again.path, 'utf8'))).toEqual(report);
  });

  it.skipIf(!chromium)(
    'prints the PDF from the same HTML with a local Chromium: regions, statuses and classes are in its text',
    async () => {
      const saved = await save(await build(), 'pdf');
      expect(readFileSync(saved.path).subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(saved.path);
      for (const word of [
        'us-east-1',
        'me-south-1',
        'sa-west-1',
        'Passed',
        'Failed',
        'Skipped',
        'region_not_enabled',
        'secret_key_mismatch',
        'Denied (explicit)',
      ]) {
        expect(text).toContain(word);
      }
      expect(text).toMatch(/Page 1 of \d/);
    },
  );

  it('names the fix and the other formats when no Chromium can be found', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const reply = await app.router.invoke(
        'reports.save',
        { report: await build(), format: 'pdf' },
        { url: 'app://workbench/index.html', isTopFrame: true },
      );
      expect(reply).toMatchObject({
        ok: false,
        error: {
          class: 'not_found',
          message: expect.stringContaining('CHROMIUM_PATH names /nonexistent/chromium'),
          fix: expect.stringMatching(/Install Chromium.*html.*md or json/),
        },
      });
    } finally {
      process.env.CHROMIUM_PATH = saved;
    }
  });

  it('round trip: JSON imported into an empty history and exported again has the same content; a second import adds nothing', async () => {
    const first = await build();
    const text = readFileSync((await save(first, 'json')).path, 'utf8');
    const other = reportApp();
    try {
      const imported = await other.call<ImportedReport>('reports.import', { text });
      expect(imported.runs).toEqual({ added: runIds, present: [] });
      expect(imported.report).toEqual(first);
      const shown = other.services.history.show(runIds[0]!)!;
      expect(shown).toMatchObject({ imported: true, importSource: `${first.title} (report of ${first.createdAt})` });
      expect(Date.parse(shown.importedAt!)).toBeGreaterThan(Date.parse(first.createdAt) - 1);
      // Only the three import fields differ from the run as it was exported.
      expect(local(shown)).toEqual(redactSecretsOnly(app.services.history.show(runIds[0]!)));
      expect(other.services.history.list({ imported: true }).total).toBe(2);

      const second = await other.call<Report>('reports.build', { runIds, sections: first.sections.slice(2) });
      const withoutImport = (report: Report) => report.sections.map((s) => (s.type === 'run' ? { ...s, run: local(s.run) } : s));
      expect(withoutImport(second)).toEqual(withoutImport(first));

      expect(await other.call<ImportedReport>('reports.import', { text })).toMatchObject({ runs: { added: [], present: runIds } });
      expect(other.services.history.list().total).toBe(2);
    } finally {
      other.dispose();
    }
  });

  it('a broken, oversized, deep or newer report gets a clear error and changes nothing', async () => {
    const report = await build();
    const other = reportApp();
    try {
      const cases = [
        JSON.stringify(report).slice(0, 1000),
        JSON.stringify({ ...report, schemaVersion: 7 }),
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        JSON.stringify({ ...report, sections: [...report.sections, { type: 'run', run: { result: {} } }] }),
      ];
      for (const text of cases) {
        const reply = await other.router.invoke('reports.import', { text }, { url: 'app://workbench/index.html', isTopFrame: true });
        expect(reply).toMatchObject({ ok: false, error: { class: 'invalid_input' } });
      }
      expect(existsSync(other.services.paths.database) ? other.services.history.list().total : 0).toBe(0);
    } finally {
      other.dispose();
    }
  });
});
