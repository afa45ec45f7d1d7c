import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_REGIONS, PARTITION_IDS, PARTITIONS, findRegion } from '../../../shared/regions';
import { COMMERCIAL_EC2_FIPS, COMMERCIAL_STS_FIPS, DEFAULT_ENABLED_REGIONS, LEADING_REGIONS } from '../../../shared/regions/overlay';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The region catalog is generated from the AWS SDK's own partition data (npm run regions). These
 * tests ask the installed SDK again, so an SDK update that brings a region or a partition fails
 * here until the catalog is regenerated, and never goes missing from the app quietly.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const generator = join(root, 'build/generate-region-catalog.mjs');
const dir = tempDir('awb-regions-');
afterAll(() => dir.remove());

function runGenerator(...args: string[]): string {
  const result = spawnSync(process.execPath, [generator, ...args], { cwd: root, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

const sdkRegions = JSON.parse(runGenerator('--sdk-regions')) as Array<{ partition: string; code: string }>;

describe('region catalog against the AWS SDK', () => {
  it('reads a plausible amount of the SDK data', () => {
    expect(sdkRegions.length).toBeGreaterThan(40);
    expect(sdkRegions).toContainEqual({ partition: 'aws-eusc', code: 'eusc-de-east-1' });
    // Pseudo-regions are not regions: they fit no region pattern of their partition.
    expect(sdkRegions.some((r) => r.code.endsWith('-global'))).toBe(false);
  });

  it('holds every region the SDK knows, in the SDK partition (else run npm run regions)', () => {
    const missing = sdkRegions.filter(({ code, partition }) => findRegion(code)?.partition !== partition);
    expect(missing).toEqual([]);
  });

  it('holds no region the SDK does not know', () => {
    const known = new Set(sdkRegions.map((r) => r.code));
    expect(ALL_REGIONS.filter((r) => !known.has(r.code)).map((r) => r.code)).toEqual([]);
  });

  it('knows every partition the SDK knows, and no other', () => {
    expect([...new Set(sdkRegions.map((r) => r.partition))].sort()).toEqual([...PARTITION_IDS].sort());
  });

  it('is the file the generator writes today, byte for byte (else run npm run regions)', () => {
    const out = join(dir.path, 'generated-catalog.ts');
    runGenerator(out);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'shared/regions/generated-catalog.ts'), 'utf8'));
  });

  it('npm run regions runs the generator', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.regions).toBe('node build/generate-region-catalog.mjs');
  });
});

describe('hand-kept overlay', () => {
  it('names only regions of the catalog, each in the partition its fact is about', () => {
    const partitionOf = (code: string) => findRegion(code)?.partition;
    for (const code of [...DEFAULT_ENABLED_REGIONS, ...COMMERCIAL_STS_FIPS, ...COMMERCIAL_EC2_FIPS])
      expect(partitionOf(code), code).toBe('aws');
    for (const code of LEADING_REGIONS) expect(partitionOf(code), code).toBeDefined();
  });

  it('gives every partition a display name of its own', () => {
    const names = PARTITION_IDS.map((id) => PARTITIONS[id].displayName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('marks the four ISO partitions isolated, and only them', () => {
    expect(PARTITION_IDS.filter((id) => PARTITIONS[id].isolated)).toEqual(['aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f']);
  });
});
