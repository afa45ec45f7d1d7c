import { describe, expect, it } from 'vitest';
import {
  ALL_REGIONS,
  DEFAULT_TEST_REGION,
  PARTITION_IDS,
  REGIONS,
  findRegion,
  groupRegions,
  isKnownRegion,
  partitionOfRegion,
  regionsOfPartition,
} from '../../../shared/regions';

// The regions reference §7 lists per partition; the catalog must contain at least these.
const REFERENCE_REGIONS = {
  aws: [
    'af-south-1',
    'ap-east-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-7',
    'ca-central-1',
    'ca-west-1',
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'eu-south-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'il-central-1',
    'me-central-1',
    'me-south-1',
    'mx-central-1',
    'sa-east-1',
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
  ],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
} as const;

const REFERENCE_OPT_IN = [
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
];
const REFERENCE_DEFAULT_ENABLED = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'sa-east-1',
];

describe('region catalog', () => {
  it.each(Object.entries(REFERENCE_REGIONS))('holds every %s region of the reference in that partition', (partition, codes) => {
    for (const code of codes) expect(findRegion(code)?.partition, code).toBe(partition);
  });

  it('holds every partition once per region; REGIONS (what "all regions" sweeps) only commercial, GovCloud and China', () => {
    const codes = ALL_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...new Set(ALL_REGIONS.map((r) => r.partition))]).toEqual([...PARTITION_IDS]);
    expect(new Set(REGIONS.map((r) => r.partition))).toEqual(new Set(['aws', 'aws-us-gov', 'aws-cn']));
    expect(REGIONS).toEqual(ALL_REGIONS.filter((r) => ['aws', 'aws-us-gov', 'aws-cn'].includes(r.partition)));
    for (const code of ['us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'eusc-de-east-1']) {
      expect(isKnownRegion(code), code).toBe(true);
      expect(REGIONS.some((r) => r.code === code)).toBe(false);
    }
    expect(regionsOfPartition('aws-us-gov').map((r) => r.code)).toEqual(['us-gov-west-1', 'us-gov-east-1']);
    expect(regionsOfPartition('aws-cn').map((r) => r.code)).toEqual(['cn-north-1', 'cn-northwest-1']);
    expect(regionsOfPartition('aws-eusc').map((r) => r.code)).toEqual(['eusc-de-east-1']);
  });

  it('lists the four US regions first, then the others in the SDK order', () => {
    expect(
      regionsOfPartition('aws')
        .map((r) => r.code)
        .slice(0, 6),
    ).toEqual(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1']);
  });

  it('agrees with the partition patterns for every region', () => {
    for (const region of ALL_REGIONS) expect(partitionOfRegion(region.code), region.code).toBe(region.partition);
  });

  it.each(REFERENCE_OPT_IN)('marks %s as opt-in', (code) => expect(findRegion(code)?.optIn).toBe(true));
  it.each(REFERENCE_DEFAULT_ENABLED)('marks %s as enabled by default', (code) => expect(findRegion(code)?.optIn).toBe(false));

  it('gives every region a display name', () => {
    for (const region of ALL_REGIONS) expect(region.name.trim().length, region.code).toBeGreaterThan(3);
    expect(findRegion('us-gov-west-1')?.name).toBe('AWS GovCloud (US-West)');
    expect(findRegion('cn-north-1')?.name).toBe('China (Beijing)');
  });

  it('builds the STS and EC2 host names of the reference', () => {
    expect(findRegion('us-east-1')?.endpoints).toEqual({
      sts: 'sts.us-east-1.amazonaws.com',
      stsFips: 'sts-fips.us-east-1.amazonaws.com',
      ec2: 'ec2.us-east-1.amazonaws.com',
      ec2Fips: 'ec2-fips.us-east-1.amazonaws.com',
    });
    expect(findRegion('us-gov-west-1')?.endpoints.sts).toBe('sts.us-gov-west-1.amazonaws.com');
    expect(findRegion('us-gov-east-1')?.endpoints.sts).toBe('sts.us-gov-east-1.amazonaws.com');
    expect(findRegion('cn-north-1')?.endpoints).toEqual({
      sts: 'sts.cn-north-1.amazonaws.com.cn',
      stsFips: null,
      ec2: 'ec2.cn-north-1.amazonaws.com.cn',
      ec2Fips: null,
    });
    expect(findRegion('cn-northwest-1')?.endpoints.ec2).toBe('ec2.cn-northwest-1.amazonaws.com.cn');
    expect(findRegion('eu-west-1')?.endpoints.stsFips).toBeNull();
    expect(findRegion('ca-central-1')?.endpoints.ec2Fips).toBe('ec2-fips.ca-central-1.amazonaws.com');
  });

  it('offers a FIPS host in every GovCloud region and none in China', () => {
    for (const region of regionsOfPartition('aws-us-gov')) {
      expect(region.endpoints.stsFips).not.toBeNull();
      expect(region.endpoints.ec2Fips).not.toBeNull();
    }
    for (const region of regionsOfPartition('aws-cn')) expect(region.endpoints.stsFips).toBeNull();
  });

  it('builds the hosts of the European Sovereign Cloud and the ISO partitions from their DNS suffixes, without FIPS hosts', () => {
    expect(findRegion('eusc-de-east-1')?.endpoints).toEqual({
      sts: 'sts.eusc-de-east-1.amazonaws.eu',
      stsFips: null,
      ec2: 'ec2.eusc-de-east-1.amazonaws.eu',
      ec2Fips: null,
    });
    expect(findRegion('us-iso-east-1')?.endpoints.sts).toBe('sts.us-iso-east-1.c2s.ic.gov');
    expect(findRegion('us-isob-east-1')?.endpoints.ec2).toBe('ec2.us-isob-east-1.sc2s.sgov.gov');
    expect(findRegion('eu-isoe-west-1')?.endpoints.sts).toBe('sts.eu-isoe-west-1.cloud.adc-e.uk');
    expect(findRegion('us-isof-south-1')?.endpoints.sts).toBe('sts.us-isof-south-1.csp.hci.ic.gov');
  });

  it('has opt-in regions only in the commercial partition', () => {
    expect(ALL_REGIONS.filter((r) => r.optIn && r.partition !== 'aws')).toEqual([]);
  });

  it('defaults the Test Region to us-east-1, a catalog region', () => {
    expect(DEFAULT_TEST_REGION).toBe('us-east-1');
    expect(isKnownRegion(DEFAULT_TEST_REGION)).toBe(true);
  });
});

