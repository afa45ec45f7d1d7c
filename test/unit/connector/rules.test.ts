import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  DELEGATE_SELECTOR_REQUIRED,
  NO_SPEC_FOR_DELEGATE_TYPES,
  checkConnectorDocument,
  formatPath,
  validConnectorDocumentSchema,
  type ConnectorDocument,
} from '../../../shared/connector';
import { SHAPES } from './shapes';

function doc(shape: string, edit: (d: ConnectorDocument) => void = () => undefined): ConnectorDocument {
  const d = parse(SHAPES[shape]!) as ConnectorDocument;
  edit(d);
  return d;
}

function issues(d: unknown, severity: 'error' | 'warning' = 'error') {
  return checkConnectorDocument(d)
    .issues.filter((i) => i.severity === severity)
    .map((i) => `${formatPath(i.path)}: ${i.message}`);
}

const MANUAL = 'access key both encrypted, through Harness Platform';
const IRSA = 'IRSA + cross-account';
const INHERIT = 'inherit from delegate (UI mock: spec null, crossAccountAccess null)';
const OIDC = 'OIDC';

describe('every example shape is valid', () => {
  it.each(Object.keys(SHAPES))('%s', (shape) => {
    expect(issues(doc(shape))).toEqual([]);
    expect(validConnectorDocumentSchema.safeParse(doc(shape)).success).toBe(true);
  });
});

describe('delegate credential types (InheritFromDelegate, Irsa)', () => {
  it.each([INHERIT, IRSA])('%s: a spec is refused in the deserializer wording', (shape) => {
    expect(issues(doc(shape, (d) => void (d.connector.spec.credential.spec = { accessKeyRef: 'x' })))).toEqual([
      `connector.spec.credential.spec: ${NO_SPEC_FOR_DELEGATE_TYPES}`,
    ]);
    expect(issues(doc(shape, (d) => void (d.connector.spec.credential.spec = {})))).toEqual([
      `connector.spec.credential.spec: ${NO_SPEC_FOR_DELEGATE_TYPES}`,
    ]);
  });

  it.each([INHERIT, IRSA])('%s: an absent spec is as good as null', (shape) => {
    expect(issues(doc(shape, (d) => void delete d.connector.spec.credential.spec))).toEqual([]);
  });

  it.each([
    ['missing', (d: ConnectorDocument) => void delete d.connector.spec.delegateSelectors],
    ['null', (d: ConnectorDocument) => void (d.connector.spec.delegateSelectors = null)],
    ['empty', (d: ConnectorDocument) => void (d.connector.spec.delegateSelectors = [])],
  ])('needs a delegate selector (%s) in the backend wording', (_case, edit) => {
    expect(issues(doc(INHERIT, edit))).toEqual([`connector.spec.delegateSelectors: ${DELEGATE_SELECTOR_REQUIRED}`]);
    expect(issues(doc(IRSA, edit))).toEqual([`connector.spec.delegateSelectors: ${DELEGATE_SELECTOR_REQUIRED}`]);
  });

  it('cannot connect through the Harness Platform; an absent executeOnDelegate means true', () => {
    expect(issues(doc(IRSA, (d) => void (d.connector.spec.executeOnDelegate = false)))).toEqual([
      'connector.spec.executeOnDelegate: Connect through Harness Platform works only with AWS Access Key or OIDC credentials; this credential type runs on a delegate (executeOnDelegate: true).',
    ]);
    expect(issues(doc(IRSA, (d) => void delete d.connector.spec.executeOnDelegate))).toEqual([]);
  });
});

