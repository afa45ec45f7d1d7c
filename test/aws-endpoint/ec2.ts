import { regionsOfPartition } from '../../shared/regions';
import { allows } from './auth';
import { EndpointError, type AccountSpec, type Caller } from './model';
import type { XmlObject } from './xml';

function unauthorized(caller: Caller, action: string, reason: string): EndpointError {
  return new EndpointError(
    403,
    'UnauthorizedOperation',
    `You are not authorized to perform this operation. User: ${caller.principal.arn} is not authorized to perform: ${action} ${reason}`,
  );
}

/** An SCP region guardrail denies before identity policies are even considered. */
export function authorizeEc2(caller: Caller, account: AccountSpec | undefined, region: string, action: string): void {
  if (account?.scpDeniedRegions?.includes(region)) throw unauthorized(caller, action, 'with an explicit deny in a service control policy');
  if (!allows(caller.principal.allow, action))
    throw unauthorized(caller, action, `because no identity-based policy allows the ${action} action`);
}

function listed(params: URLSearchParams, prefix: string): string[] {
  return [...params].filter(([key]) => key.startsWith(`${prefix}.`)).map(([, value]) => value);
}

/** The regions of the caller's partition; opt-in regions the account did not enable only with AllRegions. */
export function describeRegions(params: URLSearchParams, caller: Caller, account: AccountSpec | undefined): XmlObject {
  const all = params.get('AllRegions') === 'true';
  const names = listed(params, 'RegionName');
  const enabled = new Set(account?.enabledOptInRegions ?? []);
  const rows = regionsOfPartition(caller.partition)
    .map((region) => ({
      region,
      status: !region.optIn ? 'opt-in-not-required' : enabled.has(region.code) ? 'opted-in' : 'not-opted-in',
    }))
    .filter(({ region, status }) => (all || status !== 'not-opted-in') && (names.length === 0 || names.includes(region.code)));
  const unknown = names.find((name) => !rows.some(({ region }) => region.code === name));
  if (unknown) throw new EndpointError(400, 'InvalidParameterValue', `Invalid region names: ${unknown}`);
  return {
    regionInfo: rows.map(({ region, status }) => ({
      regionName: region.code,
      regionEndpoint: region.endpoints.ec2,
      optInStatus: status,
    })),
  };
}
