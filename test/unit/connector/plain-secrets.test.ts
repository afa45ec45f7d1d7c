import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  checkConnectorDocument,
  formatPath,
  plainSecretKind,
  validConnectorDocumentSchema,
  type ConnectorDocument,
  type PlainSecretKind,
} from '../../../shared/connector';
import { SHAPES } from './shapes';

// Made-up key material with the look of the real thing (random bytes, base64); none of it was ever a credential.
const AWS_DOCS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SECRET_KEYS = [
  AWS_DOCS_SECRET,
  'jgOR9aQn7OdOBpRilDU0fnJmRIduC10bOKX+CDIH',
  'sOVnyMti5jfLiRJxD50EqTSokOhJokvj6eYwuPDj',
  'uy2CZXLiKQDtFDvQPHGiDStwUTT+1tW0K5iCiCZd',
  'Fc2PYElPV3PvOxdfMsQsniUemTRV78idZVlzq2nD',
];
const IQOJ_TOKEN =
  'IQoJb3JpZ2luX2VjE2GCL+vrgbay2dwB1W6NatlNYXNDqf7z49slm9lfkhFiZgOMnt6X5nVh3ePxs5kZcmDwxcDAUEXj60o4Q/0oZ/+jGFWSKGNfLZpdT36VgeQ4mJLhrQymYXL9d2Ivr9HAe+xkY8F/2xYrVIYoreu0Pamd8WvOU4fQlfUrN/cokj4uRIMGOVgl2u9fKtLGTVlyP+ZJH7JCv9jkIVJLogsisiCf7zVPDMdNrgcxEncRj1ZVJjlY1o+tnQwRCF5eytEaVld2zkEvX+OO2V2rTqE21qVBK+JwOi0cZHRpfM6lXwYnPI6vJbWCl3Vthr4g6luV9JDTkAD9wzf58mNZKfDm33r8+4zomn5+7rI12fkAPzaZszayqsL5HTONpF1KNYyG+MGK+WgphQiXNiEs2';
const FWOG_TOKEN =
  'FwoGZXIvYXdzEltnKLvVY+MVRrRdA9JErZFjRXc/jNTTL06GEbtcoeRqIVhvKM64dOmzUmzEIWflaVubtZDi2a5+2riy+gvsbX8X5BCDoXr+3VTsdS8AGKVNTpAhc2na86vFajBIs12sN1ALTgZ6OeZlR0oHy/Elr6BDfv0CBpoZob/y+9NGQpd69ZIdft7bN1o3DG9fu19p9+hQfJf2xT+Sfxv8Qc/f9mGfyIIt8jBRMZ4uQy4v/38Q2xE5LVFgEHgCMCLmW/xStMpyMY1D8DfU=';
const PLAIN_BASE64 =
  'CYe1jvCyWNVeyALEUeqaU4zrJNNsY1m6eL0JrxT4CPCcpOaHw/RaXp+R7qaG0BHb6kErZZjtmlasJipCed1kFzalAtqQ63chGotrHUnVR5F6x6dYWC5U2VJhTDjomv2wk+1Jbp9G23hH7SDVIPm1pNnMQj7W15URDpLvwBKN58YORYDGRzcVprPvzL5yDkRWMVM3QvEd';
const ARN_RUN = 'role/aB3dE5fG7hJ9kL2mN4pQ6r/S8tU1vW3xY5z';
const RSA_KEY =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----';

