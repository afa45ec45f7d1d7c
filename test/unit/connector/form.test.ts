import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  checkConnectorDocument,
  chipsToTags,
  documentToForm,
  emptyForm,
  exportConnectorYaml,
  formToDocument,
  importConnectorYaml,
  tagsToChips,
  withName,
  type ConnectorDocument,
  type ConnectorForm,
} from '../../../shared/connector';
import { SHAPES } from './shapes';

const load = (title: string) => importConnectorYaml(SHAPES[title]!).document!;

describe('form ↔ document', () => {
  it.each(Object.keys(SHAPES))('%s: an unchanged form over its own document exports the same text', (title) => {
    const document = load(title);
    expect(exportConnectorYaml(formToDocument(documentToForm(document), document))).toBe(SHAPES[title]);
  });

  it.each(Object.keys(SHAPES))('%s: the form alone rebuilds the same data Harness reads', (title) => {
    const document = load(title);
    const rebuilt = formToDocument(documentToForm(document));
    const form = documentToForm(rebuilt);
    expect(form).toEqual(documentToForm(document));
    expect(checkConnectorDocument(rebuilt).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('builds a new access-key connector in Harness key order', () => {
    const form: ConnectorForm = {
      ...withName(emptyForm(), 'AWS Prod (eu)'),
      description: 'Main account',
      tags: ['team:platform', 'prod'],
      accessKey: 'AKIAIOSFODNN7EXAMPLE',
      secretKeyRef: 'aws_prod_secret_key',
      region: 'eu-west-1',
      delegateMode: 'tags',
      delegateSelectors: ['eu-delegate'],
    };
    expect(exportConnectorYaml(formToDocument(form))).toBe(`connector:
  name: AWS Prod (eu)
  identifier: AWS_Prod_eu
  description: Main account
  tags:
    team: platform
    prod: ""
  type: Aws
  spec:
    credential:
      type: ManualConfig
      spec:
        accessKey: AKIAIOSFODNN7EXAMPLE
        secretKeyRef: aws_prod_secret_key
      region: eu-west-1
    delegateSelectors:
      - eu-delegate
    executeOnDelegate: true
`);
  });

  it('writes spec: null for the delegate types and forces the delegate path', () => {
    const form: ConnectorForm = {
      ...withName(emptyForm(), 'irsa'),
      credentialType: 'Irsa',
      connectivity: 'platform',
      delegateMode: 'tags',
      delegateSelectors: ['eks'],
      accessKey: 'ignored',
    };
    const c = formToDocument(form).connector;
    expect(c.spec.credential.spec).toBeNull();
    expect(c.spec.executeOnDelegate).toBe(true);
    expect(c.spec.delegateSelectors).toEqual(['eks']);
  });

  it('drops selectors when any delegate (or the platform) is chosen', () => {
    const form: ConnectorForm = { ...withName(emptyForm(), 'x'), delegateSelectors: ['d'], delegateMode: 'any' };
    expect(formToDocument(form).connector.spec.delegateSelectors).toBeUndefined();
    expect(formToDocument({ ...form, delegateMode: 'tags', connectivity: 'platform' }).connector.spec).toMatchObject({
      executeOnDelegate: false,
    });
    expect(formToDocument({ ...form, delegateMode: 'tags', connectivity: 'platform' }).connector.spec.delegateSelectors).toBeUndefined();
  });

  it('switching type over a base removes the old type’s fields but keeps unknown ones', () => {
    const base = load('fixed delay backoff and an unknown newer field kept as is');
    const form = { ...documentToForm(base), credentialType: 'OidcAuthentication' as const, iamRoleArn: 'arn:aws:iam::111111111111:role/O' };
    const out = formToDocument(form, base).connector;
    expect(out.spec.credential.spec).toEqual({ iamRoleArn: 'arn:aws:iam::111111111111:role/O' });
    expect(out.spec.proxyUrl).toBe('http://proxy.internal:3128');
    expect(out.spec.awsSdkClientBackOffStrategyOverride?.type).toBe('FixedDelayBackoffStrategy');
  });

  it('unchecking cross-account drops the block and clearing the description drops it', () => {
    const base = load('IRSA + cross-account');
    const out = formToDocument({ ...documentToForm(base), crossAccount: false }, base);
    expect(out.connector.spec.credential.crossAccountAccess).toBeUndefined();
    const withDescription = { ...base, connector: { ...base.connector, description: 'x' } } as ConnectorDocument;
    expect(formToDocument({ ...documentToForm(withDescription), description: '' }, withDescription).connector.description).toBeUndefined();
  });
});

describe('Id follows Name', () => {
  it('until edited by hand', () => {
    let form = withName(emptyForm(), 'My AWS-Conn (prod)');
    expect(form.identifier).toBe('My_AWSConn_prod');
    form = { ...form, identifier: 'custom', identifierEdited: true };
    expect(withName(form, 'Other').identifier).toBe('custom');
  });

  it('an imported Id that differs from the generated one counts as edited', () => {
    const document = parse(SHAPES.OIDC!) as ConnectorDocument;
    expect(documentToForm(document).identifierEdited).toBe(false);
    document.connector.identifier = 'oidc_2';
    expect(documentToForm(document).identifierEdited).toBe(true);
  });
});

describe('tag chips', () => {
  it('map key:value chips to Harness tags and back', () => {
    expect(chipsToTags(['team:platform', 'prod', ' a : b:c ', ':novalue', ''])).toEqual({ team: 'platform', prod: '', a: 'b:c' });
    expect(tagsToChips({ team: 'platform', prod: '', n: null })).toEqual(['team:platform', 'prod', 'n']);
  });
});

describe('issue paths to wizard fields and steps', async () => {
  const { fieldOfPath, stepOfField } = await import('../../../shared/connector');
  it.each([
    [['connector', 'name'], 'name', 'overview'],
    [['connector', 'tags', 'app.io/x'], 'tags', 'overview'],
    [['connector', 'spec', 'credential', 'spec', 'secretKeyRef'], 'secretKeyRef', 'credentials'],
    [['connector', 'spec', 'credential', 'spec', 'oidcSessionTagKeys', 1], 'iamRoleArn', 'credentials'],
    [['connector', 'spec', 'credential', 'crossAccountAccess', 'externalId'], 'externalId', 'credentials'],
    [['connector', 'spec', 'delegateSelectors', 3], 'delegateSelectors', 'connectivity'],
    [['connector', 'spec', 'executeOnDelegate'], 'connectivity', 'connectivity'],
    [['connector', 'spec', 'awsSdkClientBackOffStrategyOverride', 'spec', 'retryCount'], null, 'save'],
    [['connector', 'type'], null, 'save'],
  ] as const)('%j → %s on %s', (path, field, step) => {
    expect(fieldOfPath(path)).toBe(field);
    expect(stepOfField(fieldOfPath(path))).toBe(step);
  });
});
