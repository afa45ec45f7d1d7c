import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { expectedSignature, parseAmzDate, parseAuthorization } from '../../aws-endpoint/sigv4';

const bytes = (data: string | ArrayBuffer | ArrayBufferView): string | Buffer =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** The signer's hash: HMAC when given a key, plain SHA-256 otherwise, as @aws-crypto's does. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

describe('loopback endpoint SigV4 verification', () => {
  it('reproduces the get-vanilla vector of the AWS SigV4 test suite', () => {
    const header =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
    const auth = parseAuthorization(header)!;
    expect(auth).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      region: 'us-east-1',
      service: 'service',
      signedHeaders: ['host', 'x-amz-date'],
    });
    const signature = expectedSignature(
      {
        method: 'GET',
        path: '/',
        query: '',
        headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
        body: Buffer.alloc(0),
      },
      auth,
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      '20150830T123600Z',
    );
    expect(signature).toBe(auth.signature);
  });

  it('agrees with the AWS SDK signer on a POST with a query string and a body, and rejects any change', async () => {
    const signer = new SignatureV4({
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret/key+value' },
      region: 'eu-west-1',
      service: 'sts',
      sha256: Sha256,
    });
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const signed = await signer.sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: 4566,
        path: '/',
        query: { b: 'x y', a: ['2', '1'] },
        headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-www-form-urlencoded' },
        body,
      },
      { signingDate: new Date('2025-01-02T03:04:05Z') },
    );
    const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const auth = parseAuthorization(headers.authorization)!;
    const request = { method: 'POST', path: '/', query: 'b=x%20y&a=2&a=1', headers, body: Buffer.from(body) };
    expect(expectedSignature(request, auth, 'secret/key+value', headers['x-amz-date']!)).toBe(auth.signature);
    expect(expectedSignature({ ...request, body: Buffer.from(`${body}&x=1`) }, auth, 'secret/key+value', headers['x-amz-date']!)).not.toBe(
      auth.signature,
    );
    expect(expectedSignature(request, auth, 'secret/key+valuE', headers['x-amz-date']!)).not.toBe(auth.signature);
  });

  it('reads the basic ISO 8601 date and refuses other forms', () => {
    expect(parseAmzDate('20250102T030405Z')?.toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(parseAmzDate('2025-01-02T03:04:05Z')).toBeNull();
    expect(parseAuthorization('AWS4-HMAC-SHA256 Credential=broken')).toBeNull();
  });
});
