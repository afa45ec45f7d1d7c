import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { collectScriptOptionsSchema, type CollectScriptOptionsInput } from '../../../shared/collect/schema';
import { collectScript } from '../../../electron/services/collect/generate';

const generate = (options: CollectScriptOptionsInput = {}) => collectScript(collectScriptOptionsSchema.parse(options), '0.1.0');

/** The script without its comments, where a shell construct would be code. */
function code(script: string): string {
  return script
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
}

describe('awb collect-script: the generated script', () => {
  it('fills every placeholder with the engineer’s choices', () => {
    const { script, fileName, commandLine } = generate({
      namespace: 'delegates',
      delegate: 'eks-delegate',
      regions: ['eu-west-1', 'us-gov-west-1'],
      exec: true,
    });
    expect(fileName).toBe('awb-collect.sh');
    expect(commandLine).toBe('bash awb-collect.sh');
    expect(script).not.toMatch(/@[A-Z_]+@/);
    expect(script).toContain("NAMESPACE='delegates'\nDELEGATE='eks-delegate'\nEXEC='1'\nREGIONS='eu-west-1,us-gov-west-1'");
    expect(script).toContain(
      "CHECK_HOSTS='sts.eu-west-1.amazonaws.com ec2.eu-west-1.amazonaws.com sts.us-gov-west-1.amazonaws.com ec2.us-gov-west-1.amazonaws.com'",
    );
    expect(script).toContain('#   sts.us-gov-west-1.amazonaws.com, ec2.us-gov-west-1.amazonaws.com\n');
    expect(script).toContain("(this copy's default: on)");
  });

  it('without a delegate name, finds the delegate by its image; exec stays off unless asked', () => {
    const { script, note } = generate();
    expect(script).toContain("NAMESPACE='harness-delegate-ng'\nDELEGATE=''\nEXEC='0'");
    expect(script).toContain('(this copy: found by its image)');
    expect(note).not.toContain('From inside the delegate pod');
    expect(generate({ exec: true }).note).toContain(
      'From inside the delegate pod it also reads the claims of its service-account token (never the token itself)',
    );
  });

  it.each([
    ['a namespace with a quote', { namespace: "ns';rm -rf /;'" }],
    ['a namespace with upper case', { namespace: 'Delegates' }],
    ['a delegate name with a space', { delegate: 'my delegate' }],
    ['a delegate name with a command', { delegate: '$(reboot)' }],
    ['an unknown region', { regions: ['us-east-1; reboot'] }],
    ['no region', { regions: [] }],
    ['eleven regions', { regions: Array.from({ length: 11 }, () => 'us-east-1') }],
    ['an unknown option', { token: 'x' }],
  ])('refuses %s', (_, options) => {
    expect(collectScriptOptionsSchema.safeParse(options).success).toBe(false);
  });

  it('is valid bash', () => {
    const result = spawnSync('bash', ['-n'], { input: generate({ exec: true, delegate: 'd' }).script, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  // macOS ships bash 3.2: none of what bash 4 and 5 added, outside a guard that checks for it.
  it.each([
    ['associative arrays', /\b(?:declare|local|typeset) -[a-zA-Z]*A/],
    ['mapfile or readarray', /\b(?:mapfile|readarray)\b/],
    ['case conversion in expansions', /\$\{[^}]*(?:,,|\^\^)[^}]*\}/],
    ['case fall-through', /;;&|;&/],
    ['|& and &>>', /\|&|&>>/],
    ['coproc', /\bcoproc\b/],
    ['namerefs', /\b(?:declare|local) -[a-zA-Z]*n\b/],
    ['${var@op}', /\$\{[A-Za-z_]+@[QEPAaKUuLk]\}/],
    ['globstar or lastpipe', /shopt -s (?:globstar|lastpipe)/],
    ['EPOCHSECONDS', /EPOCHSECONDS/],
    ['[[ -v ]]', /\[\[ -v /],
    ['negative array indexes', /\[\s*-1\s*\]\}/],
  ])('uses no %s (bash 3.2)', (_, construct) => {
    expect(code(generate({ exec: true }).script)).not.toMatch(construct);
  });

  it('reads EPOCHREALTIME (bash 5) only where it falls back to date', () => {
    const uses = code(generate().script)
      .split('\n')
      .filter((line) => line.includes('EPOCHREALTIME'));
    expect(uses).toEqual(['  if [ -n "${EPOCHREALTIME:-}" ]; then', '    local micros=${EPOCHREALTIME//[!0-9]/}']);
  });

  it('needs no jq, Python, GNU sed or GNU awk', () => {
    const body = code(generate().script);
    expect(body).not.toMatch(/\b(?:jq|python3?|sed|gawk|perl)\b/);
    // Interval expressions are missing from mawk and old BSD awks; awk functions only POSIX defines.
    expect(body).not.toMatch(/\/[^/\n]*\{\d+(?:,\d*)?\}[^/\n]*\//);
    expect(body).not.toMatch(/\b(?:gensub|strftime|systime|asort|patsplit|IGNORECASE)\b/);
  });
});
