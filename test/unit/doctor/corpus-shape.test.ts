import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AWS_ERROR_CLASSES } from '../../../shared/errors';

// Shape checks for the labelled corpus in test/fixtures/aws-errors/corpus (issue 14): the data only, not the classifier.

interface CorpusCase {
  readonly id: string;
  readonly text: string;
  readonly class: string;
  readonly alternatives?: readonly string[];
  readonly client: string;
  readonly context?: string;
  readonly source: string;
  readonly resolution: string;
}

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/aws-errors/${name}`, import.meta.url), 'utf8'));

const development = fixture('corpus/development.json') as CorpusCase[];
const heldOut = fixture('corpus/held-out.json') as CorpusCase[];
const all = [...development, ...heldOut];
const existing = fixture('cases.json') as { text: string; source: string }[];

const classes = new Set<string>(AWS_ERROR_CLASSES);
const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
const thread = (url: string): string => url.replace(/#.*$/, '');
const allowedKeys = new Set(['id', 'text', 'class', 'alternatives', 'client', 'context', 'source', 'resolution']);

describe('AWS error corpus shape', () => {
  it('has both files, each a non-empty array', () => {
    expect(Array.isArray(development)).toBe(true);
    expect(Array.isArray(heldOut)).toBe(true);
    expect(development.length).toBeGreaterThan(0);
    expect(heldOut.length).toBeGreaterThan(0);
  });

  it.each(all.map((c) => [c.id, c] as const))('%s has the required fields and no others', (_id, c) => {
    for (const key of ['id', 'text', 'class', 'client', 'source', 'resolution'] as const) {
      expect(typeof c[key], `${c.id}.${key}`).toBe('string');
      expect(c[key].trim().length, `${c.id}.${key}`).toBeGreaterThan(0);
    }
    if (c.context !== undefined) expect(typeof c.context).toBe('string');
    expect(Object.keys(c).filter((key) => !allowedKeys.has(key))).toEqual([]);
    expect(c.text.length).toBeLessThanOrEqual(4608);
  });

  it('uses only classes from AWS_ERROR_CLASSES, for the label and the alternatives', () => {
    const bad = all.filter((c) => !classes.has(c.class)).map((c) => `${c.id}: ${c.class}`);
    for (const c of all) {
      if (c.alternatives === undefined) continue;
      expect(Array.isArray(c.alternatives), c.id).toBe(true);
      for (const alt of c.alternatives) {
        if (!classes.has(alt) || alt === c.class) bad.push(`${c.id}: alternative ${alt}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('gives every case a public https source URL', () => {
    const bad = all.filter((c) => !/^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/.test(c.source)).map((c) => c.id);
    expect(bad).toEqual([]);
  });

  it('has unique ids and no duplicate texts', () => {
    const ids = all.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = all.map((c) => normalise(c.text));
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it('keeps the split disjoint: no id, text or source thread on both sides', () => {
    const devIds = new Set(development.map((c) => c.id));
    const devTexts = new Set(development.map((c) => normalise(c.text)));
    const devThreads = new Set(development.map((c) => thread(c.source)));
    expect(heldOut.filter((c) => devIds.has(c.id)).map((c) => c.id)).toEqual([]);
    expect(heldOut.filter((c) => devTexts.has(normalise(c.text))).map((c) => c.id)).toEqual([]);
    expect(heldOut.filter((c) => devThreads.has(thread(c.source))).map((c) => c.id)).toEqual([]);
  });

  it('holds out roughly 30% of the cases', () => {
    const share = heldOut.length / all.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  it('copies nothing from cases.json: no shared thread and no text contained in an existing case', () => {
    const threads = new Set(existing.map((c) => thread(c.source)));
    const texts = existing.map((c) => normalise(c.text));
    expect(all.filter((c) => threads.has(thread(c.source))).map((c) => c.id)).toEqual([]);
    expect(all.filter((c) => texts.some((t) => t === normalise(c.text) || t.includes(normalise(c.text)))).map((c) => c.id)).toEqual([]);
  });
});
