import { describe, expect, it } from 'vitest';
import { checkRoleArn, externalIdError } from '../../../shared/connector';

describe('checkRoleArn', () => {
  it.each([
    ['arn:aws:iam::222222222222:role/Deploy', 'aws', 'Deploy'],
    ['arn:aws-us-gov:iam::123456789012:role/Gov', 'aws-us-gov', 'Gov'],
    ['arn:aws-cn:iam::123456789012:role/cn-role', 'aws-cn', 'cn-role'],
    ['arn:aws-iso:iam::123456789012:role/iso', 'aws-iso', 'iso'],
    ['arn:aws-iso-b:iam::123456789012:role/isob', 'aws-iso-b', 'isob'],
    ['arn:aws:iam::123456789012:role/service-role/path/My+Role=,.@_-', 'aws', 'My+Role=,.@_-'],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(64)}`, 'aws', 'r'.repeat(64)],
  ])('accepts %s', (arn, partition, roleName) => {
    expect(checkRoleArn(arn)).toEqual({ ok: true, partition, accountId: arn.split(':')[4], roleName });
  });

  it.each([
    ['', /required/],
    [' arn:aws:iam::123456789012:role/x', /spaces/],
    ['Deploy', /not an ARN/],
    ['arn:aws:iam::123456789012', /not an ARN/],
    ['arn:amazon:iam::123456789012:role/x', /"amazon" is not an AWS partition/],
    ['arn:aws:sts::123456789012:assumed-role/x/y', /sts service/],
    ['arn:aws:iam:us-east-1:123456789012:role/x', /no region/],
    ['arn:aws:iam::12345678901:role/x', /12 digits/],
    ['arn:aws:iam::1234567890123:role/x', /12 digits/],
    ['arn:aws:iam::12345678901a:role/x', /12 digits/],
    ['arn:aws:iam::123456789012:user/alice', /names a user, not a role/],
    ['arn:aws:iam::123456789012:role/', /no role name/],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, /at most 64/],
    ['arn:aws:iam::123456789012:role/has space', /letters, digits/],
    ['arn:aws:iam::123456789012:role/pa th/x', /path/],
  ])('refuses %j', (arn, message) => {
    const result = checkRoleArn(arn);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('externalIdError', () => {
  it.each(['ab', 'abc123', 'a+b=c,d.e@f:g/h-i_j', 'x'.repeat(1224)])('accepts %j', (id) => expect(externalIdError(id)).toBeNull());
  it.each([
    ['a', /2 to 1224/],
    ['x'.repeat(1225), /2 to 1224/],
    ['has space', /no spaces/],
    ['semi;colon', /can only contain/],
    ['ünï', /can only contain/],
  ])('refuses %j', (id, message) => expect(externalIdError(id)).toMatch(message));
});
