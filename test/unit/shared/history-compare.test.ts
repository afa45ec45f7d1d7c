import { describe, expect, it } from 'vitest';
import type { CheckResult, RegionResult, RunResult } from '../../../shared/aws-test/result';
import { changeOf, compareRuns, timingOf } from '../../../shared/history/compare';
import { breaksOf, trendOf } from '../../../shared/history/trend';

const check = (name: CheckResult['name'], status: CheckResult['status'], durationMs = 100, errorClass?: string): CheckResult => ({
  name,
  status,
  durationMs,
  requestId: null,
  error: errorClass ? { code: 'X', message: 'm', class: errorClass as never, fix: 'f' } : null,
});

const region = (name: string, checks: CheckResult[]): RegionResult => ({
  region: name,
  partition: name.startsWith('us-gov') ? 'aws-us-gov' : 'aws',
  status: checks.some((c) => c.status === 'fail') ? 'fail' : 'pass',
  identity: null,
  checks,
});

const run = (id: string, regions: RegionResult[]): RunResult => ({
  schemaVersion: 1,
  runId: id,
  kind: 'sweep',
  connector: { identifier: 'c', credentialType: 'ManualConfig', testRegion: 'us-east-1', crossAccount: false },
  status: regions.some((r) => r.status === 'fail') ? 'fail' : 'pass',
  cancelled: false,
  startedAt: `2026-12-0${id}T10:00:00.000Z`,
  durationMs: 1000,
  regions,
  findings: [],
});

const passing = [
  check('resolve_credentials', 'pass', 5),
  check('sts_get_caller_identity', 'pass', 120),
  check('ec2_describe_regions', 'pass', 150),
];

describe('comparing two runs', () => {
  it('names what broke, what was fixed and what changed class, broke first', () => {
    const a = run('1', [
      region('us-east-1', passing),
      region('us-gov-west-1', passing),
      region('eu-west-1', [check('sts_get_caller_identity', 'fail', 90, 'explicit_deny')]),
    ]);
    const b = run('2', [
      region('us-east-1', passing),
      region('us-gov-west-1', [
        check('resolve_credentials', 'pass', 5),
        check('sts_get_caller_identity', 'fail', 110, 'secret_key_mismatch'),
      ]),
      region('eu-west-1', passing),
    ]);
    const comparison = compareRuns(a, b);
    expect(comparison.headline).toMatch(
      /^1 broke: us-gov-west-1 sts_get_caller_identity now secret_key_mismatch; 1 removed: us-gov-west-1 ec2_describe_regions; 1 fixed: eu-west-1 sts_get_caller_identity/,
    );
    expect(comparison.summary).toEqual({ fixed: 1, broke: 1, changed: 3, unchanged: 4 });
    const gov = comparison.regions.find((r) => r.region === 'us-gov-west-1')!;
    expect(gov).toMatchObject({ a: 'pass', b: 'fail' });
    expect(gov.checks.find((c) => c.name === 'sts_get_caller_identity')).toMatchObject({
      a: { status: 'pass', durationMs: 120, class: null },
      b: { status: 'fail', durationMs: 110, class: 'secret_key_mismatch' },
      change: 'broke',
    });
  });

  it('the other way round the same failure reads as fixed', () => {
    const a = run('1', [region('us-east-1', [check('sts_get_caller_identity', 'fail', 90, 'secret_key_mismatch')])]);
    const b = run('2', [region('us-east-1', [check('sts_get_caller_identity', 'pass', 90)])]);
    expect(compareRuns(a, b).summary).toMatchObject({ fixed: 1, broke: 0 });
    expect(compareRuns(b, a).summary).toMatchObject({ fixed: 0, broke: 1 });
  });

  it('regions only one run has are added or removed, with a null side', () => {
    const comparison = compareRuns(run('1', [region('us-east-1', passing)]), run('2', [region('eu-west-1', passing)]));
    expect(comparison.regions.map((r) => [r.region, r.a, r.b])).toEqual([
      ['eu-west-1', null, 'pass'],
      ['us-east-1', 'pass', null],
    ]);
    expect(comparison.regions[0]!.checks.every((c) => c.change === 'added' && c.a === null)).toBe(true);
  });

  it('a class change between two failures is "changed"; same outcome is "unchanged"', () => {
    const fail = (c: string) => ({ status: 'fail' as const, durationMs: 1, class: c as never });
    expect(changeOf(fail('explicit_deny'), fail('permission_denied'))).toBe('changed');
    expect(changeOf(fail('explicit_deny'), fail('explicit_deny'))).toBe('unchanged');
  });

  it('slower and faster only beyond the stated noise', () => {
    const at = (durationMs: number) => ({ status: 'pass' as const, durationMs, class: null });
    expect(timingOf(at(40), at(70))).toBeNull();
    expect(timingOf(at(200), at(460))).toBe('slower');
    expect(timingOf(at(1000), at(1300))).toBeNull();
    expect(timingOf(at(900), at(300))).toBe('faster');
  });
});

describe('trends', () => {
  it('one series per region, oldest first as given, and the failures that followed a pass', () => {
    const rows = [
      { region: 'us-east-1', runId: '1', startedAt: '2026-12-01', status: 'pass' as const, durationMs: 200, class: null },
      {
        region: 'us-east-1',
        runId: '2',
        startedAt: '2026-12-02',
        status: 'fail' as const,
        durationMs: 90,
        class: 'explicit_deny' as const,
      },
      {
        region: 'eu-west-1',
        runId: '2',
        startedAt: '2026-12-02',
        status: 'fail' as const,
        durationMs: 90,
        class: 'explicit_deny' as const,
      },
      {
        region: 'us-east-1',
        runId: '3',
        startedAt: '2026-12-03',
        status: 'fail' as const,
        durationMs: 95,
        class: 'explicit_deny' as const,
      },
    ];
    const trend = trendOf('c', rows);
    expect(trend.regions.map((r) => [r.region, r.points.map((p) => p.runId)])).toEqual([
      ['us-east-1', ['1', '2', '3']],
      ['eu-west-1', ['2']],
    ]);
    expect(breaksOf(trend.regions[0]!.points).map((p) => p.runId)).toEqual(['2']);
    expect(breaksOf(trend.regions[1]!.points)).toEqual([]);
  });
});
