import { lazyRun, type Command } from '../command';
import { RUN_FLAGS, RUN_FLAGS_USAGE, RUN_HINTS } from './run-flags';

export const testCommand: Command = {
  name: 'test',
  summary: 'Test a connector as Harness does: credentials, STS identity, cross-account role, ec2:DescribeRegions',
  flags: RUN_FLAGS,
  hints: RUN_HINTS,
  usage: [
    'Usage: awb test --connector <file.yaml> [options]',
    '',
    "Runs the connection test in the connector's Test Region (us-east-1 when none is set): resolve the",
    'credentials, sts:GetCallerIdentity, sts:AssumeRole when cross-account, then ec2:DescribeRegions.',
    'Every failed step shows the AWS error code, its class and the fix.',
    '',
    RUN_FLAGS_USAGE,
  ].join('\n'),
  run: lazyRun(() => import('./test-run')),
};
