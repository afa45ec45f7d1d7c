import { DEFAULT_OIDC_AUDIENCE, ENHANCED_SUBJECT_FLAG, harnessIssuerUrl, parseHarnessIssuer, parseHarnessSubject } from './harness';

/**
 * The claims of a pasted or read OIDC token, for showing and checking them before STS sees the token.
 * The signature is not verified (STS does that; this app has no business trusting a token), so
 * nothing here proves who issued it: it only reads what the token says. The token itself is never
 * part of the result, only the claims, which name an issuer, an audience and a scope, not a secret.
 */
export interface TokenClaims {
  readonly issuer: string | null;
  readonly audiences: readonly string[];
  readonly subject: string | null;
  /** Seconds since the epoch, as JWTs count. */
  readonly expiresAt: number | null;
  readonly issuedAt: number | null;
  readonly notBefore: number | null;
  /** Harness's own claims (developer-hub, "Custom Parameters"): who asked for the token, and why. */
  readonly harness: {
    readonly accountId: string | null;
    readonly organizationId: string | null;
    readonly projectId: string | null;
    readonly connectorId: string | null;
    readonly context: string | null;
  };
}

export type ClaimsRead = { readonly ok: true; readonly claims: TokenClaims } | { readonly ok: false; readonly problem: string };

/** STS accepts a WebIdentityToken of at most 20,000 characters (AssumeRoleWithWebIdentity API reference). */
export const MAX_TOKEN_CHARS = 20_000;
/** A claim is shown, never more than this of it: a hostile token must not fill the window. */
const MAX_CLAIM_CHARS = 512;
const MAX_AUDIENCES = 10;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeSegment(segment: string): unknown {
  const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value.slice(0, MAX_CLAIM_CHARS) : null);
const seconds = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function audiencesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value.slice(0, MAX_AUDIENCES) : [value];
  return list.map(text).filter((aud): aud is string => aud !== null);
}

/**
 * Reads the payload of a JWT (header.payload.signature, base64url). Every problem is worded without
 * quoting the token: a wrong paste may be some other secret.
 */
