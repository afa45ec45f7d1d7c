import { lazyRun, type Command } from '../command';

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

export const VALIDATE_FLAGS = { json: { type: 'boolean' } } as const;

export const connectorCommand: Command = {
  name: 'connector',
  summary: 'Connector Ids and YAML validation: awb connector id "<name>", awb connector validate <file>...',
  usage: USAGE,
  subcommands: { id: {}, validate: VALIDATE_FLAGS },
  hints: { positional: 'file' },
  run: lazyRun(() => import('./connector-run')),
};
