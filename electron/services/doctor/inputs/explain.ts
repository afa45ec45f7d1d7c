import { partitionOfArn, partitionOfRegion, type PartitionId } from '../../../../shared/regions';
import type { InputFacts } from '.';
import type { PartitionFact, Spot } from './common';
import { podCredentials } from './kubectl-pod';

/** A host's partition by its DNS suffix and region label: `sts.cn-north-1.amazonaws.com.cn` is aws-cn. */
export function partitionOfHost(host: string): PartitionId | null {
  const labels = host.toLowerCase().split('.');
  const region = labels.find((label) => partitionOfRegion(label) !== null);
  if (region) return partitionOfRegion(region);
  if (host.endsWith('.amazonaws.com.cn')) return 'aws-cn';
  return host.endsWith('.amazonaws.com') ? 'aws' : null;
}

const withPartition = (what: string, partition: PartitionId | null) => (partition ? `${what} (${partition})` : what);

/** Every ARN, region and AWS host an input's facts name, with its partition: the cross-check compares them. */
export function partitionFacts(facts: InputFacts): PartitionFact[] {
  const out: PartitionFact[] = [];
  const add = (partition: PartitionId | null, what: string, at: Spot | null) => {
    if (partition) out.push({ partition, what, at });
  };
  switch (facts.kind) {
    case 'cloudtrail':
      for (const event of facts.events.slice(0, 5)) {
        if (event.principal) add(event.principalPartition, `the CloudTrail caller ${event.principal.text}`, event.principal);
        if (event.roleArn) add(partitionOfArn(event.roleArn.text), `the role ${event.roleArn.text} the event asked for`, event.roleArn);
        if (event.region) add(event.regionPartition, `the CloudTrail event's region ${event.region}`, null);
      }
      break;
    case 'kubectl_pod':
      for (const variable of facts.env) {
        if (variable.name === 'AWS_ROLE_ARN' && variable.value)
          add(partitionOfArn(variable.value), `the pod's AWS_ROLE_ARN ${variable.value}`, variable.at);
        if ((variable.name === 'AWS_REGION' || variable.name === 'AWS_DEFAULT_REGION') && variable.value)
          add(partitionOfRegion(variable.value), `the pod's ${variable.name} ${variable.value}`, variable.at);
      }
      break;
    case 'aws_configure':
      for (const row of facts.rows)
        if (row.name === 'region' && row.value) add(partitionOfRegion(row.value), `the CLI's region ${row.value}`, row.at);
      break;
    case 'caller_identity':
      if (facts.arn) add(facts.partition, `the caller identity ${facts.arn.text}`, facts.arn);
      break;
    case 'aws_cli_debug':
      for (const host of facts.endpointHosts.slice(0, 3)) add(partitionOfHost(host.text), `the endpoint ${host.text}`, host);
      if (facts.signingRegion)
        add(partitionOfRegion(facts.signingRegion.text), `the signing region ${facts.signingRegion.text}`, facts.signingRegion);
      break;
    case 'harness_log':
      break;
  }
  return out;
}