describe('plainSecretKind: what counts as a secret', () => {
  it.each<[string, PlainSecretKind]>([
    ...SECRET_KEYS.map((key): [string, PlainSecretKind] => [key, 'secret access key']),
    [`key is ${AWS_DOCS_SECRET}, rotate monthly`, 'secret access key'],
    // Outside an ARN; inside one (below) the same run passes.
    [ARN_RUN, 'secret access key'],
    [`aws_secret_access_key=${SECRET_KEYS[1]}`, 'secret access key'],
    [`"${SECRET_KEYS[2]}"`, 'secret access key'],
    [`  ${SECRET_KEYS[3]}\n`, 'secret access key'],
    [IQOJ_TOKEN, 'session token'],
    [FWOG_TOKEN, 'session token'],
    [PLAIN_BASE64, 'session token'],
    [`${PLAIN_BASE64}==`, 'session token'],
    ['FwoGZXIvYXdzECANARYSESSIONTOKEN0002', 'session token'],
    [`token: ${IQOJ_TOKEN}`, 'session token'],
    [RSA_KEY, 'private key'],
    ['-----BEGIN PRIVATE KEY-----', 'private key'],
    ['-----BEGIN EC PRIVATE KEY-----', 'private key'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'private key'],
    ['-----BEGIN ENCRYPTED PRIVATE KEY-----', 'private key'],
    ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'private key'],
    [`my key:\n${RSA_KEY}`, 'private key'],
  ])('%j is a %s', (value, kind) => expect(plainSecretKind(value)).toBe(kind));

  it.each([
    ['a description sentence', 'Production account, keys rotated monthly; owner: platform team (see runbook 42).'],
    ['a long description', 'Connector for the payments account in eu-west-1. The role is assumed through the delegate in the shared VPC.'],
    ['an identifier', 'AWS_Prod'],
    ['a 40-character camelCase identifier', 'MyConnectorForProductionAccount2024Final'],
    ['a 40-character camelCase identifier with digits', 'ProductionAccountConnectorEuWest1Backup2'],
    ['a 40-character camelCase identifier without digits', 'ThisIsAVeryLongCamelCaseIdentifierNameXY'],
    ['a secret reference', 'account.aws_prod_secret_key'],
    ['a role ARN', 'arn:aws:iam::123456789012:role/HarnessOIDC'],
    ['a role ARN with a 40-character random-looking path run', `arn:aws:iam::123456789012:${ARN_RUN}`],
    ['a GovCloud ARN', 'arn:aws-us-gov:iam::222222222222:role/Deploy'],
    ['a region', 'us-gov-west-1'],
    ['a UUID', '7d444840-9dc0-11d1-b245-5ffdce74fad2'],
    ['a git commit hash', 'cfbfe46b4e1a3c5d7f9e2b4a6c8d0e1f2a3b4c5d'],
    ['an upper-case SHA-1', 'CFBFE46B4E1A3C5D7F9E2B4A6C8D0E1F2A3B4C5D'],
    ['an access key ID', 'AKIAIOSFODNN7EXAMPLE'],
    ['an External Id', 'abc123'],
    ['an External Id made of words', 'harness-account-Zx12_external-id'],
    ['a delegate selector', 'eks-irsa-delegate'],
    ['a URL', 'https://proxy.internal:3128/path/to/Config1File'],
    ['a 39-character random run', SECRET_KEYS[1]!.slice(1)],
    ['a 41-character random run', `${SECRET_KEYS[1]}A`],
    ['a public key', '-----BEGIN PUBLIC KEY-----'],
    ['a certificate', '-----BEGIN CERTIFICATE-----'],
    ['an empty string', ''],
  ])('%s passes', (_what, value) => expect(plainSecretKind(value)).toBeNull());

  it('no 40-character hex string (lower or upper case) and no UUID is a secret', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{40}$/),
        (hash) => plainSecretKind(hash) === null && plainSecretKind(hash.toUpperCase()) === null,
      ),
    );
    fc.assert(fc.property(fc.uuid(), (uuid) => plainSecretKind(uuid) === null));
  });

  it('no sentence of words and no camelCase name of words is a secret', () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{0,11}[0-9]?$/);
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), (words) => plainSecretKind(words.join(' ')) === null));
    const camelWord = fc.stringMatching(/^[A-Z][a-z]{3,11}[0-9]{0,1}$/);
    fc.assert(fc.property(fc.array(camelWord, { minLength: 1, maxLength: 40 }), (words) => plainSecretKind(words.join('')) === null));
  });
});

const doc = (shape: string, edit: (d: ConnectorDocument) => void): ConnectorDocument => {
  const d = parse(SHAPES[shape]!) as ConnectorDocument;
  edit(d);
  return d;
};
const errors = (d: ConnectorDocument) =>
  checkConnectorDocument(d)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => `${formatPath(i.path)}: ${i.message}`);

const FULL = 'full UI payload: description, tags with and without values, session token, proxy, backoff';
const GOV = 'access key plain text + secret ref, via delegate with tags, GovCloud test region';
const IRSA = 'IRSA + cross-account';
const KEY_MESSAGE =
  'This looks like a secret access key. Secrets must not be stored in plain fields: put it in the keychain and reference it with secretKeyRef.';
const TOKEN_MESSAGE =
  'This looks like an AWS session token. Secrets must not be stored in plain fields: put it in the keychain and reference it with sessionTokenRef.';
const PRIVATE_MESSAGE =
  'This looks like a private key. Secrets must not be stored in plain fields: an AWS connector needs no private key, so remove it.';
const SECRET = SECRET_KEYS[1]!;

