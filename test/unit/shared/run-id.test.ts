import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newRunId } from '../../../shared/run-id';

describe('run ids', () => {
  it('are UUIDs of version 7 that the IPC contract accepts', () => {
    const id = newRunId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('sort by start time as text, so an index keyed by them is in time order', () => {
    const times = [1_700_000_000_000, 1_700_000_000_001, 1_700_000_060_000, 1_800_000_000_000];
    const ids = times.map((t) => newRunId(t));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => newRunId(5))).size).toBe(1000);
  });
});
