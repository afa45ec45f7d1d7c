import { describe, expect, it } from 'vitest';
import { redactSecrets, shortenAccessKeyId } from '../../../shared/redact';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION = `IQoJb3JpZ2luX2VjE${'A'.repeat(300)}==`;

describe('redactSecrets', () => {
  it.each([
    ['a bare secret access key', `key is ${SECRET} ok`],
    ['an env assignment', `AWS_SECRET_ACCESS_KEY=${SECRET}`],
    ['a session token', `aws_session_token = ${SESSION}`],
    ['a JSON field', `{"SecretAccessKey":"${SECRET}"}`],
    ['a delegate token', 'DELEGATE_TOKEN: "YjVlNmE3ZDRkYjVlNmE3ZDRkNGQ="'],
    [
      'an Authorization header',
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261128/us-east-1/sts/aws4_request, Signature=abc',
    ],
    ['a JWT', 'token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJlc2lnbmF0dXJl'],
    ['an unsigned (alg: none) JWT', 'token eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeXN0ZW0ifQ. used'],
  ])('removes %s', (_name, text) => {
    const out = redactSecrets(text);
    expect(out).toContain('[redacted');
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(SESSION);
    expect(out).not.toContain('YjVlNmE3ZDRkYjVlNmE3ZDRkNGQ=');
    expect(out).not.toContain('eyJzdWIiOiJzeXN0ZW0ifQ');
  });

  it('removes values it was told about, wherever they appear', () => {
    expect(redactSecrets('pw is hunter22!', ['hunter22!'])).toBe('pw is [redacted]');
  });

  it('keeps ordinary diagnostic text intact', () => {
    const text =
      'InvalidClientTokenId: The security token included in the request is invalid. status code: 403, request id: 86d1302f-64cb-427a-8824-296ab645b63c';
    expect(redactSecrets(text)).toBe(text);
  });

  it('stays fast on a huge paste (linear patterns)', () => {
    const huge = 'a'.repeat(2_000_000) + ' token=abc';
    expect(redactSecrets(huge).endsWith('token=[redacted]')).toBe(true);
  });
});

describe('shortenAccessKeyId', () => {
  it('keeps the prefix and the last four characters', () => {
    expect(shortenAccessKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
  });
});