describe('a secret in a plain field is an error at that field, never quoting it', () => {
  it.each<[string, string, (d: ConnectorDocument, value: string) => void, string, string]>([
    ['Name', FULL, (d, v) => void (d.connector.name = v), SECRET, `connector.name: ${KEY_MESSAGE}`],
    [
      'Description',
      FULL,
      (d, v) => void (d.connector.description = `rotated monthly, current key ${v}`),
      SECRET,
      `connector.description: ${KEY_MESSAGE}`,
    ],
    [
      'Description (session token)',
      FULL,
      (d, v) => void (d.connector.description = v),
      IQOJ_TOKEN,
      `connector.description: ${TOKEN_MESSAGE}`,
    ],
    ['Description (private key)', FULL, (d, v) => void (d.connector.description = v), RSA_KEY, `connector.description: ${PRIVATE_MESSAGE}`],
    ['a tag value', FULL, (d, v) => void (d.connector.tags!.team = v), SECRET, `connector.tags.team: ${KEY_MESSAGE}`],
    [
      'a tag key, reported at the tags so the path does not carry it',
      FULL,
      (d, v) => void (d.connector.tags![v] = ''),
      SECRET,
      `connector.tags: ${KEY_MESSAGE}`,
    ],
    [
      'a delegate selector',
      FULL,
      (d, v) => void (d.connector.spec.delegateSelectors![1] = v),
      FWOG_TOKEN,
      `connector.spec.delegateSelectors[1]: ${TOKEN_MESSAGE}`,
    ],
    [
      'External Id',
      IRSA,
      (d, v) => void (d.connector.spec.credential.crossAccountAccess!.externalId = v),
      SECRET,
      `connector.spec.credential.crossAccountAccess.externalId: ${KEY_MESSAGE}`,
    ],
    [
      'Test Region',
      FULL,
      (d, v) => void (d.connector.spec.credential.region = v),
      SECRET,
      `connector.spec.credential.region: ${KEY_MESSAGE}`,
    ],
    [
      'an unknown field an import keeps',
      FULL,
      (d, v) => void ((d.connector.spec as Record<string, unknown>).proxyPassword = v),
      SECRET,
      `connector.spec.proxyPassword: ${KEY_MESSAGE}`,
    ],
    [
      'Secret Key reference',
      FULL,
      (d, v) => void (d.connector.spec.credential.spec!.secretKeyRef = v),
      SECRET_KEYS[3]!,
      `connector.spec.credential.spec.secretKeyRef: ${KEY_MESSAGE}`,
    ],
  ])('%s', (_field, shape, edit, value, expected) => {
    const d = doc(shape, (x) => edit(x, value));
    expect(errors(d)).toEqual([expected]);
    const all = JSON.stringify(checkConnectorDocument(d).issues.map((i) => [formatPath(i.path), i.message]));
    expect(all).not.toContain(value.slice(0, 20));
    expect(all).not.toContain(value.slice(-20));
    const parsed = validConnectorDocumentSchema.safeParse(d);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(value.slice(0, 20));
  });

  it('replaces the other issues of that field, which could quote the value', () => {
    // A repeated selector is a warning that names the selector; with a secret in it, only the secret error remains.
    const d = doc(FULL, (x) => void (x.connector.spec.delegateSelectors = [SECRET, SECRET]));
    expect(checkConnectorDocument(d).issues.map((i) => `${formatPath(i.path)}: ${i.severity}`)).toEqual([
      'connector.spec.delegateSelectors[0]: error',
      'connector.spec.delegateSelectors[1]: error',
    ]);
  });

  it('keeps the issues of other fields', () => {
    const d = doc(FULL, (x) => {
      x.connector.description = SECRET;
      x.connector.identifier = 'account';
    });
    expect(errors(d)).toEqual([`connector.description: ${KEY_MESSAGE}`, 'connector.identifier: account is a keyword, so cannot be used']);
  });
});

describe('the Access Key field holds an access key ID, not a secret', () => {
  const withAccessKey = (value: string) => doc(GOV, (d) => void (d.connector.spec.credential.spec!.accessKey = value));
  const NOT_AN_ID =
    'This looks like a secret access key, not an access key ID (AKIA… or ASIA…, 20 capital letters and digits). Secrets must not be stored in plain fields: put it in the keychain and reference it with secretKeyRef.';

  it.each([
    ['the secret access key', AWS_DOCS_SECRET],
    ['the secret access key with a trailing space', `${SECRET} `],
    ['a secret key without digits or with words in it', 'abcdEFGHijklMNOPqrstUVWXyzABcdEFghIJklMN'],
    ['a shorter base64 secret', 'aBcDeFgHiJkLmNoPqRsTuVwXyZ012345'],
  ])('%s is an error', (_what, value) => {
    const issues = checkConnectorDocument(withAccessKey(value)).issues;
    expect(issues.map((i) => `${formatPath(i.path)}: ${i.message}`)).toEqual([`connector.spec.credential.spec.accessKey: ${NOT_AN_ID}`]);
  });

  it('a session token pasted there says so', () => {
    expect(errors(withAccessKey(FWOG_TOKEN))).toEqual([
      'connector.spec.credential.spec.accessKey: This looks like an AWS session token, not an access key ID (AKIA… or ASIA…, 20 capital letters and digits). Secrets must not be stored in plain fields: put it in the keychain and reference it with sessionTokenRef.',
    ]);
  });

  it.each([
    ['an AKIA ID', 'AKIAIOSFODNN7EXAMPLE', []],
    ['a lower-case ID, which only gets the existing warning', 'akiaiosfodnn7example', ['warning']],
    ['a 40-character hex hash, which is no ID either', 'cfbfe46b4e1a3c5d7f9e2b4a6c8d0e1f2a3b4c5d', ['warning']],
  ])('%s is not called a secret', (_what, value, severities) => {
    const issues = checkConnectorDocument(withAccessKey(value)).issues;
    expect(issues.map((i) => i.severity)).toEqual(severities);
    for (const issue of issues) expect(issue.message).not.toContain('Secrets must not be stored');
  });
});
