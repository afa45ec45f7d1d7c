import { lazyRun, type Command } from '../command';

const DB = { db: { type: 'string' } } as const;
const OUT = { out: { type: 'string' }, format: { type: 'string' } } as const;

/** The optional masks, one flag each; secrets are always removed and access key IDs always shortened. */
export const MASK_FLAGS = {
  'mask-accounts': { type: 'boolean' },
  'mask-names': { type: 'boolean' },
  'mask-hosts': { type: 'boolean' },
  'mask-ips': { type: 'boolean' },
  'mask-emails': { type: 'boolean' },
} as const;

export const EXPORT_FLAGS = { ...DB, ...OUT, ...MASK_FLAGS, title: { type: 'string' } } as const;
export const IMPORT_FLAGS = { ...DB, json: { type: 'boolean' } } as const;
export const RENDER_FLAGS = { ...OUT } as const;

const USAGE = `Usage:
  awb report export <run-id>... --out <file> [--format json|html|md|pdf] [--mask-accounts] [--mask-names]
                    [--mask-hosts] [--mask-ips] [--mask-emails] [--title <text>] [--db <path>]
      Writes runs from history as one report. The format is the file's extension (.json, .html, .md, .pdf)
      unless --format names it. Secrets are always removed (keys, session and delegate tokens, passwords in
      URLs; a web identity token keeps only its iss, aud, sub and exp) and access key IDs shortened
      (AKIA…VV7A). Each --mask-* replaces those values with placeholders, the same value with the same
      placeholder everywhere: account IDs, role/user/session names, custom hosts, IP and e-mail addresses.
      PDF is printed by a local Chromium or Chrome (found on PATH, or named by CHROMIUM_PATH).
  awb report import <file>... [--json] [--db <path>]
      Opens JSON reports (a customer's included): their runs go into history marked as imported, under
      their own run ids, so awb history show <id> finds them and importing again adds nothing. Doctor,
      policy and delegate sections open in the app (Reports view).
  awb report render <report.json> --out <file> [--format json|html|md|pdf]
      Writes a JSON report again in another format, as it is (its redactions stay as they were made).

awb test, awb sweep, awb doctor and awb policy take --report <file> to write their result as a report too.

Exit codes: 0 done, 2 bad usage, an unknown run id, or a report that is broken, too large, newer than
this awb or unreadable (nothing is imported from it).`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Share runs as redacted HTML, PDF, Markdown or JSON reports, and open reports offline',
  usage: USAGE,
  subcommands: { export: EXPORT_FLAGS, import: IMPORT_FLAGS, render: RENDER_FLAGS },
  hints: { db: 'file', out: 'file', format: ['json', 'html', 'md', 'pdf'], positional: 'file' },
  run: lazyRun(() => import('./report-run')),
};
