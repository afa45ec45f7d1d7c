import { describe, expect, it } from 'vitest';
import { dnsSuffixOf, dnsSuffixOfRegion, globalStsHost, partitionOfArn, partitionOfRegion } from '../../../shared/regions';

describe('partitionOfRegion', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['eu-central-2', 'aws'],
    ['il-central-1', 'aws'],
    ['mx-central-1', 'aws'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['us-isof-south-1', 'aws-iso-f'],
    ['eu-isoe-west-1', 'aws-iso-e'],
    ['eusc-de-east-1', 'aws-eusc'],
    // Not yet launched but fits the commercial pattern: the SDK resolves it the same way.
    ['ap-future-9', 'aws'],
  ])('%s is in %s', (region, partition) => expect(partitionOfRegion(region)).toBe(partition));

  it.each(['', 'useast1', 'US-EAST-1', 'xx-east-1', 'us-east', 'us-east-1 ', 'cn-north'])('"%s" is in no partition', (region) =>
    expect(partitionOfRegion(region)).toBeNull(),
  );
});

describe('partitionOfArn', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/Deploy', 'aws'],
    ['arn:aws-us-gov:iam::123456789012:role/Deploy', 'aws-us-gov'],
    ['arn:aws-cn:iam::123456789012:role/Deploy', 'aws-cn'],
    ['arn:aws-iso:iam::123456789012:role/Deploy', 'aws-iso'],
    ['arn:aws-iso-b:iam::123456789012:role/Deploy', 'aws-iso-b'],
    ['  arn:aws:s3:::bucket', 'aws'],
  ])('%s is in %s', (arn, partition) => expect(partitionOfArn(arn)).toBe(partition));

  it.each(['', 'aws:iam::1:role/x', 'arn:amazon:iam::123456789012:role/x', 'arn::iam::1:role/x', 'arn:AWS:iam::1:role/x'])(
    '"%s" has no known partition',
    (arn) => expect(partitionOfArn(arn)).toBeNull(),
  );
});

describe('DNS suffixes and global STS', () => {
  it('gives each partition its suffix', () => {
    expect(dnsSuffixOf('aws')).toBe('amazonaws.com');
    expect(dnsSuffixOf('aws-us-gov')).toBe('amazonaws.com');
    expect(dnsSuffixOf('aws-cn')).toBe('amazonaws.com.cn');
    expect(dnsSuffixOf('aws-iso')).toBe('c2s.ic.gov');
    expect(dnsSuffixOfRegion('cn-northwest-1')).toBe('amazonaws.com.cn');
    expect(dnsSuffixOfRegion('nowhere')).toBeNull();
  });

  it('has a global STS endpoint only in the commercial partition', () => {
    expect(globalStsHost('aws')).toBe('sts.amazonaws.com');
    expect(globalStsHost('aws-us-gov')).toBeNull();
    expect(globalStsHost('aws-cn')).toBeNull();
  });
});
