import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_CHARS, checkTokenClaims, readTokenClaims, type TokenClaims } from '../../../shared/oidc/claims';
import { harnessIssuerUrl, parseHarnessIssuer, parseHarnessSubject, subjectCondition } from '../../../shared/oidc/harness';

const ACCOUNT = 'Hue1lBsaSx2APlXjzVEPIg';
const NOW = new Date('2026-06-01T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJlLXNlY3JldA`;

/** The example payload of Harness's docs (developer-hub, "JWT sent by a connector at the project scope"). */
const HARNESS_PAYLOAD = {
  sub: `account/${ACCOUNT}:org/default:project/OIDC_Test`,
  iss: harnessIssuerUrl(ACCOUNT),
  aud: 'sts.amazonaws.com',
  exp: nowSeconds + 3000,
  iat: nowSeconds - 600,
  account_id: ACCOUNT,
  organization_id: 'default',
  project_id: 'OIDC_Test',
  connector_id: 'AWS_OIDC',
  connector_name: 'AWS_OIDC',
  context: 'CONNECTOR_VALIDATION',
};

function claimsOf(payload: object): TokenClaims {
  const read = readTokenClaims(jwt(payload));
  if (!read.ok) throw new Error(read.problem);
  return read.claims;
}

describe('reading a token’s claims', () => {
  it('reads the standard and Harness claims of a connector token, and nothing of the signature', () => {
    const read = readTokenClaims(`  ${jwt(HARNESS_PAYLOAD)}\n`);
    expect(read).toEqual({
      ok: true,
      claims: {
        issuer: harnessIssuerUrl(ACCOUNT),
        audiences: ['sts.amazonaws.com'],
        subject: HARNESS_PAYLOAD.sub,
        expiresAt: HARNESS_PAYLOAD.exp,
        issuedAt: HARNESS_PAYLOAD.iat,
        notBefore: null,
        harness: {
          accountId: ACCOUNT,
          organizationId: 'default',
          projectId: 'OIDC_Test',
          connectorId: 'AWS_OIDC',
          context: 'CONNECTOR_VALIDATION',
        },
      },
    });
    expect(JSON.stringify(read)).not.toContain('c2lnbmF0dXJl');
  });

  it('keeps a list audience, bounded, and drops claims of the wrong type', () => {
    const claims = claimsOf({
      aud: ['a', 2, 'b', ...Array.from({ length: 30 }, (_, i) => `x${i}`)],
      exp: 'soon',
      sub: { evil: 1 },
      iss: 'x'.repeat(5000),
    });
    expect(claims.audiences.slice(0, 2)).toEqual(['a', 'b']);
    expect(claims.audiences.length).toBeLessThanOrEqual(10);
    expect(claims.expiresAt).toBeNull();
    expect(claims.subject).toBeNull();
    expect(claims.issuer?.length).toBe(512);
  });

  it.each([
    ['', /empty/],
    ['just-one-part', /three base64url parts/],
    ['a.b.c.d.e', /three base64url parts/],
    ['a.b c.d', /three base64url parts/],
    [`e30.${b64('not json')}.sig`, /does not decode to JSON/],
    [`e30.${b64('[1,2]')}.sig`, /not a JSON object/],
    [`e30.${Buffer.from([0xff, 0xfe]).toString('base64url')}.sig`, /does not decode/],
    ['a'.repeat(MAX_TOKEN_CHARS + 1), /longer than the 20,000 characters/],
  ])('refuses %j with a message that quotes nothing of it', (token, problem) => {
    const read = readTokenClaims(token);
    expect(read).toMatchObject({ ok: false, problem: expect.stringMatching(problem) });
    if (token.length > 3) expect(JSON.stringify(read)).not.toContain(token.slice(0, 12));
  });

  it('never throws and never repeats its input, whatever it is given (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(fc.base64String(), { minLength: 3, maxLength: 3 }).map((p) => p.join('.')),
        ),
        (token) => {
          const read = readTokenClaims(token);
          if (!read.ok && token.trim().length >= 8) expect(read.problem).not.toContain(token.trim());
        },
      ),
    );
  });
});

