import { randomBytes } from 'node:crypto';
import type { PrincipalSpec } from './model';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function pick(alphabet: string, length: number): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** Temporary credentials shaped like STS's: an `ASIA…` key, a 40-character secret, a long session token. */
export function issueTemporary(arn: string, userId: string, allow: readonly string[], expiresAt: Date): PrincipalSpec {
  return {
    accessKeyId: `ASIA${pick(UPPER, 16)}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(300).toString('base64')}`,
    expiresAt,
    arn,
    userId,
    allow,
  };
}

/** For fixtures: a long-term `AKIA…` key pair for an IAM user. */
export function userKeys(): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: `AKIA${pick(UPPER, 16)}`, secretAccessKey: randomBytes(30).toString('base64') };
}

/** An unsigned JWT with the claims STS checks; enough for a test double that does not verify signatures. */
export function webIdentityToken(claims: { iss: string; sub: string; aud: string; exp: number }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'loopback-test-key' })}.${part({ ...claims, iat: claims.exp - 86_400 })}.${randomBytes(32).toString('base64url')}`;
}
