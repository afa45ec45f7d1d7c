import { z } from 'zod';
import { reportRequestSchema } from '../../report/build';
import { importedReportSchema, REPORT_FORMATS, REPORT_LIMITS, REPORT_VALUE_LIMITS, reportSchema } from '../../report/schema';
import { channel } from '../define';

/** A report is bigger than a form: as many values as a report file may hold, and the file's text as one string. */
const limits = { maxNodes: REPORT_VALUE_LIMITS.maxNodes, maxStringChars: REPORT_LIMITS.maxChars, maxTotalChars: REPORT_LIMITS.maxChars };

export const reportsChannels = {
  /** The report of runs in history and of results the window holds, redacted as asked: what the preview shows. */
  'reports.build': channel({ args: reportRequestSchema, result: reportSchema, limits }),
  /**
   * Renders the report in a format and saves it where the user chooses (the native save dialog);
   * `path` is null when they cancelled. The main process redacts it once more before writing.
   */
  'reports.save': channel({
    args: z.strictObject({ report: reportSchema, format: z.enum(REPORT_FORMATS) }),
    result: z.object({ path: z.string().nullable(), bytes: z.number().int() }),
    limits,
  }),
  /** Opens a JSON report (a file's text, a drop, a paste): its runs into history, the whole report back for the other views. */
  'reports.import': channel({
    args: z.strictObject({ text: z.string().max(REPORT_LIMITS.maxChars) }),
    result: importedReportSchema,
    limits,
  }),
};