describe('ManualConfig', () => {
  it('needs its spec', () => {
    expect(issues(doc(MANUAL, (d) => void (d.connector.spec.credential.spec = null)))).toEqual([
      'connector.spec.credential.spec: AWS Access Key credentials need a spec with accessKey (or accessKeyRef) and secretKeyRef.',
    ]);
  });

  it('takes accessKey xor accessKeyRef', () => {
    expect(issues(doc(MANUAL, (d) => void (d.connector.spec.credential.spec!.accessKey = 'AKIAIOSFODNN7EXAMPLE')))).toEqual([
      'connector.spec.credential.spec: Set either accessKey (plain text) or accessKeyRef (a secret reference), not both.',
    ]);
    expect(issues(doc(MANUAL, (d) => void delete d.connector.spec.credential.spec!.accessKeyRef))).toEqual([
      'connector.spec.credential.spec.accessKey: Access Key is required.',
    ]);
    expect(issues(doc(MANUAL, (d) => void (d.connector.spec.credential.spec!.accessKeyRef = '')))).toEqual([
      'connector.spec.credential.spec.accessKey: Access Key is required.',
    ]);
  });

  it('needs the secret key reference, and references must be identifiers with an optional scope', () => {
    expect(issues(doc(MANUAL, (d) => void delete d.connector.spec.credential.spec!.secretKeyRef))).toEqual([
      'connector.spec.credential.spec.secretKeyRef: Secret Key is required.',
    ]);
    expect(issues(doc(MANUAL, (d) => void (d.connector.spec.credential.spec!.secretKeyRef = 'project.sk')))[0]).toMatch(
      /^connector.spec.credential.spec.secretKeyRef: Secret Key reference: A secret reference is an identifier/,
    );
    expect(issues(doc(MANUAL, (d) => void (d.connector.spec.credential.spec!.accessKeyRef = '1bad')))[0]).toMatch(
      /accessKeyRef: Access Key reference/,
    );
    expect(issues(doc(MANUAL, (d) => void (d.connector.spec.credential.spec!.sessionTokenRef = 'a b')))[0]).toMatch(
      /sessionTokenRef: Session Token reference/,
    );
    expect(issues(doc(MANUAL, (d) => void (d.connector.spec.credential.spec!.secretKeyRef = 'account.aws-sk_1')))).toEqual([]);
  });

  it('warns about access key IDs that do not look like one, and about ASIA keys without a session token', () => {
    const plain = (key: string) => (d: ConnectorDocument) => {
      d.connector.spec.credential.spec = { accessKey: key, secretKeyRef: 'sk' };
    };
    expect(issues(doc(MANUAL, plain('not-a-key')), 'warning')[0]).toMatch(
      /^connector.spec.credential.spec.accessKey: This does not look like an AWS access key ID/,
    );
    expect(issues(doc(MANUAL, plain('ASIAIOSFODNN7EXAMPLE')), 'warning')).toEqual([
      'connector.spec.credential.spec.sessionTokenRef: ASIA… keys are temporary and only work with their session token; add sessionTokenRef.',
    ]);
    expect(issues(doc(MANUAL, plain(' AKIAIOSFODNN7EXAMPLE')))).toEqual([
      'connector.spec.credential.spec.accessKey: Access Key has spaces at the start or end; remove them.',
    ]);
    expect(issues(doc(MANUAL, plain('AKIAIOSFODNN7EXAMPLE')), 'warning')).toEqual([]);
  });

  it('warns about OIDC fields it ignores', () => {
    expect(
      issues(
        doc(MANUAL, (d) => void (d.connector.spec.credential.spec!.iamRoleArn = 'arn:aws:iam::111111111111:role/x')),
        'warning',
      ),
    ).toEqual(['connector.spec.credential.spec.iamRoleArn: iamRoleArn belongs to OIDC credentials and is ignored with AWS Access Key.']);
  });
});

describe('OidcAuthentication', () => {
  it('needs a valid role ARN', () => {
    expect(issues(doc(OIDC, (d) => void (d.connector.spec.credential.spec = null)))).toEqual([
      'connector.spec.credential.spec.iamRoleArn: IAM role ARN is required for OIDC credentials.',
    ]);
    expect(issues(doc(OIDC, (d) => void (d.connector.spec.credential.spec!.iamRoleArn = 'arn:aws:iam::111111111111:user/x')))).toEqual([
      'connector.spec.credential.spec.iamRoleArn: This ARN names a user, not a role. A role ARN ends in :role/RoleName.',
    ]);
  });

  it('may connect through the platform and warns about unknown session tag keys', () => {
    expect(issues(doc(OIDC, (d) => void (d.connector.spec.executeOnDelegate = false)))).toEqual([]);
    expect(
      issues(
        doc(OIDC, (d) => void (d.connector.spec.credential.spec!.oidcSessionTagKeys = ['account_id', 'colour'])),
        'warning',
      ),
    ).toEqual(['connector.spec.credential.spec.oidcSessionTagKeys[1]: "colour" is not an OIDC session tag key Harness sends.']);
  });
});

