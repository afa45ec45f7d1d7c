import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_BYTES, exportConnectorYaml, formatPath, importConnectorYaml } from '../../../shared/connector';
import { IRSA, SHAPES } from './shapes';

const GOV = 'access key plain text + secret ref, via delegate with tags, GovCloud test region';

/** The reference writes its examples in flow style: the GovCloud one. */
const GOV_FLOW = `connector: {name: aws gov, identifier: aws_gov, orgIdentifier: default, projectIdentifier: proj, type: Aws,
  spec: {credential: {type: ManualConfig, spec: {accessKey: AKIAIOSFODNN7EXAMPLE, secretKeyRef: account.aws_secret},
                      region: us-gov-west-1},
         delegateSelectors: [gov-delegate], executeOnDelegate: true}}`;

describe('YAML round trip', () => {
  it.each(Object.entries(SHAPES))('%s: imports without errors and exports byte for byte', (_title, text) => {
    const result = importConnectorYaml(text);
    expect(result.errors).toEqual([]);
    expect(result.document).not.toBeNull();
    expect(exportConnectorYaml(result.document!)).toBe(text);
  });

  it.each(Object.entries(SHAPES))('%s: keeps nulls, empty values and unknown fields as data', (_title, text) => {
    const result = importConnectorYaml(text);
    expect(result.document).toEqual(parse(text));
  });

  it('imports the flow-style example of the reference and re-exports it stably', () => {
    const first = importConnectorYaml(GOV_FLOW);
    expect(first.errors).toEqual([]);
    const exported = exportConnectorYaml(first.document!);
    expect(exported).toBe(SHAPES[GOV]);
    expect(exportConnectorYaml(importConnectorYaml(exported).document!)).toBe(exported);
  });

  it('reads the JSON form the REST API uses', () => {
    const json = JSON.stringify({
      connector: {
        name: 'j',
        identifier: 'j',
        type: 'Aws',
        spec: { credential: { type: 'InheritFromDelegate', spec: null }, delegateSelectors: ['d'], executeOnDelegate: true },
      },
    });
    const result = importConnectorYaml(json);
    expect(result.errors).toEqual([]);
    expect(result.document?.connector.spec.credential.type).toBe('InheritFromDelegate');
  });

  it('keeps the key order of the file', () => {
    const text = `connector:
  type: Aws
  identifier: x
  name: x
  spec:
    executeOnDelegate: false
    credential:
      region: us-east-2
      spec:
        secretKeyRef: sk
        accessKey: AKIAIOSFODNN7EXAMPLE
      type: ManualConfig
`;
    expect(exportConnectorYaml(importConnectorYaml(text).document!)).toBe(text);
  });

  it('round-trips any names, descriptions and tags exactly (property)', () => {
    const base = parse(SHAPES['full UI payload: description, tags with and without values, session token, proxy, backoff']!);
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (description, tags) => {
        const doc = structuredClone(base);
        doc.connector.description = description;
        doc.connector.tags = tags;
        const text = exportConnectorYaml(doc);
        const back = importConnectorYaml(text);
        expect(back.document?.connector.description).toBe(description);
        expect(back.document?.connector.tags).toEqual(tags);
        expect(exportConnectorYaml(back.document!)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('YAML errors carry line and column', () => {
  function only(text: string) {
    const result = importConnectorYaml(text);
    return result.errors.map((e) => ({ path: formatPath(e.path), message: e.message, line: e.line, column: e.column }));
  }

  it('reports a syntax error where it is', () => {
    const [error] = only('connector:\n  name: x\n   identifier: [oops\n');
    expect(error?.message).toMatch(/^YAML syntax: /);
    expect(error?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses duplicate keys with their position', () => {
    const [error] = only('connector:\n  name: a\n  name: b\n');
    expect(error).toMatchObject({ line: 3, column: 3 });
    expect(error?.message).toMatch(/unique/i);
  });

  it('refuses a file that is not a connector', () => {
    expect(only('- a\n- b\n')).toEqual([
      { path: 'connector', line: 1, column: 1, message: 'This is not a Harness connector file: it has no top-level connector: key.' },
    ]);
    expect(only('')[0]?.message).toMatch(/no top-level connector/);
    expect(only('pipeline:\n  name: x\n')[0]?.message).toMatch(/no top-level connector/);
  });

  it('refuses several documents in one file', () => {
    expect(only(`${SHAPES.OIDC}---\n${SHAPES.OIDC}`)[0]?.message).toMatch(/multiple documents/i);
  });

  it('points an unknown credential type at its value, in Harness wording', () => {
    const text = SHAPES.OIDC!.replace('type: OidcAuthentication', 'type: AccessKey');
    expect(only(text)).toEqual([
      {
        path: 'connector.spec.credential.type',
        message: 'Credential type is not one of the accepted values: ManualConfig, InheritFromDelegate, Irsa, OidcAuthentication.',
        line: 7,
        column: 7,
      },
    ]);
  });

  it('points a missing required field at its parent key', () => {
    const text = SHAPES['access key both encrypted, through Harness Platform']!.replace('        secretKeyRef: org.aws_sk\n', '');
    expect(only(text)).toEqual([
      { path: 'connector.spec.credential.spec.secretKeyRef', message: 'Secret Key is required.', line: 8, column: 7 },
    ]);
  });

  it('points at the list item for a bad delegate selector', () => {
    const text = SHAPES['IRSA + cross-account']!.replace('      - eks-irsa-delegate\n', '      - eks-irsa-delegate\n      - ""\n');
    expect(only(text)).toEqual([
      { path: 'connector.spec.delegateSelectors[1]', message: 'A delegate selector cannot be empty.', line: 15, column: 9 },
    ]);
  });

  it('locates warnings too', () => {
    const text = SHAPES['IRSA + cross-account']!.replace('arn:aws:', 'arn:aws-us-gov:');
    const result = importConnectorYaml(text);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 9, column: 7 });
    expect(result.warnings[0]?.message).toBe(
      'The Test Region us-east-1 is in aws, but the cross-account role is in aws-us-gov. Credentials only work inside one partition: pick a Test Region in aws-us-gov.',
    );
  });

  it('refuses wrong value types with the field path', () => {
    expect(only(SHAPES.OIDC!.replace('name: oidc', 'name: 123'))).toEqual([
      { path: 'connector.name', message: 'Name must be text.', line: 2, column: 3 },
    ]);
    expect(
      only(
        SHAPES['access key both encrypted, through Harness Platform']!.replace('executeOnDelegate: false', 'executeOnDelegate: "no"'),
      )[0],
    ).toMatchObject({
      path: 'connector.spec.executeOnDelegate',
      message: 'executeOnDelegate must be true or false.',
    });
  });

  it('refuses a huge file before parsing it', () => {
    const [error] = only(`connector:\n  description: "${'x'.repeat(MAX_YAML_BYTES)}"\n`);
    expect(error?.message).toMatch(/a connector YAML is a few kilobytes/);
  });

  it('refuses an alias bomb', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
      'connector: *i',
    ].join('\n');
    const [error] = only(bomb);
    expect(error?.message).toMatch(/YAML refused|alias/i);
  });
});

describe('export over the imported text', () => {
  const flow = `# Harness export, hand-edited\n${GOV_FLOW}\n`;

  it('is the source itself when nothing changed, flow style and comments included', () => {
    expect(exportConnectorYaml(importConnectorYaml(flow).document!, flow)).toBe(flow);
    for (const text of Object.values(SHAPES)) expect(exportConnectorYaml(importConnectorYaml(text).document!, text)).toBe(text);
  });

  it('rewrites only what changed and keeps comments', () => {
    const text = IRSA.replace('  name: eks irsa\n', '  name: eks irsa # shown in the Harness UI\n').replace(
      '  type: Aws\n',
      '  type: Aws\n  # the delegate runs on EKS\n',
    );
    const document = importConnectorYaml(text).document!;
    document.connector.spec.credential.region = 'us-east-2';
    document.connector.description = 'EKS';
    delete document.connector.spec.executeOnDelegate;
    expect(exportConnectorYaml(document, text)).toBe(
      text
        .replace('      region: us-east-1\n', '      region: us-east-2\n')
        .replace('    executeOnDelegate: true\n', '  description: EKS\n'),
    );
  });

  it('lays an edited flow-style file out in block style, keeping its comment', () => {
    const document = importConnectorYaml(flow).document!;
    document.connector.spec.credential.region = 'us-gov-east-1';
    const out = exportConnectorYaml(document, flow);
    expect(out).toBe(`# Harness export, hand-edited\n${SHAPES[GOV]!.replace('region: us-gov-west-1', 'region: us-gov-east-1')}`);
    expect(importConnectorYaml(out).document).toEqual(document);
  });

  it('falls back to the canonical layout when the source does not parse', () => {
    const document = importConnectorYaml(SHAPES.OIDC!).document!;
    expect(exportConnectorYaml(document, 'connector: [oops')).toBe(SHAPES.OIDC);
  });
});
