import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { renderHtml } from '../../../shared/report/html';
import { renderMarkdown } from '../../../shared/report/markdown';
import { redactSecretsOnly } from '../../../shared/report/redact/redactor';
import { REPORT_FORMATS, type Report, type ReportFormat } from '../../../shared/report/schema';
import type { PdfPrinter } from './pdf';

export const FORMAT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: '.json', html: '.html', md: '.md', pdf: '.pdf' };

const EXTENSION_FORMATS: Readonly<Record<string, ReportFormat>> = {
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.pdf': 'pdf',
};

/** The format a file name asks for by its extension, or null. */
export function formatOfPath(path: string): ReportFormat | null {
  return EXTENSION_FORMATS[extname(path).toLowerCase()] ?? null;
}

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** `awb-report-2026-12-03-prod_aws.pdf`: the date and the first run's connector, in characters every file system takes. */
export function reportFileName(report: Report, format: ReportFormat): string {
  const first = report.sections[0];
  const subject = first?.type === 'run' ? first.run.result.connector.identifier : (first?.type ?? 'report');
  const safe = subject.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'report';
  return `awb-report-${report.createdAt.slice(0, 10)}-${safe}${FORMAT_EXTENSIONS[format]}`;
}

/**
 * The report's bytes in a format. Whatever the report went through on its way here (a window, a
 * file), the rules that always apply run once more over it as a last line of defence.
 */
export async function renderReport(report: Report, format: ReportFormat, printPdf: PdfPrinter): Promise<Uint8Array> {
  const safe = redactSecretsOnly(report);
  if (format === 'json') return new TextEncoder().encode(`${JSON.stringify(safe, null, 2)}\n`);
  if (format === 'md') return new TextEncoder().encode(renderMarkdown(safe));
  const html = renderHtml(safe);
  return format === 'html' ? new TextEncoder().encode(html) : printPdf(html);
}

/** Writes a file whole or not at all: into a temporary file beside it, renamed over the target. */
export function writeReportFile(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new AppError(
      code === 'ENOSPC' ? 'disk_full' : 'invalid_input',
      `The report could not be written to ${path} (${code}).`,
      code === 'ENOSPC' ? 'Free some disk space, or save it elsewhere.' : 'Choose a folder you can write to.',
    );
  }
}
