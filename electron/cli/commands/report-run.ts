import { basename } from 'node:path';
import type { RunResult } from '../../../shared/aws-test/result';
import { AppError, isAppError } from '../../../shared/errors';
import type { RunDetail } from '../../../shared/history/detail';
import { createReport, NO_MASKS, reportRequestSchema, unrecordedRun } from '../../../shared/report/build';
import { redactionLines } from '../../../shared/report/html';
import { parseReport } from '../../../shared/report/parse';
import { formatInstant, plural, sectionTitle } from '../../../shared/report/present';
import { REPORT_LIMITS, type ImportedReport, type OtherSection, type Report, type ReportFormat } from '../../../shared/report/schema';
import { buildReport } from '../../services/reports/build';
import { importReport } from '../../services/reports/import';
import { chromiumPrinter } from '../../services/reports/pdf';
import { formatOfPath, isReportFormat, renderReport, writeReportFile } from '../../services/reports/report-files';
import { parseFlags, requireFlag, validateFlags } from '../args';
import { EXIT, runSubCommand, UsageError, type CliIo } from '../command';
import { withServices } from '../context';
import { reportFailure } from '../error-boundary';
import { printJson, readInput } from '../io';
import { APP_VERSION } from '../version';
import { EXPORT_FLAGS, IMPORT_FLAGS, RENDER_FLAGS } from './report';

/** One byte more than a report may have, so an oversized file is refused by its size rather than cut. */
const MAX_REPORT_BYTES = REPORT_LIMITS.maxChars + 1;

/** The format `--format` names, else the one the file's extension says. */
export function reportFormat(out: string, format?: string): ReportFormat {
  if (format !== undefined) {
    if (!isReportFormat(format)) throw new UsageError('--format takes json, html, md or pdf.');
    return format;
  }
  const byExtension = formatOfPath(out);
  if (!byExtension)
    throw new UsageError(`cannot tell the report format from ${basename(out)}: name it .json, .html, .md or .pdf, or give --format.`);
  return byExtension;
}

async function writeReport(report: Report, out: string, format: ReportFormat): Promise<number> {
  const bytes = await renderReport(report, format, chromiumPrinter(process.env));
  writeReportFile(out, bytes);
  return bytes.length;
}

/** `--report <file>` of the other commands: their result as a report of its own, with no optional mask. */
async function reportTo(out: string, parts: { runs?: RunDetail[]; sections?: OtherSection[] }): Promise<void> {
  const report = createReport(
    { runs: parts.runs ?? [], sections: parts.sections ?? [], appVersion: APP_VERSION, createdAt: new Date().toISOString() },
    NO_MASKS,
  );
  await writeReport(report, out, reportFormat(out));
}

/** awb test and awb sweep: the run as history shows it, or as its result says when it was not recorded. */
export function reportRun(out: string, run: RunDetail | RunResult): Promise<void> {
  return reportTo(out, { runs: ['result' in run ? run : unrecordedRun(run, APP_VERSION)] });
}

/** awb doctor and awb policy. */
export function reportSection(out: string, section: OtherSection): Promise<void> {
  return reportTo(out, { sections: [section] });
}

async function exportRuns(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, EXPORT_FLAGS);
  if (positionals.length === 0) throw new UsageError('give the ids of the runs to report (awb history list shows them).');
  const out = requireFlag(values, 'out');
  const format = reportFormat(out, values.format);
  const redaction = {
    accounts: values['mask-accounts'] === true,
    names: values['mask-names'] === true,
    hosts: values['mask-hosts'] === true,
    ips: values['mask-ips'] === true,
    emails: values['mask-emails'] === true,
  };
  const request = validateFlags(
    reportRequestSchema,
    { runIds: positionals, title: values.title, redaction },
    { runIds: 'run ids', title: '--title' },
  );
  const report = await withServices({ databasePath: values.db, readOnly: true }, (services) =>
    buildReport(request, { show: (runId) => services.history.show(runId), appVersion: APP_VERSION, now: () => new Date() }),
  );
  const bytes = await writeReport(report, out, format);
  io.stdout(`Wrote ${out} (${format}, ${plural(report.sections.length, 'run')}, ${bytes} bytes). ${redactionLines(report).join('; ')}.\n`);
  return EXIT.ok;
}

function describeImport(file: string, { report, runs }: ImportedReport): string {
  const others = report.sections.filter((s) => s.type !== 'run').map(sectionTitle);
  const parts = [
    `${plural(runs.added.length, 'run')} added`,
    ...(runs.present.length > 0 ? [`${plural(runs.present.length, 'run')} already in history`] : []),
    ...(others.length > 0
      ? [`${others.join(', ')}: open the report in the app's Reports view to see ${others.length === 1 ? 'it' : 'them'}`]
      : []),
  ];
  const ids = runs.added.map((id) => `\n  ${id}`).join('');
  return `${file}: "${report.title}", created ${formatInstant(report.createdAt)}: ${parts.join('; ')}.${ids}\n`;
}

async function importFiles(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, IMPORT_FLAGS);
  if (positionals.length === 0) throw new UsageError('give the JSON report files to import.');
  const done: Array<{ file: string } & ImportedReport> = [];
  let failed = 0;
  await withServices({ databasePath: values.db }, (services) => {
    for (const file of positionals) {
      try {
        done.push({ file, ...importReport(readInput(file, MAX_REPORT_BYTES), services.history, new Date()) });
      } catch (error) {
        // One broken report changes nothing and does not stop the others; the exit code says it happened.
        failed += 1;
        const named = isAppError(error) ? new AppError(error.value.class, `${file}: ${error.value.message}`, error.value.fix) : error;
        reportFailure(named, io, { command: { name: 'report import', usage: '' }, debug: false });
      }
    }
  });
  if (values.json) {
    printJson(
      io,
      done.map(({ file, report, runs }) => ({
        file,
        title: report.title,
        createdAt: report.createdAt,
        sections: report.sections.map((s) => s.type),
        runs,
      })),
    );
  } else {
    for (const { file, ...imported } of done) io.stdout(describeImport(file, imported));
  }
  return failed > 0 ? EXIT.usage : EXIT.ok;
}

async function render(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, RENDER_FLAGS);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('give one JSON report: awb report render <report.json> --out <file>.');
  const out = requireFlag(values, 'out');
  const format = reportFormat(out, values.format);
  const parsed = parseReport(readInput(file, MAX_REPORT_BYTES));
  if (!parsed.ok) throw new AppError(parsed.error.class, `${file}: ${parsed.error.message}`, parsed.error.fix);
  const bytes = await writeReport(parsed.report, out, format);
  io.stdout(`Wrote ${out} (${format}, ${bytes} bytes).\n`);
  return EXIT.ok;
}

export const run = (argv: readonly string[], io: CliIo) =>
  runSubCommand(argv, io, { export: exportRuns, import: importFiles, render }, 'a sub-command is required (export, import or render).');
