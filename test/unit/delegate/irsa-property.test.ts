import fc from 'fast-check';
import { CST, Document, Parser, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { irsa } from './fixtures';

/**
 * Random but valid delegate manifests: the delegate's own objects in random formatting, surrounded
 * by unrelated objects (other Deployments, bindings, ConfigMaps…) with comments and varied
 * separators. Whatever the mix, the edit must leave every unrelated document byte for byte.
 */

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const text = fc.stringMatching(/^[A-Za-z0-9 _.:/#-]{0,20}$/);
const style = fc.record({
  indent: fc.integer({ min: 2, max: 4 }),
  indentSeq: fc.boolean(),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>,
});
const comment = fc.option(
  fc.stringMatching(/^[A-Za-z0-9 ,.-]{1,30}$/).map((c) => `# ${c}\n`),
  { nil: '' },
);
const separator = fc.constantFrom('---\n', '\n---\n\n', '---\n\n', '\n---\n');

type Obj = Record<string, unknown>;

const unrelated: fc.Arbitrary<Obj> = fc.oneof(
  fc
    .record({ name, data: fc.dictionary(name, text, { maxKeys: 4 }) })
    .map(({ name: n, data }) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `x-${n}` }, data })),
  fc.record({ name, port: fc.integer({ min: 1, max: 65535 }) }).map(({ name: n, port }) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `x-${n}` },
    spec: { ports: [{ port }], selector: { app: n } },
  })),
  fc.record({ name, image: name }).map(({ name: n, image }) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `x-${n}` },
    spec: { template: { spec: { containers: [{ name: 'app', image: `${image}:1.0` }] } } },
  })),
  fc.record({ name, token: fc.stringMatching(/^[A-Za-z0-9+/]{16,60}={0,2}$/) }).map(({ name: n, token }) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `x-${n}-token` },
    type: 'Opaque',
    data: { DELEGATE_TOKEN: token },
  })),
  fc.record({ name }).map(({ name: n }) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: `x-${n}` },
    subjects: [{ kind: 'ServiceAccount', name: `x-${n}-sa` }],
    roleRef: { kind: 'Role', name: n, apiGroup: '' },
  })),
);

const delegateCore = fc.record({
  namespace: name,
  kind: fc.constantFrom('Deployment', 'StatefulSet'),
  binding: fc.constantFrom('harness-delegate-cluster-admin', 'harness-delegate-ng-cluster-admin', 'harness-delegate-ng-cluster-viewer'),
  container: fc.constantFrom('delegate', 'harness-delegate-instance'),
  presetAccount: fc.boolean(),
  withNamespaceObject: fc.boolean(),
});

interface Piece {
  readonly obj: Obj;
  readonly edited: boolean;
}

const manifest = fc
  .record({
    core: delegateCore,
    before: fc.array(unrelated, { maxLength: 3 }),
    between: fc.array(unrelated, { maxLength: 3 }),
    after: fc.array(unrelated, { maxLength: 3 }),
    styles: fc.array(style, { minLength: 12, maxLength: 12 }),
    comments: fc.array(comment, { minLength: 12, maxLength: 12 }),
    separators: fc.array(separator, { minLength: 12, maxLength: 12 }),
  })
  .map(({ core, before, between, after, styles, comments, separators }) => {
    const pieces: Piece[] = [
      ...(core.withNamespaceObject
        ? [{ obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: core.namespace } }, edited: false }]
        : []),
      ...before.map((obj) => ({ obj, edited: false })),
      {
        edited: true,
        obj: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: core.binding },
          subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: core.namespace }],
          roleRef: { kind: 'ClusterRole', name: 'cluster-admin', apiGroup: 'rbac.authorization.k8s.io' },
        },
      },
      ...between.map((obj) => ({ obj, edited: false })),
      {
        edited: true,
        obj: {
          apiVersion: 'apps/v1',
          kind: core.kind,
          metadata: { name: 'my-delegate', namespace: core.namespace },
          spec: {
            template: {
              metadata: { labels: { 'harness.io/name': 'delegate' } },
              spec: {
                ...(core.presetAccount ? { serviceAccountName: 'default' } : {}),
                containers: [{ name: core.container, image: 'harness/delegate:23.10.81202', env: [{ name: 'NEXT_GEN', value: 'true' }] }],
              },
            },
          },
        },
      },
      ...after.map((obj) => ({ obj, edited: false })),
    ];
    const text = pieces
      .map(({ obj }, i) => `${i === 0 ? '' : (separators[i] ?? '---\n')}${comments[i] ?? ''}${new Document(obj).toString(styles[i])}`)
      .join('');
    return { text, pieces, namespace: core.namespace };
  });

function documentSources(text: string): string[] {
  return [...new Parser().parse(text)].filter((t) => t.type === 'document').map((t) => CST.stringify(t));
}

const edit = (namespace: string) => ({
  serviceAccount: 'delegate-irsa',
  namespace,
  roleArn: 'arn:aws:iam::123456789012:role/d',
  stsRegionalEndpoints: false,
});

describe('IRSA edits on random valid manifests', () => {
  it('never touch an unrelated document, and do exactly the three edits', () => {
    fc.assert(
      fc.property(manifest, ({ text, pieces, namespace }) => {
        const { output, edits } = irsa(text, edit(namespace));
        // No splice carries a Secret's token, neither in what it deletes nor in what it inserts.
        const tokens = pieces.flatMap(({ obj }) => (obj.kind === 'Secret' ? [(obj.data as Obj).DELEGATE_TOKEN as string] : []));
        for (const { offset, deleteCount, insert } of edits) {
          for (const token of tokens) expect(`${text.slice(offset, offset + deleteCount)}\n${insert}`).not.toContain(token);
        }
        const before = documentSources(text);
        const after = documentSources(output);
        expect(after).toHaveLength(before.length + 1);

        // Drop the one added ServiceAccount; everything else lines up one to one.
        const outDocs = parseAllDocuments(output);
        const added = outDocs.findIndex((d) => d.get('kind') === 'ServiceAccount' && d.getIn(['metadata', 'name']) === 'delegate-irsa');
        expect(added).toBeGreaterThanOrEqual(0);
        const kept = after.filter((_, i) => i !== added);
        const keptDocs = outDocs.filter((_, i) => i !== added);
        pieces.forEach((piece, i) => {
          if (!piece.edited) expect(kept[i]).toBe(before[i]);
          const js = keptDocs[i]?.toJS() as Obj;
          if (!piece.edited) expect(js).toEqual(piece.obj);
        });
        expect(outDocs.every((d) => d.errors.length === 0)).toBe(true);

        const workload = keptDocs.find((d) => d.getIn(['metadata', 'name']) === 'my-delegate')?.toJS();
        expect(workload.spec.template.spec.serviceAccountName).toBe('delegate-irsa');
        const binding = keptDocs.find((d) => d.get('kind') === 'ClusterRoleBinding')?.toJS();
        expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'delegate-irsa', namespace }]);
      }),
      { numRuns: 150 },
    );
  });

  it('are idempotent', () => {
    fc.assert(
      fc.property(manifest, ({ text, namespace }) => {
        const once = irsa(text, edit(namespace)).output;
        const twice = irsa(once, edit(namespace));
        expect(twice.output).toBe(once);
        expect(twice.changes).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
