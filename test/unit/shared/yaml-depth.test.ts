import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlNestingProblem } from '../../../shared/yaml-depth';

describe('YAML nesting before parsing', () => {
  it('refuses deep flow collections and deep indentation, accepts what a connector or manifest looks like', () => {
    expect(yamlNestingProblem(`a: ${'['.repeat(65)}${']'.repeat(65)}`)).toMatch(/more than 64 levels/);
    expect(yamlNestingProblem(`a: ${'{b: '.repeat(64)}1${'}'.repeat(64)}`)).toBeNull();
    expect(yamlNestingProblem(`${' '.repeat(513)}a: 1`)).toMatch(/indented more than 512/);
    expect(yamlNestingProblem('connector:\n  spec:\n    tags: {a: "}{[", b: \'[[[\'}  # [[[[\n')).toBeNull();
  });

  it('brackets inside quotes and comments do not count', () => {
    const quoted = `a: "${'['.repeat(1000)}"\nb: '${'{'.repeat(1000)}'\n# ${'['.repeat(1000)}\n`;
    expect(yamlNestingProblem(quoted)).toBeNull();
  });

  it('never throws, and what it accepts the parser reads without exhausting the stack', () => {
    const yamlish = fc.stringMatching(/^[\s\S]{0,400}$/).map((s) => s.replace(/[^{}[\]"'#:\n -a]/g, '{'));
    fc.assert(
      fc.property(yamlish, (text) => {
        const problem = yamlNestingProblem(text);
        if (problem === null) {
          try {
            parse(text);
          } catch (error) {
            expect(String(error)).not.toMatch(/call stack/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
