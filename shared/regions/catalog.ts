import { PARTITIONS, type PartitionId } from './partitions';

/**
 * Every region of the `aws`, `aws-us-gov` and `aws-cn` partitions (reference §7, extended to the
 * regions the installed AWS SDK's partitions.json lists), with the endpoints a connection test and a
 * firewall allowlist need. This is the one catalog; the wizard, the sweep and the preflight read it.
 */
export type CatalogPartition = Extract<PartitionId, 'aws' | 'aws-us-gov' | 'aws-cn'>;

export interface RegionEndpoints {
  readonly sts: string;
  /** `null` where AWS publishes no FIPS endpoint for the service in the region. */
  readonly stsFips: string | null;
  readonly ec2: string;
  readonly ec2Fips: string | null;
}

export interface RegionInfo {
  readonly code: string;
  readonly name: string;
  readonly partition: CatalogPartition;
  /** Launched after 2019-03-20: disabled until an account enables it (`account:EnableRegion`). */
  readonly optIn: boolean;
  readonly endpoints: RegionEndpoints;
}

type Row = readonly [code: string, name: string, optIn: boolean];

const COMMERCIAL: readonly Row[] = [
  ['us-east-1', 'US East (N. Virginia)', false],
  ['us-east-2', 'US East (Ohio)', false],
  ['us-west-1', 'US West (N. California)', false],
  ['us-west-2', 'US West (Oregon)', false],
  ['af-south-1', 'Africa (Cape Town)', true],
  ['ap-east-1', 'Asia Pacific (Hong Kong)', true],
  ['ap-east-2', 'Asia Pacific (Taipei)', true],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)', false],
  ['ap-northeast-2', 'Asia Pacific (Seoul)', false],
  ['ap-northeast-3', 'Asia Pacific (Osaka)', false],
  ['ap-south-1', 'Asia Pacific (Mumbai)', false],
  ['ap-south-2', 'Asia Pacific (Hyderabad)', true],
  ['ap-southeast-1', 'Asia Pacific (Singapore)', false],
  ['ap-southeast-2', 'Asia Pacific (Sydney)', false],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)', true],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)', true],
  ['ap-southeast-5', 'Asia Pacific (Malaysia)', true],
  ['ap-southeast-6', 'Asia Pacific (New Zealand)', true],
  ['ap-southeast-7', 'Asia Pacific (Thailand)', true],
  ['ca-central-1', 'Canada (Central)', false],
  ['ca-west-1', 'Canada West (Calgary)', true],
  ['eu-central-1', 'Europe (Frankfurt)', false],
  ['eu-central-2', 'Europe (Zurich)', true],
  ['eu-north-1', 'Europe (Stockholm)', false],
  ['eu-south-1', 'Europe (Milan)', true],
  ['eu-south-2', 'Europe (Spain)', true],
  ['eu-west-1', 'Europe (Ireland)', false],
  ['eu-west-2', 'Europe (London)', false],
  ['eu-west-3', 'Europe (Paris)', false],
  ['il-central-1', 'Israel (Tel Aviv)', true],
  ['me-central-1', 'Middle East (UAE)', true],
  ['me-south-1', 'Middle East (Bahrain)', true],
  ['me-west-1', 'Middle East (Saudi Arabia)', true],
  ['mx-central-1', 'Mexico (Central)', true],
  ['sa-east-1', 'South America (São Paulo)', false],
  ['sa-west-1', 'South America (Chile)', true],
];

const GOVCLOUD: readonly Row[] = [
  ['us-gov-west-1', 'AWS GovCloud (US-West)', false],
  ['us-gov-east-1', 'AWS GovCloud (US-East)', false],
];

const CHINA: readonly Row[] = [
  ['cn-north-1', 'China (Beijing)', false],
  ['cn-northwest-1', 'China (Ningxia)', false],
];

/** Commercial regions with published `sts-fips` / `ec2-fips` hosts (AWS FIPS endpoints list). */
const COMMERCIAL_STS_FIPS = new Set(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);
const COMMERCIAL_EC2_FIPS = new Set(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1']);

function endpointsFor(code: string, partition: CatalogPartition): RegionEndpoints {
  const suffix = PARTITIONS[partition].dnsSuffix;
  const host = (service: string) => `${service}.${code}.${suffix}`;
  switch (partition) {
    case 'aws':
      return {
        sts: host('sts'),
        stsFips: COMMERCIAL_STS_FIPS.has(code) ? host('sts-fips') : null,
        ec2: host('ec2'),
        ec2Fips: COMMERCIAL_EC2_FIPS.has(code) ? host('ec2-fips') : null,
      };
    case 'aws-us-gov':
      // GovCloud's standard STS and EC2 endpoints are themselves FIPS 140 validated; the SDK's FIPS variant resolves to the same host.
      return { sts: host('sts'), stsFips: host('sts'), ec2: host('ec2'), ec2Fips: host('ec2') };
    case 'aws-cn':
      return { sts: host('sts'), stsFips: null, ec2: host('ec2'), ec2Fips: null };
  }
}

function build(rows: readonly Row[], partition: CatalogPartition): RegionInfo[] {
  return rows.map(([code, name, optIn]) =>
    Object.freeze({ code, name, partition, optIn, endpoints: Object.freeze(endpointsFor(code, partition)) }),
  );
}

export const REGIONS: readonly RegionInfo[] = Object.freeze([
  ...build(COMMERCIAL, 'aws'),
  ...build(GOVCLOUD, 'aws-us-gov'),
  ...build(CHINA, 'aws-cn'),
]);

/** Harness's default Test Region when none is set (the backend falls back to it). */
export const DEFAULT_TEST_REGION = 'us-east-1';

const BY_CODE = new Map(REGIONS.map((region) => [region.code, region]));

export function findRegion(code: string): RegionInfo | undefined {
  return BY_CODE.get(code);
}

export function isKnownRegion(code: string): boolean {
  return BY_CODE.has(code);
}

export function regionsOfPartition(partition: CatalogPartition): RegionInfo[] {
  return REGIONS.filter((region) => region.partition === partition);
}

export interface RegionGroup {
  readonly partition: CatalogPartition;
  readonly label: string;
  readonly regions: readonly RegionInfo[];
}

/**
 * Regions grouped for a picker, commercial first, then GovCloud and China, optionally filtered by a
 * search over code and display name (case- and accent-insensitive, every word must match).
 */
export function groupRegions(search = ''): RegionGroup[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(search).split(/\s+/).filter(Boolean);
  const matches = (region: RegionInfo) => {
    const haystack = fold(`${region.code} ${region.name} ${PARTITIONS[region.partition].displayName}`);
    return words.every((word) => haystack.includes(word));
  };
  const order: readonly CatalogPartition[] = ['aws', 'aws-us-gov', 'aws-cn'];
  return order
    .map((partition) => ({
      partition,
      label: PARTITIONS[partition].displayName,
      regions: regionsOfPartition(partition).filter(matches),
    }))
    .filter((group) => group.regions.length > 0);
}
