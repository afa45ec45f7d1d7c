import { lazyRun, type Command } from '../command';

const USAGE = `Usage: awb doctor <file>... [--json] [--report <file>]
       awb doctor - [--json]          (reads standard input)

Diagnoses a failing AWS connector offline from whatever was sent: error messages, logs and stack
traces (any SDK, the AWS CLI, Terraform, eksctl, Kubernetes events, Harness delegate logs), Harness
pipeline step logs and error banners, CloudTrail events (one event or {"Records":[…]}), kubectl describe
pod or get pod -o yaml|json, aws configure list / list-profiles, aws sts get-caller-identity JSON,
AWS CLI --debug logs, Harness connector YAML, delegate YAML, IAM policy or trust policy JSON, awb JSON
reports. Each input's kind is detected; the inputs are read together, so a region in the connector
explains an error in the log and a pod's service account explains a refused web identity.

Options:
  --json    Print {"schemaVersion":1,"inputs":[{"name","kind",…}],"findings":[{"class","severity",
            "title","explanation","evidence","fix","confidence","decidingFacts","alternatives"}]},
            most likely finding first.
  --report <file>  Also write the diagnosis as a report: .json, .html, .md or .pdf (see awb report).

Exit codes: 0 the diagnosis ran (whatever it found), 2 bad usage or an input that cannot be read.`;

export const FLAGS = { json: { type: 'boolean' }, report: { type: 'string' } } as const;

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Diagnose a credential failure offline from errors, logs, YAML and policies',
  usage: USAGE,
  flags: FLAGS,
  hints: { positional: 'file', report: 'file' },
  run: lazyRun(() => import('./doctor-run')),
};