describe('groupRegions', () => {
  it('groups by partition in display order, holding every region once', () => {
    const groups = groupRegions();
    expect(groups.map((g) => g.partition)).toEqual([...PARTITION_IDS]);
    expect(groups.slice(0, 4).map((g) => g.label)).toEqual([
      'AWS (commercial)',
      'AWS GovCloud (US)',
      'AWS China',
      'AWS European Sovereign Cloud',
    ]);
    expect(groups.flatMap((g) => g.regions).length).toBe(ALL_REGIONS.length);
  });

  it('searches code, name and partition name, case- and accent-insensitively, every word required', () => {
    const codes = (search: string) => groupRegions(search).flatMap((g) => g.regions.map((r) => r.code));
    expect(codes('sao paulo')).toEqual(['sa-east-1']);
    expect(codes('São Paulo')).toEqual(['sa-east-1']);
    expect(groupRegions('GOV').map((g) => g.partition)).toEqual(['aws-us-gov']);
    expect(codes('china')).toHaveLength(2);
    // The ISOE partition is "AWS ISOE (Europe)": its western region is a European west region too.
    expect(codes('europe west')).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-isoe-west-1']);
    expect(codes('europe zurich')).toEqual(['eu-central-2']);
    expect(codes('eu-west')).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3']);
    expect(codes('sovereign')).toEqual(['eusc-de-east-1']);
    expect(codes('isob')).toEqual(['us-isob-east-1', 'us-isob-west-1']);
    expect(groupRegions('no such place')).toEqual([]);
  });
});
