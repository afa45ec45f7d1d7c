import { readFile } from 'node:fs/promises';
import { formatPath, identifierError, identifierFromName, importConnectorYaml, type YamlIssue } from '../../../shared/connector';
import { parseFlags } from '../args';
import { EXIT, runSubCommand, UsageError, type CliIo, type Command } from '../command';
import { printJson } from '../io';

const USAGE = `Usage:
  awb connector id "<name>"
      Prints the connector Id Harness generates from a name (trim; drop leading digits, - and $;
      drop characters outside [0-9a-zA-Z_$ ]; runs of spaces become _). Exits 1, with the reason on
      standard error, when that Id is not one Harness accepts.
  awb connector validate <file>... [--json]
      Checks Harness AWS connector YAML files: shape, Id and name rules, role ARNs, External Id,
      credential type rules, Test Region. Problems are listed as file:line:column.
      --json prints {"files":[{"file","valid","errors":[{"path","message","line","column"}],"warnings":[...]}]}.

Exit codes: 0 all valid, 1 a file is not valid, 2 bad usage or a file cannot be read.`;

interface JsonIssue {
  path: string;
  message: string;
  line: number;
  column: number;
}

interface FileResult {
  file: string;
  valid: boolean;
  errors: JsonIssue[];
  warnings: JsonIssue[];
}

function jsonIssue(issue: YamlIssue): JsonIssue {
  return { path: formatPath(issue.path), message: issue.message, line: issue.line, column: issue.column };
}

const VALIDATE_FLAGS = { json: { type: 'boolean' } } as const;

function id(argv: readonly string[], io: CliIo): number {
  const { positionals } = parseFlags(argv, {});
  if (positionals.length !== 1)
    throw new UsageError('give exactly one name; quote it when it has spaces: awb connector id "My AWS connector"');
  const identifier = identifierFromName(positionals[0]!);
  io.stdout(`${identifier}\n`);
  const problem = identifierError(identifier);
  if (problem === null) return EXIT.ok;
  io.stderr(`awb connector id: the generated Id is not valid: ${problem}. Edit the Id by hand when creating the connector.\n`);
  return EXIT.failed;
}

async function checkFile(file: string): Promise<FileResult & { readable: boolean }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'The file does not exist.'
        : code === 'EISDIR'
          ? 'This is a folder, not a file.'
          : `The file cannot be read (${code ?? 'unknown error'}).`;
    return { file, readable: false, valid: false, errors: [{ path: '', message, line: 0, column: 0 }], warnings: [] };
  }
  const result = importConnectorYaml(text);
  return {
    file,
    readable: true,
    valid: result.errors.length === 0,
    errors: result.errors.map(jsonIssue),
    warnings: result.warnings.map(jsonIssue),
  };
}

function humanReport(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const at = (issue: JsonIssue) => (issue.line > 0 ? `${result.file}:${issue.line}:${issue.column}` : result.file);
    const describe = (issue: JsonIssue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    for (const issue of result.errors) lines.push(`${at(issue)}: error: ${describe(issue)}`);
    for (const issue of result.warnings) lines.push(`${at(issue)}: warning: ${describe(issue)}`);
    if (result.valid)
      lines.push(
        `${result.file}: valid${result.warnings.length ? ` (${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'})` : ''}`,
      );
  }
  const valid = results.filter((result) => result.valid).length;
  lines.push(`${results.length} file${results.length === 1 ? '' : 's'}: ${valid} valid, ${results.length - valid} not valid`);
  return `${lines.join('\n')}\n`;
}

async function validate(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, VALIDATE_FLAGS);
  if (positionals.length === 0) throw new UsageError('give at least one connector YAML file.');
  const results = [];
  for (const file of positionals) results.push(await checkFile(file));
  const files: FileResult[] = results.map(({ file, valid, errors, warnings }) => ({ file, valid, errors, warnings }));
  if (values.json) printJson(io, { files });
  else io.stdout(humanReport(files));
  if (results.some((result) => !result.readable)) return EXIT.usage;
  return results.every((result) => result.valid) ? EXIT.ok : EXIT.failed;
}

export const connectorCommand: Command = {
  name: 'connector',
  summary: 'Connector Ids and YAML validation: awb connector id "<name>", awb connector validate <file>...',
  usage: USAGE,
  subcommands: { id: {}, validate: VALIDATE_FLAGS },
  hints: { positional: 'file' },
  run: (argv, io) => runSubCommand(argv, io, { id, validate }, 'say what to do: id or validate.'),
};