describe('checking the claims before STS does', () => {
  it('a fresh Harness token for the expected account, audience and project passes', () => {
    const claims = claimsOf(HARNESS_PAYLOAD);
    expect(checkTokenClaims(claims, { harnessAccountId: ACCOUNT, subject: subjectCondition(ACCOUNT, 'default', undefined) }, NOW)).toEqual(
      [],
    );
    expect(checkTokenClaims(claims, { subject: subjectCondition(ACCOUNT, 'default', 'OIDC_Test') }, NOW)).toEqual([]);
  });

  it('names each problem: expired, issued in the future, another issuer or account, audience, subject', () => {
    const expired = claimsOf({ ...HARNESS_PAYLOAD, exp: nowSeconds - 600 });
    expect(checkTokenClaims(expired, {}, NOW)).toEqual([
      { severity: 'error', message: expect.stringMatching(/^The token expired 10 minutes ago \(2026-06-01T11:50:00.000Z\)/) },
    ]);
    const future = claimsOf({ ...HARNESS_PAYLOAD, iat: nowSeconds + 3600 });
    expect(checkTokenClaims(future, {}, NOW)).toEqual([
      { severity: 'warning', message: expect.stringMatching(/in the future of this machine's clock/) },
    ]);
    const eks = claimsOf({ ...HARNESS_PAYLOAD, iss: 'https://oidc.eks.us-east-1.amazonaws.com/id/X' });
    expect(checkTokenClaims(eks, {}, NOW)[0]?.message).toMatch(/not Harness's connector issuer/);
    expect(checkTokenClaims(claimsOf(HARNESS_PAYLOAD), { harnessAccountId: 'Other' }, NOW)[0]?.message).toMatch(
      /from Harness account Hue1lBsaSx2APlXjzVEPIg, but the role trusts account Other/,
    );
    expect(checkTokenClaims(claimsOf({ ...HARNESS_PAYLOAD, aud: 'x' }), {}, NOW)[0]?.message).toMatch(
      /audience is x, but .* expect sts.amazonaws.com/,
    );
    const project = subjectCondition(ACCOUNT, 'default', 'Other');
    expect(checkTokenClaims(claimsOf(HARNESS_PAYLOAD), { subject: project }, NOW)[0]?.message).toMatch(/another organization or project/);
    const legacy = claimsOf({ ...HARNESS_PAYLOAD, sub: ACCOUNT });
    expect(checkTokenClaims(legacy, { subject: project }, NOW)[0]?.message).toMatch(/PL_OIDC_ENHANCED_SUBJECT_FIELD/);
    expect(checkTokenClaims(claimsOf({ ...HARNESS_PAYLOAD, exp: undefined }), {}, NOW)[0]?.message).toMatch(/no expiry/);
  });
});

describe('Harness issuers and subjects', () => {
  it('recognises the connector issuer on any Harness host, with or without https://', () => {
    expect(parseHarnessIssuer(harnessIssuerUrl(ACCOUNT))).toEqual({ host: 'app.harness.io', accountId: ACCOUNT });
    expect(parseHarnessIssuer(`app3.harness.io/ng/api/oidc/account/${ACCOUNT}/`)).toEqual({ host: 'app3.harness.io', accountId: ACCOUNT });
    for (const other of [
      'https://token.actions.githubusercontent.com',
      '/ng/api/oidc/account/x',
      'https://app.harness.io/ng/api/oidc/account/a b',
      `https://UP PER/ng/api/oidc/account/${ACCOUNT}`,
    ]) {
      expect(parseHarnessIssuer(other)).toBeNull();
    }
  });

  it('reads the three scopes of the enhanced subject (developer-hub examples) and nothing else', () => {
    expect(parseHarnessSubject(`account/${ACCOUNT}:org/default:project/OIDC_Test`)).toEqual({
      accountId: ACCOUNT,
      org: 'default',
      project: 'OIDC_Test',
    });
    expect(parseHarnessSubject(`account/${ACCOUNT}:org/default:project/`)).toEqual({ accountId: ACCOUNT, org: 'default', project: '' });
    expect(parseHarnessSubject(`account/${ACCOUNT}:org/:project/`)).toEqual({ accountId: ACCOUNT, org: '', project: '' });
    expect(parseHarnessSubject(ACCOUNT)).toBeNull();
    expect(parseHarnessSubject('system:serviceaccount:ns:sa')).toBeNull();
  });

  it('limits a role to a project exactly, to an organization with StringLike, or not at all', () => {
    expect(subjectCondition(ACCOUNT, 'default', 'p')).toEqual({
      operator: 'StringEquals',
      value: `account/${ACCOUNT}:org/default:project/p`,
    });
    expect(subjectCondition(ACCOUNT, 'default', undefined)).toEqual({
      operator: 'StringLike',
      value: `account/${ACCOUNT}:org/default:project/*`,
    });
    expect(subjectCondition(ACCOUNT, undefined, undefined)).toBeNull();
  });
});
