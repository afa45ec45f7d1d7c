import { oidcSetupInputSchema, type OidcSetupResult } from '../../../shared/oidc/setup';
import { harnessOidcSetup } from '../../services/oidc/setup';
import { parseFlags, requireFlag, validateFlags } from '../args';
import { EXIT, runSubCommand, type CliIo } from '../command';
import { printJson } from '../io';
import { OIDC_FLAGS, OIDC_SETUP_FLAGS } from './oidc';

const FLAG_NAMES = {
  harnessAccountId: '--harness-account',
  awsAccountId: '--account',
  partition: '--partition',
  audience: '--audience',
  org: '--org',
  project: '--project',
  roleName: '--role-name',
};

/** The generator's result from the flags, checked by the schema the window's call uses too. */
function setupFrom(values: Record<string, string | boolean | undefined>): OidcSetupResult {
  const input = validateFlags(
    oidcSetupInputSchema,
    {
      harnessAccountId: requireFlag(values, 'harness-account'),
      awsAccountId: requireFlag(values, 'account'),
      partition: values.partition,
      audience: values.audience,
      org: values.org,
      project: values.project,
      roleName: values['role-name'],
      sessionTags: values['session-tags'] === true,
    },
    FLAG_NAMES,
  );
  return harnessOidcSetup(input);
}

function printNotes(result: OidcSetupResult, io: CliIo): void {
  for (const note of result.notes) io.stderr(`note: ${note}\n`);
}

function trustPolicy(argv: readonly string[], io: CliIo): number {
  const result = setupFrom(parseFlags(argv, OIDC_FLAGS).values);
  printJson(io, result.trustPolicy);
  printNotes(result, io);
  return EXIT.ok;
}

function setup(argv: readonly string[], io: CliIo): number {
  const result = setupFrom(parseFlags(argv, OIDC_SETUP_FLAGS).values);
  io.stdout(result.commands);
  printNotes(result, io);
  return EXIT.ok;
}

export const run = (argv: readonly string[], io: CliIo) =>
  runSubCommand(argv, io, { 'trust-policy': trustPolicy, setup }, 'a sub-command is required (trust-policy or setup).');
