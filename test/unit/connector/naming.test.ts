import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IDENTIFIER_FORMAT_MESSAGE,
  RESERVED_IDENTIFIERS,
  identifierError,
  identifierFromName,
  identifierWarning,
  nameError,
  nameWarning,
} from '../../../shared/connector';

describe('identifierFromName (Harness UI getIdentifierFromName)', () => {
  it.each([
    // The verified examples of reference §4.
    ['My AWS-Conn (prod)', 'My_AWSConn_prod'],
    ['123 test', '_test'],
    ['  aws  gov.cloud ', 'aws_govcloud'],
    ['$abc-1', 'abc1'],
    ['Ünïcode conn', 'ncode_conn'],
    // Edge cases derived from the four steps.
    ['', ''],
    ['   ', ''],
    ['aws', 'aws'],
    ['AWS Prod', 'AWS_Prod'],
    ['a   b', 'a_b'],
    ['a\tb', 'ab'],
    ['-$-9 x', '_x'],
    ['1-2-3', ''],
    ['42abc', 'abc'],
    ['$$$dollar$ sign', 'dollar$_sign'],
    ['a$b', 'a$b'],
    ['_under_score_', '_under_score_'],
    ['x.y/z', 'xyz'],
    ['日本語 name', '_name'],
    ['Ü1abc', '1abc'],
    ['café crème', 'caf_crme'],
    ['emoji 🚀 rocket', 'emoji_rocket'],
    ['keep CASE', 'keep_CASE'],
    ['a - b', 'a_b'],
    ['trailing space after strip .', 'trailing_space_after_strip_'],
    ['account', 'account'],
  ])('%j → %j', (name, id) => expect(identifierFromName(name)).toBe(id));

  it('does not cut long names: a 129-character name gives a 129-character id that validation refuses', () => {
    const id = identifierFromName('a'.repeat(129));
    expect(id).toHaveLength(129);
    expect(identifierError(id)).toBe(IDENTIFIER_FORMAT_MESSAGE);
  });

  it('only ever produces characters of [0-9a-zA-Z_$] and has no spaces left', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const id = identifierFromName(name);
        expect(id).toMatch(/^[0-9a-zA-Z_$]*$/);
      }),
    );
  });

  it('is valid for every name made of ASCII letters and spaces that is not a keyword', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,60}$/), (name) => {
        const id = identifierFromName(name);
        if (!RESERVED_IDENTIFIERS.has(id)) expect(identifierError(id)).toBeNull();
      }),
    );
  });
});

describe('identifierError', () => {
  it.each(['aws', 'AWS_prod', '_x', 'a1', 'a$', 'A'.repeat(128), 'Account', 'ORG', 'Status_1', 'stepgroup'])('accepts %j', (id) =>
    expect(identifierError(id)).toBeNull(),
  );

  it.each([
    ['1abc', 'leading digit'],
    ['$abc', 'leading $'],
    ['a-b', 'hyphen (only secrets may have one)'],
    ['a.b', 'dot'],
    ['a b', 'space'],
    ['é', 'non-ASCII'],
    ['A'.repeat(129), '129 characters'],
    ['.abc', 'dot first (the UI allows it, the backend does not)'],
  ])('refuses %j (%s) with the backend wording', (id) => expect(identifierError(id)).toBe(IDENTIFIER_FORMAT_MESSAGE));

  it('requires a value', () => expect(identifierError('')).toBe('Id is required.'));

  it.each([...RESERVED_IDENTIFIERS])('refuses the keyword %s in Harness wording', (word) =>
    expect(identifierError(word)).toBe(`${word} is a keyword, so cannot be used`),
  );

  it('holds the union of the backend, docs and UI lists', () => {
    for (const word of ['or', 'and', 'stepGroup', 'shellScriptProvisioner', 'status', 'liteEngineTask', 'account', 'org', 'class']) {
      expect(RESERVED_IDENTIFIERS.has(word), word).toBe(true);
    }
    expect(RESERVED_IDENTIFIERS.size).toBe(26);
  });

  it('warns about the _harness_system prefix only', () => {
    expect(identifierWarning('_harness_system_x')).toMatch(/reserved/);
    expect(identifierWarning('harness_system')).toBeNull();
  });
});

describe('name rules', () => {
  it.each(['aws', 'AWS Prod', 'a-b_c.d', 'team/aws', '1 leading digit is fine', 'x'.repeat(128)])('accepts %j', (name) =>
    expect(nameError(name)).toBeNull(),
  );
  it.each([
    ['', 'Name is required.'],
    ['   ', 'Name is required.'],
    ['x'.repeat(129), 'Name can be at most 128 characters long.'],
  ])('refuses %j', (name, message) => expect(nameError(name)).toBe(message));
  it.each(['aws (prod)', 'Ünïcode', 'a,b', 'a:b', 'tab\there'])('refuses the characters in %j', (name) =>
    expect(nameError(name)).toMatch(/letters, digits, spaces/),
  );
  it('warns where the UI or older versions differ from the backend', () => {
    expect(nameWarning('team/aws')).toMatch(/Harness UI/);
    expect(nameWarning(' leading')).toMatch(/Harness UI/);
    expect(nameWarning('x'.repeat(65))).toMatch(/64/);
    expect(nameWarning('AWS Prod')).toBeNull();
  });
});
