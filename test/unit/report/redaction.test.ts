import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markRedactions } from '../../../shared/report/redact/marks';
import { Redactor, redactSecretsOnly } from '../../../shared/report/redact/redactor';
import type { RedactionOptions } from '../../../shared/report/schema';

const ALL: RedactionOptions = { accounts: true, names: true, hosts: true, ips: true, emails: true };
const NONE: RedactionOptions = { accounts: false, names: false, hosts: false, ips: false, emails: false };

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = [
  b64url({ alg: 'RS256', kid: 'k1' }),
  b64url({
    iss: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123',
    aud: ['sts.amazonaws.com'],
    sub: 'system:serviceaccount:harness-delegate-ng:harness-delegate',
    exp: 1796294400,
    'kubernetes.io': { pod: 'secret-pod-name' },
  }),
  'c2lnbmF0dXJlLWJ5dGVzLXRoYXQtbXVzdC1nbw',
].join('.');

describe('report redaction: what always goes', () => {
  const redact = (text: string) => new Redactor(NONE).text(text);

  it('reduces a web identity token to its iss, aud, sub and exp claims', () => {
    const out = redact(`AWS_WEB_IDENTITY_TOKEN=${JWT} next`);
    expect(out).toBe(
      'AWS_WEB_IDENTITY_TOKEN=[JWT iss=https://oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123 aud=sts.amazonaws.com sub=system:serviceaccount:harness-delegate-ng:harness-delegate exp=2026-12-03T10:40:00Z] next',
    );
    expect(out).not.toContain('secret-pod-name');
    expect(redact('eyJhbGciOiJub25lIn0.bm90IGpzb24gYXQgYWxs.')).toBe('[JWT]');
    // Claims cannot close the placeholder or spread it over lines.
    const sneaky = [b64url({ alg: 'none' }), b64url({ sub: 'a]\n[redacted' }), 'sig'].join('.');
    expect(redact(sneaky)).toBe('[JWT sub=a   redacted]');
  });

  it('removes passwords from URLs, keeps the user and host, and removes the secrets redactSecrets knows', () => {
    expect(redact('HTTPS_PROXY=http://team:hunter2hunter2@proxy.corp:3128')).toBe('HTTPS_PROXY=http://team:[redacted]@proxy.corp:3128');
    expect(redact('https://user@host/x and https://host/p:a@b')).toBe('https://user@host/x and https://host/p:a@b');
    expect(redact('key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here')).toBe('key [redacted secret] here');
    expect(redact(`token ${'A'.repeat(300)}`)).toBe('token [redacted session token]');
  });

  it('shortens access key IDs, long-term and temporary, only as whole words', () => {
    expect(redact('AKIAIOSFODNN7EXAMPLE, ASIAY34FZKBOKMUTVV7A')).toBe('AKIA…MPLE, ASIA…VV7A');
    expect(redact('xAKIAIOSFODNN7EXAMPLE AKIAIOSFODNN7EXAMPLEX AKIAIOSF')).toBe('xAKIAIOSFODNN7EXAMPLE AKIAIOSFODNN7EXAMPLEX AKIAIOSF');
  });

  it('counts what it did, rule by rule', () => {
    const redactor = new Redactor(NONE);
    redactor.value({ a: ['AKIAIOSFODNN7EXAMPLE', JWT], b: { 'http://u:pw@h': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
    expect(redactor.record()).toEqual({
      options: NONE,
      applied: [
        { rule: 'tokens', count: 1 },
        { rule: 'passwords', count: 1 },
        { rule: 'secrets', count: 1 },
        { rule: 'accessKeyIds', count: 1 },
      ],
    });
  });
});

describe('report redaction: the optional masks', () => {
  it('masks each account, role, user, session, host, IP and e-mail consistently across the whole report', () => {
    const redactor = new Redactor(ALL);
    const out = redactor.value({
      identity: 'arn:aws:sts::123456789012:assumed-role/Ops/jane@corp.example',
      role: 'arn:aws:iam::210987654321:role/teams/harness-deploy',
      userId: 'AROAEXAMPLEROLEID1234:awb-session',
      message:
        'User: arn:aws:iam::123456789012:user/ci-bot is not authorized to assume arn:aws:iam::210987654321:role/teams/harness-deploy',
      command: 'aws iam get-role --role-name harness-deploy; mail ops@corp.example',
      endpoint: 'https://sts.internal.corp:8443/ and https://sts.us-east-1.amazonaws.com and http://10.1.2.3:80/x',
      ips: '192.168.0.10 fe80::1ff:fe23:4567:890a 2001:db8::1 but not 1.2.3.4.5, 10:00:00, 999.1.1.1 or ec2:DescribeRegions',
    });
    expect(out).toEqual({
      identity: 'arn:aws:sts::[account-1]:assumed-role/[role-1]/[session-1]',
      role: 'arn:aws:iam::[account-2]:role/[role-2]',
      userId: 'AROAEXAMPLEROLEID1234:[session-2]',
      message: 'User: arn:aws:iam::[account-1]:user/[user-1] is not authorized to assume arn:aws:iam::[account-2]:role/[role-2]',
      command: 'aws iam get-role --role-name [role-3]; mail [email-1]',
      endpoint: 'https://[host-1]:8443/ and https://sts.us-east-1.amazonaws.com and http://[host-2]:80/x',
      ips: '[ip-1] [ip-2] [ip-3] but not 1.2.3.4.5, 10:00:00, 999.1.1.1 or ec2:DescribeRegions',
    });
    expect(JSON.stringify(out)).not.toMatch(/\d{12}/);
  });

  it('leaves AWS and documentation hosts alone, and masks nothing that was not asked for', () => {
    const text = 'https://docs.aws.amazon.com/x https://developer.harness.io/y arn:aws:iam::123456789012:role/R 10.0.0.1 a@b.example';
    expect(new Redactor(NONE).text(text)).toBe(text);
    expect(new Redactor({ ...NONE, accounts: true }).text(text)).toBe(text.replace('123456789012', '[account-1]'));
  });
});

describe('report redaction: every input', () => {
  const anyText = fc.string({
    unit: fc.constantFrom(...'aAkKIS0129:/@.[]-_=+ eyJ…'.split(''), 'AKIA', 'eyJ', '://', ':role/', '[redacted]'),
    maxLength: 200,
  });

  it('is idempotent: a redacted report redacted again is unchanged (the last line of defence at save time)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = new Redactor(ALL).text(text);
        expect(new Redactor(ALL).text(once)).toBe(once);
        expect(redactSecretsOnly(once)).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('marks pieces that join back into the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(
          markRedactions(text)
            .map((p) => p.text)
            .join(''),
        ).toBe(text);
      }),
      { numRuns: 400 },
    );
    expect(markRedactions('md \\[account-2\\] \\[redacted\\]').filter((p) => p.mark)).toEqual([
      { text: '\\[account-2\\]', mark: 'account' },
      { text: '\\[redacted\\]', mark: 'secret' },
    ]);
    expect(markRedactions('a [account-1] b AKIA…MPLE [JWT sub=[role-1]] [not-1] [redacted secret]').filter((p) => p.mark)).toEqual([
      { text: '[account-1]', mark: 'account' },
      { text: 'AKIA…MPLE', mark: 'key' },
      { text: '[JWT sub=[role-1]]', mark: 'token' },
      { text: '[redacted secret]', mark: 'secret' },
    ]);
  });

  it('takes time linear in its input, also for inputs built to make scans start over', () => {
    const hostile = [
      'eyJ'.repeat(1),
      'eyJaaaaaaaaa.',
      'AKIA',
      '://a:b',
      'a@',
      '[account-',
      ':role/',
      ':assumed-role/',
      'AROA',
      '1.',
      'a:',
      '123456789012',
      '[',
      'A',
    ];
    for (const unit of hostile) {
      // The fastest of three, so a busy machine's pauses do not count as the scan's own time.
      const time = (chars: number) => {
        const text = unit.repeat(Math.ceil(chars / unit.length));
        return Math.min(
          ...[0, 1, 2].map(() => {
            const start = performance.now();
            markRedactions(new Redactor(ALL).text(text));
            return performance.now() - start;
          }),
        );
      };
      time(10_000);
      const small = time(50_000);
      const large = time(200_000);
      // Four times the input: well under sixteen times the time (a quadratic scan would take 16x).
      expect(large, `unit ${JSON.stringify(unit)}`).toBeLessThan(Math.max(small * 10, 80));
    }
  });
});
