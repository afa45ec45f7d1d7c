import { lazyRun, type Command } from '../command';

const USAGE = `Usage: awb collect-script [--namespace <ns>] [--delegate <name>] [--regions <r1,r2>] [--exec] [--out <file>]

Writes a read-only bash script for the customer to run beside the delegate (bash 3.2 or later,
kubectl and the AWS CLI; no jq or Python). It lists every command it runs at its top, reads tool
output as JSON, removes secrets before writing anything, and writes one redacted JSON bundle:
give that file to awb doctor, or drop it into the Doctor view.

Options:
  --namespace <ns>     The delegate's namespace (default harness-delegate-ng).
  --delegate <name>    The delegate's Deployment or StatefulSet (default: the one whose image is a delegate).
  --regions <r1,r2>    Regions whose STS and EC2 endpoints the pod checks reach (default us-east-1).
  --exec               Make the checks from inside the delegate pod (kubectl exec) the script's default;
                       the customer can still turn them off with --no-exec.
  --out <file>         Write the script there (made executable) instead of to standard output; the note
                       to send along with it is then printed on standard error.

Exit codes: 0 written, 2 bad usage (a name Kubernetes would refuse, an unknown region).`;

export const FLAGS = {
  namespace: { type: 'string' },
  delegate: { type: 'string' },
  regions: { type: 'string' },
  exec: { type: 'boolean' },
  out: { type: 'string' },
} as const;

export const collectScriptCommand: Command = {
  name: 'collect-script',
  summary: 'Write the read-only script that collects a redacted diagnostic bundle on the customer’s side',
  usage: USAGE,
  flags: FLAGS,
  hints: { out: 'file' },
  run: lazyRun(() => import('./collect-script-run')),
};
