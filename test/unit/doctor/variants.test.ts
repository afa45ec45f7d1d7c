import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/services/doctor/diagnose';

/**
 * Wordings the 110 real cases do not contain (other SDKs, Harness hints, Go v2 IMDS chains), written
 * from the SDKs' message formats. A classifier that memorised the real cases would miss these.
 */
const variants = JSON.parse(readFileSync(new URL('../../fixtures/doctor/constructed-variants.json', import.meta.url), 'utf8')) as {
  class: string;
  text: string;
}[];

describe('doctor classifier on constructed wordings outside the labelled set', () => {
  it.each(variants.map((v) => [v.class, v.text] as const))('%s: %s', async (label, text) => {
    expect((await diagnose([{ name: 'variant', text }])).findings[0]?.class).toBe(label);
  });
});
