import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../shared/delegate/diff';
import { fixture, irsa, NS, ROLE, SA } from './fixtures';

const edit = { serviceAccount: SA, namespace: NS, roleArn: ROLE, stsRegionalEndpoints: false };

function changedLines(before: string, after: string) {
  return diffLines(before, after)
    .filter((row) => row.kind !== 'same')
    .map((row) => (row.kind === 'added' ? `+${row.after}: ${row.text}` : `-${row.before}: ${row.text}`));
}

/**
 * What the edit changes in every Harness manifest form: an annotated ServiceAccount after the
 * Namespace (separated in the file's own style), the binding subject and the pod spec's serviceAccountName.
 */
function irsaLines(separator: readonly string[], subjectLine: number, podSpecLine: number): string[] {
  return [
    '+8: apiVersion: v1',
    '+9: kind: ServiceAccount',
    '+10: metadata:',
    `+11:   name: ${SA}`,
    `+12:   namespace: ${NS}`,
    '+13:   annotations:',
    `+14:     eks.amazonaws.com/role-arn: ${ROLE}`,
    ...separator,
    '-14:     name: default',
    `+${subjectLine}:     name: ${SA}`,
    `+${podSpecLine}:       serviceAccountName: ${SA}`,
  ];
}

const SPACED_SEPARATOR = ['+15: ', '+16: ---', '+17: '];

describe('IRSA edits change exactly the intended lines, once', () => {
  it.each([
    ['harness-delegate.yaml', 'the real Harness manifest', SPACED_SEPARATOR, 24, 69],
    [
      'harness-delegate-legacy-statefulset.yaml',
      'legacy StatefulSet form, binding harness-delegate-ng-cluster-admin',
      SPACED_SEPARATOR,
      24,
      65,
    ],
    [
      'harness-delegate-ng-cluster-admin.yaml',
      'binding named harness-delegate-ng-cluster-admin, compact separators, no upgrader: the new document copies the style',
      ['+15: ---'],
      22,
      55,
    ],
  ])('%s: %s', (name, _form, separator, subjectLine, podSpecLine) => {
    const input = fixture(name);
    const { output, changes } = irsa(input, edit);
    expect(changedLines(input, output)).toEqual(irsaLines(separator, subjectLine, podSpecLine));
    expect(changes).toHaveLength(3);
    expect(irsa(output, edit).output).toBe(output);
  });
});

describe('IRSA edits on the real Harness manifest', () => {
  const input = fixture('harness-delegate.yaml');
  const { output } = irsa(input, edit);

  it('keeps every other line, comments included, byte for byte and in order', () => {
    const kept = diffLines(input, output).filter((row) => row.kind === 'same');
    expect(kept).toHaveLength(input.split('\n').length - 2);
    expect(output).toContain('      - image: PUT_YOUR_DELEGATE_IMAGE  # please do not use harness/delegate:latest\n');
    expect(output).toContain('# If delegate needs to use a proxy, please follow instructions available in the documentation\n');
    expect(output).toContain(
      'metadata:\n   name: kubernetes-delegate-hpa\n   namespace: harness-delegate-ng\n   labels:\n       harness.io/name: kubernetes-delegate\n',
    );
    expect(output.endsWith('                name: PUT_YOUR_DELEGATE_NAME-upgrader-config\n')).toBe(true);
  });

  it('means what was intended once parsed', () => {
    const docs = parseAllDocuments(output).map((doc) => doc.toJS());
    expect(docs).toHaveLength(12);
    expect(docs[1]).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: SA, namespace: NS, annotations: { 'eks.amazonaws.com/role-arn': ROLE } },
    });
    expect(docs[2].subjects).toEqual([{ kind: 'ServiceAccount', name: SA, namespace: NS }]);
    expect(docs[4].spec.template.spec.serviceAccountName).toBe(SA);
    const before = parseAllDocuments(input).map((doc) => doc.toJS());
    expect(docs[4].spec.template.spec.containers).toEqual(before[3].spec.template.spec.containers);
  });

  it('is idempotent: a second run changes nothing and reports nothing', () => {
    const again = irsa(output, edit);
    expect(again.output).toBe(output);
    expect(again.changes).toEqual([]);
  });

  it('updates the role in place when it changes, and adds the regional STS annotation when asked', () => {
    const newRole = 'arn:aws:iam::210987654321:role/other';
    const next = irsa(output, { ...edit, roleArn: newRole, stsRegionalEndpoints: true });
    expect(changedLines(output, next.output)).toEqual([
      `-14:     eks.amazonaws.com/role-arn: ${ROLE}`,
      `+14:     eks.amazonaws.com/role-arn: ${newRole}`,
      '+15:     eks.amazonaws.com/sts-regional-endpoints: "true"',
    ]);
    expect(next.changes).toEqual([`Annotated ServiceAccount ${SA} with eks.amazonaws.com/role-arn.`]);
  });

  it('renames the service account everywhere it is used when run again with another name', () => {
    const renamed = irsa(output, { ...edit, serviceAccount: 'delegate-aws' }).output;
    const docs = parseAllDocuments(renamed).map((doc) => doc.toJS());
    expect(docs.filter((d) => d.kind === 'ServiceAccount').map((d) => d.metadata.name)).toEqual([
      'delegate-aws',
      SA,
      'upgrader-cronjob-sa',
    ]);
    expect(docs.find((d) => d.kind === 'ClusterRoleBinding').subjects[0].name).toBe('delegate-aws');
    expect(docs.find((d) => d.kind === 'Deployment').spec.template.spec.serviceAccountName).toBe('delegate-aws');
  });
});

