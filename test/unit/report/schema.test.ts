import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createReport, NO_MASKS } from '../../../shared/report/build';
import { parseReport } from '../../../shared/report/parse';
import { REPORT_LIMITS, reportSchema } from '../../../shared/report/schema';
import { delegateSection, doctorResult, policySection, runDetail } from './fixtures';

/** The checked-in JSON Schema is generated from the zod model; AWB_UPDATE_GENERATED=1 rewrites it (then run prettier on it). */
const update = process.env.AWB_UPDATE_GENERATED === '1';
const schemaFile = new URL('../../../shared/report/report.schema.json', import.meta.url);

const full = () =>
  createReport(
    {
      runs: [runDetail()],
      sections: [{ type: 'doctor', result: doctorResult }, policySection, delegateSection],
      appVersion: '0.1.0',
      createdAt: '2026-12-03T10:30:00.000Z',
    },
    NO_MASKS,
  );

describe('the report model', () => {
  it('report.schema.json is the JSON Schema of reportSchema', () => {
    const generated = z.toJSONSchema(reportSchema, { io: 'output' });
    if (update) writeFileSync(schemaFile, `${JSON.stringify(generated, null, 2)}\n`);
    else expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(generated);
  });

  it('holds every section kind, versioned, with the app version, the time and the redactions applied', () => {
    const report = full();
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ kind: 'awb-report', schemaVersion: 1, appVersion: '0.1.0', createdAt: '2026-12-03T10:30:00.000Z' });
    expect(report.sections.map((s) => s.type)).toEqual(['run', 'doctor', 'policy', 'delegate']);
    expect(report.redaction).toEqual({ options: NO_MASKS, applied: [{ rule: 'accessKeyIds', count: 3 }] });
    expect(report.title).toBe('Sweep of prod_aws_deploy (36 regions), Doctor diagnosis, Policy check, Delegate IRSA setup');
  });

  it('reads back what it wrote, and refuses broken, oversized, deep, foreign and newer reports with a clear message', () => {
    const report = full();
    expect(parseReport(JSON.stringify(report))).toEqual({ ok: true, report });
    const refused = (text: string) => {
      const parsed = parseReport(text);
      if (parsed.ok) throw new Error('accepted');
      expect(parsed.error.class).toBe('invalid_input');
      return parsed.error.message;
    };
    expect(refused(JSON.stringify(report).slice(0, -10))).toMatch(/does not parse as JSON/);
    expect(refused(' '.repeat(REPORT_LIMITS.maxChars + 1))).toMatch(/larger than 64 MB/);
    expect(refused(`${'['.repeat(100)}${']'.repeat(100)}`)).toMatch(/nested more than 32 levels/);
    expect(refused(JSON.stringify({ schemaVersion: 1, runId: 'x' }))).toMatch(/not an awb report/);
    expect(refused(JSON.stringify({ ...report, schemaVersion: 2 }))).toMatch(
      /schema version 2, newer than the version this app reads \(1\)/,
    );
    expect(refused(JSON.stringify({ ...report, sections: [] }))).toMatch(/sections/);
    expect(refused(JSON.stringify({ ...report, extra: '<script>alert(1)</script>' }))).toMatch(/a field that is not accepted/);
    const run = report.sections[0]!;
    if (run.type !== 'run') throw new Error('not a run');
    const twice = {
      ...run,
      run: { ...run.run, result: { ...run.run.result, regions: [run.run.result.regions[0]!, run.run.result.regions[0]!] } },
    };
    expect(refused(JSON.stringify({ ...report, sections: [twice] }))).toMatch(
      /sections\.0\.run\.result\.regions: a region is listed twice/,
    );
    const wrong = JSON.stringify({
      ...report,
      sections: [{ type: 'run', run: { ...runDetail(), result: { secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } } }],
    });
    expect(refused(wrong)).not.toContain('wJalrXUtnFEMI');
  });
});
