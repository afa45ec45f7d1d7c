import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/services/doctor/diagnose';

const first = async (text: string) => (await diagnose([{ name: 'case', text }])).findings[0];

describe('doctor context clues (issue 14)', () => {
  it('reads an instance-metadata failure on a laptop as no credentials configured', async () => {
    const text =
      'On my laptop (Windows 10) every request fails: cURL error 7: Failed to connect to 169.254.169.254 port 80: Network unreachable';
    expect((await first(text))?.class).toBe('no_credentials_found');
  });

  it('reads a chain that ran out on an EC2 instance as instance metadata trouble', async () => {
    const text =
      'botocore.exceptions.NoCredentialsError: Unable to locate credentials (this runs on an EC2 instance with an instance profile)';
    expect((await first(text))?.class).toBe('imds_unreachable');
  });

  it('does not blame the network for a host in the wrong partition', async () => {
    const text = 'Error: getaddrinfo ENOTFOUND sts.cn-north-1.amazonaws.com';
    expect((await first(text))?.class).toBe('endpoint_resolution_error');
  });

  it('reads CloudTrail events pasted as JSON', async () => {
    const event = (eventName: string) =>
      JSON.stringify(
        { eventSource: 'sts.amazonaws.com', eventName, errorCode: 'AccessDenied', errorMessage: 'An unknown error occurred' },
        null,
        2,
      );
    expect((await first(event('AssumeRoleWithWebIdentity')))?.class).toBe('web_identity_trust_denied');
    expect((await first(event('AssumeRole')))?.class).toBe('assume_role_denied');
  });

  it('knows tool wordings for missing credentials', async () => {
    expect((await first('Error: AWS provider credentials not found. Learn how to set up AWS provider credentials'))?.class).toBe(
      'no_credentials_found',
    );
    expect((await first('Need to perform AWS calls for account 123456789012, but no credentials have been configured'))?.class).toBe(
      'no_credentials_found',
    );
  });

  it('gives no weak guess for an ordinary log line', async () => {
    expect(await first('2024-05-14 INFO using profile dev; instance metadata answered in 3 ms')).toBeUndefined();
  });
});
