import { describe, expect, it } from 'vitest';
import { SecretInEditError } from '../../../electron/services/delegate/secret-values';
import { analyzeManifest } from '../../../electron/services/delegate/delegate-service';
import { applyEdits } from '../../../shared/delegate/edits';
import { isAppError } from '../../../shared/errors';
import { fixture, irsaEdits, NS, ROLE, SA } from './fixtures';

const edit = { serviceAccount: SA, namespace: NS, roleArn: ROLE, stsRegionalEndpoints: false };

describe('applyEdits', () => {
  it('splices in order: deletes, inserts and replaces', () => {
    expect(
      applyEdits('abcdef', [
        { offset: 0, deleteCount: 0, insert: '>' },
        { offset: 1, deleteCount: 2, insert: 'X' },
        { offset: 6, deleteCount: 0, insert: '<' },
      ]),
    ).toBe('>aXdef<');
    expect(applyEdits('abc', [])).toBe('abc');
  });

  it('refuses edits that overlap, go backwards or run past the end, with an error that quotes no text', () => {
    for (const edits of [
      [
        { offset: 2, deleteCount: 2, insert: '' },
        { offset: 3, deleteCount: 0, insert: 'x' },
      ],
      [
        { offset: 4, deleteCount: 0, insert: '' },
        { offset: 1, deleteCount: 0, insert: '' },
      ],
      [{ offset: 5, deleteCount: 2, insert: '' }],
    ]) {
      let caught: unknown;
      try {
        applyEdits('secret', edits);
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught) && caught.value.class).toBe('invalid_input');
      expect(isAppError(caught) && caught.value.message).not.toContain('secret');
    }
  });
});

describe('IRSA splices', () => {
  const input = fixture('harness-delegate.yaml');
  const { edits } = irsaEdits(input, edit);

  it('are whole lines of the ServiceAccount, binding and Deployment only, none inside a Secret document', () => {
    expect(
      edits.map(({ offset, deleteCount, insert }) => ({
        line: input.slice(0, offset).split('\n').length,
        deleted: input.slice(offset, offset + deleteCount),
        insert,
      })),
    ).toEqual([
      {
        line: 6,
        deleted: '',
        insert: `---\n\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${SA}\n  namespace: ${NS}\n  annotations:\n    eks.amazonaws.com/role-arn: ${ROLE}\n\n`,
      },
      { line: 14, deleted: '    name: default\n', insert: `    name: ${SA}\n` },
      { line: 59, deleted: '', insert: `      serviceAccountName: ${SA}\n` },
    ]);
    const secretLines = [
      [23, 31],
      [188, 196],
    ];
    for (const { offset } of edits) {
      const line = input.slice(0, offset).split('\n').length;
      expect(secretLines.some(([from = 0, to = 0]) => line >= from && line <= to)).toBe(false);
    }
  });

  it('are empty when the manifest already has the edits', () => {
    expect(irsaEdits(applyEdits(input, edits), edit).edits).toEqual([]);
  });

  it('are refused when one would insert a Secret value', () => {
    const text = input.replace('  DELEGATE_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"', `  DELEGATE_TOKEN: "${ROLE}"`);
    expect(() => irsaEdits(text, edit)).toThrow(SecretInEditError);
  });

  it('are refused when one would delete a Secret value: the pod spec names an account whose name is also a Secret value', () => {
    const text = fixture('harness-delegate-ng-cluster-admin.yaml')
      .replace(
        '  DELEGATE_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"',
        '  DELEGATE_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"\nstringData:\n  OLD_ACCOUNT: legacy-delegate-account',
      )
      .replace(
        '      terminationGracePeriodSeconds: 600\n',
        '      serviceAccountName: legacy-delegate-account\n      terminationGracePeriodSeconds: 600\n',
      );
    let caught: unknown;
    try {
      irsaEdits(text, edit);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecretInEditError);
    expect((caught as SecretInEditError).value.message).toContain('OLD_ACCOUNT in Secret prod-eks-delegate-account-token');
    expect((caught as SecretInEditError).value.message).not.toContain('legacy-delegate-account');
  });
});

describe('placeholders inside Secret values', () => {
  it('count only when the value is the whole placeholder, so no part of a real token is quoted', () => {
    const text = fixture('harness-delegate-ng-cluster-admin.yaml').replace('"PUT_YOUR_DELEGATE_TOKEN"', 'abcPUT_YOUR_TOKEN_XYZ123');
    expect(analyzeManifest(text).placeholders).toEqual([]);
    expect(analyzeManifest(fixture('harness-delegate-ng-cluster-admin.yaml')).placeholders).toEqual([
      { name: 'PUT_YOUR_DELEGATE_TOKEN', lines: [28] },
    ]);
  });
});
