import type { CollectScript, CollectScriptOptions } from '../../../shared/collect/schema';
import { findRegion } from '../../../shared/regions';
import { COLLECT_TEMPLATE } from './template';

export const COLLECT_SCRIPT_FILE = 'awb-collect.sh';

/** The STS and EC2 hosts the pod checks reach, per region, from the one region catalog. */
function hostsOf(regions: readonly string[]): string[][] {
  return regions.flatMap((code) => {
    const region = findRegion(code);
    return region ? [[region.endpoints.sts, region.endpoints.ec2]] : [];
  });
}

/**
 * Fills the template's placeholders. Every value was checked by collectScriptOptionsSchema
 * (Kubernetes names, catalog region codes), so the single quotes around them in the script hold;
 * the version comes from package.json and is reduced to the characters a version has.
 */
function fill(options: CollectScriptOptions, awbVersion: string): string {
  const hosts = hostsOf(options.regions);
  const values: Readonly<Record<string, string>> = {
    '# @HOSTS_LIST@': hosts.map((pair) => `#   ${pair.join(', ')}`).join('\n'),
    '@AWB_VERSION@': awbVersion.replace(/[^0-9A-Za-z.+-]/g, ''),
    '@NAMESPACE_SHOWN@': options.namespace,
    '@NAMESPACE@': options.namespace,
    '@DELEGATE_SHOWN@': options.delegate || 'found by its image',
    '@DELEGATE@': options.delegate,
    '@EXEC_SHOWN@': options.exec ? 'on' : 'off',
    '@EXEC@': options.exec ? '1' : '0',
    '@REGIONS@': options.regions.join(','),
    '@HOSTS@': hosts.flat().join(' '),
  };
  // A replacer function, so no value is read as a `$&` replacement pattern.
  return Object.entries(values).reduce((script, [placeholder, value]) => script.replaceAll(placeholder, () => value), COLLECT_TEMPLATE);
}

/** The paragraph the engineer sends with the script: what it reads, what it never reads, what to send back. */
function noteFor(options: CollectScriptOptions): string {
  const delegate = options.delegate
    ? `the Harness delegate ${options.delegate} in namespace ${options.namespace}`
    : `the Harness delegate in namespace ${options.namespace}`;
  const inside = options.exec
    ? ` From inside the delegate pod it also reads the claims of its service-account token (never the token itself) and checks that the AWS STS and EC2 endpoints of ${options.regions.join(', ')} can be reached (add --no-exec to skip this).`
    : '';
  return [
    `Please run the attached script, ${COLLECT_SCRIPT_FILE}, with bash on a machine where kubectl reaches the cluster of ${delegate} and, if you can, where the AWS CLI is signed in to the cluster's AWS account: bash ${COLLECT_SCRIPT_FILE}.`,
    `It only reads: the delegate's workload, pods, recent events, service account and cluster role bindings, its recent log lines about AWS, and from AWS the EKS cluster's OIDC issuer, the IAM OIDC providers and the trust policy of the delegate's IAM role.${inside}`,
    'It never reads Kubernetes Secrets or the values of environment variables (only their names, and a few non-secret AWS and proxy settings), changes nothing in the cluster or the AWS account, and removes anything that looks like a secret before it writes or shows anything.',
    'The commands it runs are listed at its top, so you can read it first.',
    'It writes one file, awb-bundle-<time>.json, and prints its path last: please send that file back.',
  ].join(' ');
}

export function collectScript(options: CollectScriptOptions, awbVersion: string): CollectScript {
  return {
    fileName: COLLECT_SCRIPT_FILE,
    script: fill(options, awbVersion),
    commandLine: `bash ${COLLECT_SCRIPT_FILE}`,
    note: noteFor(options),
  };
}