export function readTokenClaims(raw: string): ClaimsRead {
  const token = raw.trim();
  if (token.length === 0) return { ok: false, problem: 'The token is empty.' };
  if (token.length > MAX_TOKEN_CHARS)
    return { ok: false, problem: `The token is longer than the ${MAX_TOKEN_CHARS.toLocaleString('en-US')} characters STS accepts.` };
  const segments = token.split('.');
  if (segments.length !== 3 || !segments.every((segment) => BASE64URL.test(segment))) {
    return {
      ok: false,
      problem: 'This is not a JSON Web Token: an OIDC token is three base64url parts joined by dots (header.payload.signature).',
    };
  }
  let payload: unknown;
  try {
    payload = decodeSegment(segments[1]!);
  } catch {
    return { ok: false, problem: 'The middle part of the token does not decode to JSON claims.' };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return { ok: false, problem: 'The claims of the token are not a JSON object.' };
  const claims = payload as Record<string, unknown>;
  return {
    ok: true,
    claims: {
      issuer: text(claims.iss),
      audiences: audiencesOf(claims.aud),
      subject: text(claims.sub),
      expiresAt: seconds(claims.exp),
      issuedAt: seconds(claims.iat),
      notBefore: seconds(claims.nbf),
      harness: {
        accountId: text(claims.account_id),
        organizationId: text(claims.organization_id),
        projectId: text(claims.project_id),
        connectorId: text(claims.connector_id),
        context: text(claims.context),
      },
    },
  };
}

/** What the role's trust policy needs from the token, as the setup generator wrote it or as the connector implies. */
export interface ClaimExpectations {
  readonly harnessAccountId?: string | undefined;
  readonly audience?: string | undefined;
  /** The `:sub` condition the setup generator writes: an exact subject, or StringLike with one `*` at the end. */
  readonly subject?: { readonly operator: 'StringEquals' | 'StringLike'; readonly value: string } | null | undefined;
}

export interface ClaimCheck {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** A token this much ahead of this machine's clock says more about the clock than about the token. */
const CLOCK_TOLERANCE_SECONDS = 300;

function minutes(delta: number): string {
  const m = Math.max(1, Math.round(Math.abs(delta) / 60));
  return m >= 120 ? `${Math.round(m / 60)} hours` : `${m} minute${m === 1 ? '' : 's'}`;
}

function timeChecks(claims: TokenClaims, nowSeconds: number): ClaimCheck[] {
  if (claims.expiresAt === null) return [{ severity: 'error', message: 'The token has no expiry (exp claim); STS refuses such tokens.' }];
  const out: ClaimCheck[] = [];
  if (claims.expiresAt <= nowSeconds) {
    out.push({
      severity: 'error',
      message: `The token expired ${minutes(nowSeconds - claims.expiresAt)} ago (${new Date(claims.expiresAt * 1000).toISOString()}): STS will refuse it. Harness tokens live about an hour; get a fresh one.`,
    });
  }
  const start = claims.notBefore ?? claims.issuedAt;
  if (start !== null && start > nowSeconds + CLOCK_TOLERANCE_SECONDS) {
    out.push({
      severity: 'warning',
      message: `The token was issued ${minutes(start - nowSeconds)} in the future of this machine's clock: check the clock (NTP).`,
    });
  }
  return out;
}

function issuerChecks(claims: TokenClaims, expected: ClaimExpectations): ClaimCheck[] {
  const issuer = claims.issuer ? parseHarnessIssuer(claims.issuer) : null;
  if (!issuer) {
    const wanted = expected.harnessAccountId
      ? harnessIssuerUrl(expected.harnessAccountId)
      : 'https://app.harness.io/ng/api/oidc/account/<account id>';
    return [
      {
        severity: 'warning',
        message: `The issuer is ${claims.issuer ?? 'missing'}, not Harness's connector issuer (${wanted}); is this the token of a Harness OIDC connector?`,
      },
    ];
  }
  if (expected.harnessAccountId && issuer.accountId !== expected.harnessAccountId) {
    return [
      {
        severity: 'error',
        message: `The token is from Harness account ${issuer.accountId}, but the role trusts account ${expected.harnessAccountId}'s issuer; STS will not find an OIDC provider for it.`,
      },
    ];
  }
  return [];
}

function audienceChecks(claims: TokenClaims, expected: ClaimExpectations): ClaimCheck[] {
  const audience = expected.audience ?? DEFAULT_OIDC_AUDIENCE;
  if (claims.audiences.includes(audience)) return [];
  return [
    {
      severity: 'error',
      message: `The token's audience is ${claims.audiences.join(', ') || 'missing'}, but the role's trust policy and OIDC provider expect ${audience}.`,
    },
  ];
}

function subjectChecks(claims: TokenClaims, expected: ClaimExpectations): ClaimCheck[] {
  const condition = expected.subject;
  if (!condition) return [];
  const subject = claims.subject ?? '';
  const admitted =
    condition.operator === 'StringLike' && condition.value.endsWith('*')
      ? subject.startsWith(condition.value.slice(0, -1))
      : condition.value === subject;
  if (admitted) return [];
  const enhanced = parseHarnessSubject(subject) !== null;
  return [
    {
      severity: 'error',
      message: enhanced
        ? `The token's subject ${subject} is not admitted by the trust policy's :sub ${condition.value}: the connector is in another organization or project.`
        : `The token's subject ${subject || '(none)'} is not of the form account/<id>:org/<org>:project/<project>; Harness sends that form only with the feature flag ${ENHANCED_SUBJECT_FLAG}, so a :sub condition on the scope cannot match.`,
    },
  ];
}

/**
 * The token against what STS and the role will check: expiry, the Harness issuer (and its account),
 * the audience and the subject. Advice before the call, not a verdict: STS decides, with its own clock.
 */
export function checkTokenClaims(claims: TokenClaims, expected: ClaimExpectations, now: Date): ClaimCheck[] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return [
    ...timeChecks(claims, nowSeconds),
    ...issuerChecks(claims, expected),
    ...audienceChecks(claims, expected),
    ...subjectChecks(claims, expected),
  ];
}
