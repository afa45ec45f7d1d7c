import { readFile, stat } from 'node:fs/promises';
import type * as ConnectorIndex from '../../../shared/connector';
import type { YamlIssue } from '../../../shared/connector';
import { identifierError, identifierFromName } from '../../../shared/connector/naming';
import { VALIDATE_FLAGS } from './connector';
import { parseFlags } from '../args';
import { EXIT, runSubCommand, UsageError, type CliIo } from '../command';
import { printJson } from '../io';

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

type ConnectorModule = typeof ConnectorIndex;

function jsonIssue(issue: YamlIssue, formatPath: ConnectorModule['formatPath']): JsonIssue {
  return { path: formatPath(issue.path), message: issue.message, line: issue.line, column: issue.column };
}

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

async function checkFile(file: string, connector: ConnectorModule): Promise<FileResult & { readable: boolean }> {
  let text: string;
  try {
    // A connector file is kilobytes: a huge one is refused by its size, never read into memory.
    const { size } = await stat(file);
    if (size > connector.MAX_YAML_BYTES) {
      const message = `The file is ${(size / 1024 / 1024).toFixed(1)} MB; a connector YAML is a few kilobytes. Check that it is the right file.`;
      return { file, readable: true, valid: false, errors: [{ path: '', message, line: 0, column: 0 }], warnings: [] };
    }
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
  const result = connector.importConnectorYaml(text);
  return {
    file,
    readable: true,
    valid: result.errors.length === 0,
    errors: result.errors.map((issue) => jsonIssue(issue, connector.formatPath)),
    warnings: result.warnings.map((issue) => jsonIssue(issue, connector.formatPath)),
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
  const connector = await import('../../../shared/connector');
  const results = [];
  for (const file of positionals) results.push(await checkFile(file, connector));
  const files: FileResult[] = results.map(({ file, valid, errors, warnings }) => ({ file, valid, errors, warnings }));
  if (values.json) printJson(io, { files });
  else io.stdout(humanReport(files));
  if (results.some((result) => !result.readable)) return EXIT.usage;
  return results.every((result) => result.valid) ? EXIT.ok : EXIT.failed;
}

export const run = (argv: readonly string[], io: CliIo) => runSubCommand(argv, io, { id, validate }, 'say what to do: id or validate.');