describe('IRSA edits on other manifest forms', () => {
  it('legacy StatefulSet form: serviceAccountName goes into the StatefulSet pod spec', () => {
    const { output } = irsa(fixture('harness-delegate-legacy-statefulset.yaml'), edit);
    const statefulSet = parseAllDocuments(output)
      .map((d) => d.toJS())
      .find((d) => d.kind === 'StatefulSet');
    expect(Object.keys(statefulSet.spec.template.spec)).toEqual(['serviceAccountName', 'containers', 'restartPolicy']);
  });

  it('annotates a service account the manifest already defines instead of adding another', () => {
    const input = [
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      `  name: ${SA}`,
      `  namespace: ${NS}   # created by hand`,
      '---',
      fixture('harness-delegate-ng-cluster-admin.yaml').split('---\n').slice(1).join('---\n'),
    ].join('\n');
    const { output, changes } = irsa(input, edit);
    expect(changedLines(input, output)).toEqual([
      '+6:   annotations:',
      `+7:     eks.amazonaws.com/role-arn: ${ROLE}`,
      '-13:     name: default',
      `+15:     name: ${SA}`,
      `+48:       serviceAccountName: ${SA}`,
    ]);
    expect(changes[0]).toBe(`Annotated ServiceAccount ${SA} with eks.amazonaws.com/role-arn.`);
  });

  it('keeps the quoting of an existing annotation value', () => {
    const input = fixture('harness-delegate-ng-cluster-admin.yaml').replace(
      'kind: Namespace\nmetadata:\n  name: harness-delegate-ng\n---\n',
      `kind: Namespace\nmetadata:\n  name: harness-delegate-ng\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${SA}\n  namespace: ${NS}\n  annotations:\n    eks.amazonaws.com/role-arn: "arn:aws:iam::111111111111:role/old"\n    team: platform\n---\n`,
    );
    const { output } = irsa(input, edit);
    expect(output).toContain(`    eks.amazonaws.com/role-arn: "${ROLE}"\n    team: platform\n`);
  });

  it('refuses a flow-style pod spec with a clear error instead of reformatting it', () => {
    const input = fixture('harness-delegate-ng-cluster-admin.yaml').replace(
      / {4}spec:\n {6}terminationGracePeriodSeconds: 600\n {6}containers:\n {6}- image: harness\/delegate:23.10.81202\n/,
      '    spec: {terminationGracePeriodSeconds: 600, containers: [{image: "harness/delegate:23.10.81202"}]}\n    unused:\n      - x:\n',
    );
    expect(() => irsa(input, edit)).toThrow(/flow style/);
  });
});