/** The facts in plain words, for the finding's explanation: where it ran, which credentials, which partition. */
export function factLines(facts: InputFacts): string[] {
  switch (facts.kind) {
    case 'cloudtrail': {
      const shown = facts.events.slice(0, 3).map((event) => {
        const who = event.identityType
          ? `${event.identityType}${event.principal ? ` ${withPartition(event.principal.text, event.principalPartition)}` : ''}`
          : 'an unknown caller';
        const issuer = event.issuerArn ? `, session of ${event.issuerArn}` : '';
        const subject = event.subject && event.identityType === 'WebIdentityUser' ? `, subject ${event.subject}` : '';
        const outcome = event.errorCode
          ? `failed with ${event.errorCode.text}${event.errorMessage ? ` ("${event.errorMessage}")` : ''}`
          : 'succeeded';
        const where = [
          event.region ? `in ${withPartition(event.region, event.regionPartition)}` : '',
          event.sourceIp ? `from ${event.sourceIp}` : '',
          event.client ? `with ${event.client}` : '',
          event.place ? `on ${event.place}` : '',
        ]
          .filter(Boolean)
          .join(' ');
        return `${event.eventSource ?? 'a service'} ${event.eventName ?? 'call'} by ${who}${issuer}${subject} ${where} ${outcome}.`.replace(
          /\s{2,}/g,
          ' ',
        );
      });
      const more = facts.records > shown.length ? ` (${facts.records} events in all; those with errors first.)` : '';
      return [`CloudTrail: ${shown.join(' ')}${more}`];
    }
    case 'kubectl_pod': {
      const credentials = podCredentials(facts);
      const how = credentials.irsa
        ? `IRSA is injected (AWS_ROLE_ARN${roleOf(facts) ? ` ${roleOf(facts)}` : ''}, AWS_WEB_IDENTITY_TOKEN_FILE)`
        : credentials.podIdentity
          ? 'EKS Pod Identity is injected (AWS_CONTAINER_CREDENTIALS_FULL_URI)'
          : credentials.staticKeys
            ? 'static keys are set in its environment (AWS_ACCESS_KEY_ID)'
            : 'it has neither IRSA (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE) nor Pod Identity (AWS_CONTAINER_CREDENTIALS_FULL_URI) variables nor static keys, so the SDK chain ends at instance metadata: the node’s role';
      const warnings = facts.events.filter((event) => event.type === 'Warning').map((event) => event.reason);
      return [
        `The pod ${facts.namespace ?? 'default'}/${facts.name ?? '?'} runs in Kubernetes as service account ${facts.serviceAccount?.text ?? 'default'}; ${how}.${
          facts.tokenVolume
            ? ` Projected token volume ${facts.tokenVolume.at.text}${facts.tokenVolume.audience ? ` (audience ${facts.tokenVolume.audience})` : ''}.`
            : ''
        }${warnings.length > 0 ? ` Warning events: ${[...new Set(warnings)].join(', ')}.` : ''}`,
      ];
    }
    case 'aws_configure': {
      const row = (name: string) => facts.rows.find((r) => r.name === name);
      const key = row('access_key');
      const region = row('region');
      const profile = row('profile');
      const parts = [
        key
          ? key.set
            ? `credentials from ${key.type ?? 'an unnamed source'}${key.location ? ` (${key.location})` : ''}`
            : 'no access key found in any provider'
          : '',
        region
          ? region.value
            ? `region ${withPartition(region.value, partitionOfRegion(region.value))} from ${region.type ?? '?'}`
            : 'no region set'
          : '',
        profile?.value ? `profile ${profile.value}` : '',
        facts.profiles.length > 0
          ? `profiles: ${facts.profiles
              .map((p) => p.text)
              .slice(0, 10)
              .join(', ')}`
          : '',
      ].filter(Boolean);
      return [`aws configure: ${parts.join('; ')}.`];
    }
    case 'caller_identity': {
      const role = facts.roleArn ? ` of role ${facts.roleArn}${facts.session ? `, session ${facts.session}` : ''}` : '';
      return [
        `The credentials belong to ${facts.principal === 'assumed-role' ? 'an assumed-role session' : `an IAM ${facts.principal}`}${role} in account ${facts.account ?? '?'}${facts.partition ? `, partition ${facts.partition}` : ''}.`,
      ];
    }
    case 'aws_cli_debug': {
      const tried = facts.providersTried.map((p) => p.text);
      const chain = facts.found
        ? `the chain stopped at ${tried[tried.length - 1] ?? 'a provider'}: "${facts.found.text}"`
        : tried.length > 0
          ? `the chain tried ${tried.join(', ')} and found nothing${facts.imds ? ', ending at instance metadata' : ''}`
          : '';
      const hosts = facts.endpointHosts.map((host) => withPartition(host.text, partitionOfHost(host.text)));
      return [
        [
          `AWS CLI${facts.version ? ` ${facts.version.text.split(' ')[0]}` : ''}${facts.place ? ` on ${facts.place}` : ''}`,
          chain,
          hosts.length > 0 ? `endpoint ${hosts.join(', ')}` : '',
          facts.signingRegion ? `signed for ${withPartition(facts.signingRegion.text, partitionOfRegion(facts.signingRegion.text))}` : '',
          facts.retries > 0 ? `${facts.retries} retr${facts.retries === 1 ? 'y' : 'ies'}` : '',
          facts.finalError ? `final error "${facts.finalError.text}"` : '',
        ]
          .filter(Boolean)
          .join('; ') + '.',
      ];
    }
    case 'harness_log': {
      const hint = facts.hints[0]?.text.trim();
      return [
        `Harness ${facts.form === 'banner' ? 'error banner' : 'step log'}${facts.credentialType ? `, connector credentials ${facts.credentialType.text}` : ''}${hint ? `; ${hint}` : ''}${facts.exitCode ? `; ${facts.exitCode.text}` : ''}.`,
      ];
    }
  }
}

function roleOf(facts: Extract<InputFacts, { kind: 'kubectl_pod' }>): string | null {
  return facts.env.find((variable) => variable.name === 'AWS_ROLE_ARN')?.value ?? null;
}

/** Where the facts were read, to highlight: the error code, the caller, the service account, the chain's answer. */
export function factSpots(facts: InputFacts): Spot[] {
  const spots = (() => {
    switch (facts.kind) {
      case 'cloudtrail':
        return facts.events.slice(0, 3).flatMap((event) => [event.errorCode, event.principal, event.roleArn]);
      case 'kubectl_pod':
        return [
          facts.serviceAccount,
          ...facts.env.filter((v) => v.name.startsWith('AWS_')).map((v) => v.at),
          facts.tokenVolume?.at ?? null,
        ];
      case 'aws_configure':
        return facts.rows.filter((row) => row.name === 'access_key' || row.name === 'region').map((row) => row.at);
      case 'caller_identity':
        return [facts.arn];
      case 'aws_cli_debug':
        return [
          facts.found,
          facts.providersTried[facts.providersTried.length - 1] ?? null,
          facts.endpointHosts[0] ?? null,
          facts.finalError,
        ];
      case 'harness_log':
        return [...facts.hints.slice(0, 1), facts.credentialType, facts.exitCode];
    }
  })();
  return spots.filter((spot): spot is Spot => spot !== null).slice(0, 6);
}
