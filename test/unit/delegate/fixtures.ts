import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../../fixtures/delegate');

export function fixture(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}

export const ROLE = 'arn:aws:iam::123456789012:role/harness-delegate';
export const SA = 'harness-delegate-irsa';
export const NS = 'harness-delegate-ng';