describe('cross-account access', () => {
  it('needs a role ARN, checked per partition', () => {
    expect(issues(doc(IRSA, (d) => void (d.connector.spec.credential.crossAccountAccess = { externalId: 'abc' })))).toEqual([
      'connector.spec.credential.crossAccountAccess.crossAccountRoleArn: Cross account role ARN is required when cross-account access is enabled.',
    ]);
    expect(
      issues(
        doc(
          IRSA,
          (d) => void (d.connector.spec.credential.crossAccountAccess!.crossAccountRoleArn = 'arn:aws-gov:iam::222222222222:role/Deploy'),
        ),
      ),
    ).toEqual([
      'connector.spec.credential.crossAccountAccess.crossAccountRoleArn: "aws-gov" is not an AWS partition; use aws, aws-us-gov, aws-cn, aws-eusc, aws-iso, aws-iso-b, aws-iso-e or aws-iso-f.',
    ]);
  });

  it('checks the External Id and treats an empty one as absent', () => {
    expect(issues(doc(IRSA, (d) => void (d.connector.spec.credential.crossAccountAccess!.externalId = 'x')))).toEqual([
      'connector.spec.credential.crossAccountAccess.externalId: External Id must be 2 to 1224 characters long; it has 1.',
    ]);
    expect(issues(doc(IRSA, (d) => void (d.connector.spec.credential.crossAccountAccess!.externalId = '')))).toEqual([]);
  });
});

describe('Test Region and partitions', () => {
  it("must be a catalog region; an isolated partition's region is accepted with a warning", () => {
    expect(issues(doc(OIDC, (d) => void (d.connector.spec.credential.region = 'us-east-9')))).toEqual([
      'connector.spec.credential.region: "us-east-9" is not a region in the catalog. It fits the AWS (commercial) pattern, but the AWS SDK this app ships does not know it. Pick a region from the list.',
    ]);
    const iso = doc(OIDC, (d) => void (d.connector.spec.credential.region = 'us-iso-east-1'));
    expect(issues(iso)).toEqual([]);
    expect(issues(iso, 'warning')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/us-iso-east-1 is in AWS ISO \(US\), an isolated partition: .* only through an endpoint URL/),
      ]),
    );
  });

  it('warns when the role ARN is in another partition, including the us-east-1 default', () => {
    expect(
      issues(
        doc(OIDC, (d) => void (d.connector.spec.credential.region = 'us-gov-west-1')),
        'warning',
      ),
    ).toEqual([
      'connector.spec.credential.region: The Test Region us-gov-west-1 is in aws-us-gov, but the OIDC role is in aws. Credentials only work inside one partition: pick a Test Region in aws.',
    ]);
    const govRole = (d: ConnectorDocument) => {
      d.connector.spec.credential.spec!.iamRoleArn = 'arn:aws-us-gov:iam::111111111111:role/x';
      delete d.connector.spec.credential.region;
    };
    expect(issues(doc(OIDC, govRole), 'warning')).toEqual([
      'connector.spec.credential.region: No Test Region is set, so Harness tests in us-east-1 (aws), but the OIDC role is in aws-us-gov. Credentials only work inside one partition: pick a Test Region in aws-us-gov.',
    ]);
    expect(
      issues(
        doc(OIDC, (d) => void (d.connector.spec.credential.region = 'ap-southeast-7')),
        'warning',
      ),
    ).toEqual([]);
  });
});

describe('overview fields', () => {
  it('checks name and identifier in Harness wording', () => {
    expect(issues(doc(OIDC, (d) => void (d.connector.identifier = 'account')))).toEqual([
      'connector.identifier: account is a keyword, so cannot be used',
    ]);
    expect(issues(doc(OIDC, (d) => void (d.connector.identifier = '9lives')))).toEqual([
      'connector.identifier: Identifier can be 128 characters long and can only contain alphanumeric, underscore and $ characters, and not start with a number or $',
    ]);
    expect(issues(doc(OIDC, (d) => void (d.connector.name = '')))).toEqual(['connector.name: Name is required.']);
    expect(issues(doc(OIDC, (d) => void (d.connector.description = 'x'.repeat(1025))))).toEqual([
      'connector.description: Description can be at most 1024 characters long.',
    ]);
  });

  it('checks the scope identifiers', () => {
    expect(issues(doc(OIDC, (d) => void (d.connector.projectIdentifier = 'proj')))).toEqual([
      'connector.orgIdentifier: A project belongs to an organization: set orgIdentifier as well as projectIdentifier.',
    ]);
    expect(issues(doc(OIDC, (d) => void (d.connector.orgIdentifier = 'my-org')))[0]).toMatch(
      /^connector.orgIdentifier: Organization identifier: Identifier can be 128/,
    );
  });

  it('refuses a type other than Aws and reports shape errors by path', () => {
    expect(issues({ connector: { ...doc(OIDC).connector, type: 'Gcp' } })).toEqual([
      'connector.type: This is not an AWS connector: an AWS connector has type: Aws.',
    ]);
    expect(issues({ connector: { name: 'x' } })).toEqual([
      'connector.identifier: Id is required.',
      'connector.type: type is required.',
      'connector.spec: spec is required.',
    ]);
    expect(issues({ connector: { ...doc(OIDC).connector, spec: { credential: 'x' } } })).toEqual([
      'connector.spec.credential: credential must be a mapping of fields.',
    ]);
  });
});

describe('connectivity', () => {
  it('warns about duplicate selectors and selectors unused on the platform', () => {
    expect(
      issues(
        doc(INHERIT, (d) => void (d.connector.spec.delegateSelectors = ['d1', 'd1'])),
        'warning',
      ),
    ).toEqual(['connector.spec.delegateSelectors[1]: "d1" is listed twice; delegate selectors are a set.']);
    expect(
      issues(
        doc(MANUAL, (d) => void (d.connector.spec.delegateSelectors = ['d1'])),
        'warning',
      ),
    ).toEqual(['connector.spec.delegateSelectors: Delegate selectors are not used when connecting through the Harness Platform.']);
  });
});

describe('backoff override', () => {
  it('needs the fields of its type', () => {
    const fixed = 'fixed delay backoff and an unknown newer field kept as is';
    expect(
      issues(doc(fixed, (d) => void (d.connector.spec.awsSdkClientBackOffStrategyOverride!.type = 'FullJitterBackoffStrategy'))),
    ).toEqual([
      'connector.spec.awsSdkClientBackOffStrategyOverride.spec.baseDelay: baseDelay is required for FullJitterBackoffStrategy.',
      'connector.spec.awsSdkClientBackOffStrategyOverride.spec.maxBackoffTime: maxBackoffTime is required for FullJitterBackoffStrategy.',
    ]);
    expect(issues(doc(fixed, (d) => void (d.connector.spec.awsSdkClientBackOffStrategyOverride!.spec!.retryCount = -1)))).toEqual([
      'connector.spec.awsSdkClientBackOffStrategyOverride.spec.retryCount: Must not be negative.',
    ]);
  });
});

describe('validConnectorDocumentSchema', () => {
  it('refuses a connector with a rule error, at its path', () => {
    const result = validConnectorDocumentSchema.safeParse(doc(INHERIT, (d) => void (d.connector.spec.delegateSelectors = [])));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['connector.spec.delegateSelectors', DELEGATE_SELECTOR_REQUIRED],
    ]);
  });
});

describe('document value schemas keep the input as it is', () => {
  it('hands on the very object, key order included', async () => {
    const { connectorDocumentValueSchema } = await import('../../../shared/connector');
    const input = {
      connector: {
        type: 'Aws',
        name: 'x',
        identifier: 'x',
        spec: {
          executeOnDelegate: false,
          credential: { type: 'OidcAuthentication', spec: { iamRoleArn: 'arn:aws:iam::111111111111:role/x' } },
        },
      },
    };
    expect(validConnectorDocumentSchema.parse(input)).toBe(input);
    expect(connectorDocumentValueSchema.parse(input)).toBe(input);
    expect(connectorDocumentValueSchema.safeParse({ connector: {} }).success).toBe(false);
  });
});
