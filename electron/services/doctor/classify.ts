import { AWS_ERROR_CLASSES, type AwsErrorClass } from '../../../shared/errors';
import { applyCues, applyEndpointClues, applyPlace, CONTEXT_RULES, placeOf, tokenHints } from './context';
import { CONFUSABLE } from './knowledge';
import { RULES, type Family, type Rule } from './rules';
import type { Located } from './scan';
import { findAll, findFirst } from './scan';
import type { Signals } from './signals';

/** A ranked class with the text that made the doctor think so and the reasons in plain words. */
export interface Candidate {
  readonly class: AwsErrorClass;
  score: number;
  readonly evidence: Located[];
  readonly reasons: string[];
}

/** Co-occurring clues must sit within this many characters of the first one (a few log lines). */
const NEAR = 1500;

function matchRule(text: string, rule: Rule): Located[] | null {
  const [first, ...rest] = rule.all;
  if (!first) return null;
  for (const anchor of findAll(text, first, 10)) {
    const window = text.slice(Math.max(0, anchor.start - NEAR), Math.min(text.length, anchor.end + NEAR));
    const offset = Math.max(0, anchor.start - NEAR);
    const others = rest.map((pattern) => findFirst(window, pattern));
    if (others.every((hit) => hit !== null)) {
      return [anchor, ...others.map((hit) => ({ ...hit!, start: hit!.start + offset, end: hit!.end + offset }))];
    }
  }
  return null;
}

interface Context {
  readonly temporaryKey: Located | null;
  readonly temporary: Located | null;
  readonly optInRegion: Located | null;
  readonly otherPartition: Located | null;
  readonly stsCall: Located | null;
  readonly restrictedCall: Located | null;
}

/** Context comes from every input together: a GovCloud region in the connector YAML explains the log. */
function contextOf(own: Signals, all: readonly Signals[]): Context {
  const pick = <T>(get: (s: Signals) => T | null | undefined): T | null => {
    for (const s of [own, ...all]) {
      const value = get(s);
      if (value) return value;
    }
    return null;
  };
  return {
    temporaryKey: pick((s) => s.temporaryKey),
    temporary: pick((s) => s.temporaryKey ?? s.temporarySession),
    optInRegion: pick((s) => s.regions.find((region) => region.optIn)?.at),
    otherPartition: pick(
      (s) =>
        s.regions.find((region) => region.partition && region.partition !== 'aws')?.at ??
        s.arnPartitions.find((arn) => arn.partition !== 'aws')?.at ??
        s.govOrChinaWords,
    ),
    stsCall: own.stsCall,
    restrictedCall: own.iamCall ?? own.cloud9,
  };
}

type Shares = Partial<Record<AwsErrorClass, { share: number; because?: { at: Located; reason: string } }>>;

/**
 * "The security token included in the request is invalid" and its relatives: which class they mean
 * depends on the key type, the region, the partition and the call. Shares are relative weights; the
 * context adds to the class it points at, so without context the key ID itself is the likeliest cause.
 */
function tokenInvalidShares(c: Context): Shares {
  const shares: Shares = {
    invalid_access_key_id: { share: 1 },
    missing_session_token: { share: 0.45 },
    partition_mismatch: { share: 0.35 + (c.stsCall ? 0.3 : 0) },
    sts_token_not_valid_in_region: { share: 0.2 + (c.stsCall ? 0.3 : 0) },
    temp_credentials_restricted: { share: 0.15 },
    region_not_enabled: { share: 0.1 },
  };
  const add = (cls: AwsErrorClass, amount: number, at: Located, reason: string) => {
    const entry = shares[cls] ?? { share: 0 };
    shares[cls] = { share: entry.share + amount, because: entry.because ?? { at, reason } };
  };
  if (c.temporaryKey) add('missing_session_token', 1.2, c.temporaryKey, `Temporary credentials are in play ("${c.temporaryKey.text}").`);
  if (c.otherPartition)
    add('partition_mismatch', 1.6, c.otherPartition, `A GovCloud/China partition is involved ("${c.otherPartition.text}").`);
  if (c.restrictedCall)
    add(
      'temp_credentials_restricted',
      1.4,
      c.restrictedCall,
      `The failing call is an IAM/STS call or Cloud9 credentials ("${c.restrictedCall.text}").`,
    );
  if (c.optInRegion) {
    if (c.temporary)
      add('sts_token_not_valid_in_region', 1.5, c.optInRegion, `Temporary credentials used in opt-in region ${c.optInRegion.text}.`);
    add('region_not_enabled', c.temporary ? 0.9 : 1.3, c.optInRegion, `${c.optInRegion.text} is an opt-in region.`);
  }
  return shares;
}

const FAMILY_RESOLVERS: Readonly<Record<Family, (c: Context) => Shares>> = {
  token_invalid: tokenInvalidShares,
};

/**
 * Ranks the AWS failure classes for one text. Every rule adds its weight once; family rules spread
 * theirs by context; then a few clues that are not wordings (a hostname with a bogus region) are added.
 */
export function classifyText(text: string, own: Signals, all: readonly Signals[]): Candidate[] {
  const byClass = new Map<AwsErrorClass, Candidate>();
  const bump = (cls: AwsErrorClass, amount: number, evidence: readonly Located[], reason?: string) => {
    const entry = byClass.get(cls) ?? { class: cls, score: 0, evidence: [], reasons: [] };
    entry.score += amount;
    for (const item of evidence) if (!entry.evidence.some((e) => e.start === item.start && e.end === item.end)) entry.evidence.push(item);
    if (reason && !entry.reasons.includes(reason)) entry.reasons.push(reason);
    byClass.set(cls, entry);
  };

  const context = contextOf(own, all);
  const familyHits = new Map<Family, { weight: number; evidence: Located[] }>();
  for (const rule of [...RULES, ...CONTEXT_RULES]) {
    const hit = matchRule(text, rule);
    if (!hit) continue;
    if (rule.target === 'token_invalid') {
      const family = familyHits.get(rule.target) ?? { weight: 0, evidence: [] };
      family.weight += rule.weight;
      family.evidence.push(...hit);
      familyHits.set(rule.target, family);
    } else {
      bump(rule.target, rule.weight, hit);
    }
  }
  for (const [family, { weight, evidence }] of familyHits) {
    const shares = FAMILY_RESOLVERS[family](context);
    for (const hint of tokenHints(text, context.optInRegion)) {
      const entry = shares[hint.cls] ?? { share: 0 };
      shares[hint.cls] = { share: entry.share + hint.share, because: entry.because ?? { at: hint.at, reason: hint.reason } };
    }
    const decided = Object.values(shares).some((value) => value?.because);
    if (!decided) {
      bump(
        'invalid_access_key_id',
        0,
        [],
        'This wording has several causes; nothing in the inputs points to temporary (ASIA) keys, another partition, an opt-in region or an IAM-only call, so an access key AWS does not know is the likeliest.',
      );
    }
    for (const [cls, value] of Object.entries(shares) as [AwsErrorClass, NonNullable<Shares[AwsErrorClass]>][]) {
      const extra =
        value.because &&
        value.because.at.end <= text.length &&
        text.slice(value.because.at.start, value.because.at.end) === value.because.at.text
          ? [value.because.at]
          : [];
      bump(cls, weight * value.share, [...evidence, ...extra], value.because?.reason);
    }
  }

  // An awb report already carries the class its test engine chose, with the full request context.
  for (const recorded of findAll(text, /"class"\s{0,3}:\s{0,3}"([a-z_]{3,40})"/g, 20)) {
    const cls = recorded.groups[0] as AwsErrorClass;
    if ((AWS_ERROR_CLASSES as readonly string[]).includes(cls))
      bump(cls, 3, [recorded], `An awb report recorded this class ("${recorded.text}").`);
  }

  applyPlace(placeOf(text), bump, (cls) => byClass.get(cls)?.score ?? 0);
  applyEndpointClues(text, bump);
  applyCues(text, Math.max(0, ...[...byClass.values()].map((c) => c.score)), bump);

  const bogus = own.bogusHosts[0];
  if (bogus)
    bump('endpoint_resolution_error', 6, [bogus], `"${bogus.text}" is not a real regional endpoint: the region part is not a region code.`);
  if (byClass.has('oidc_provider_missing') && context.otherPartition) {
    bump(
      'partition_mismatch',
      2,
      [],
      `A GovCloud/China partition is involved ("${context.otherPartition.text}"): the provider may exist in the other partition.`,
    );
  }

  return withConfusable([...byClass.values()].sort((a, b) => b.score - a.score));
}

/** Share of the first class's score a look-alike gets when the text gave it no clue of its own. */
const CONFUSABLE_SHARE = 0.04;

/**
 * The first class's usual look-alikes join the ranking after the classes the text pointed at, with a
 * token score: the ranking then always offers the next checks, and the first class keeps its place.
 */
function withConfusable(ranked: Candidate[]): Candidate[] {
  const [top] = ranked;
  if (!top) return ranked;
  const floor = Math.min(...ranked.map((c) => c.score));
  const missing = CONFUSABLE[top.class].filter((cls) => !ranked.some((c) => c.class === cls));
  return [
    ...ranked,
    ...missing.map((cls, i) => ({
      class: cls,
      score: Math.min(floor, top.score * CONFUSABLE_SHARE) / (i + 1),
      evidence: [],
      reasons: [`Often mistaken for ${top.class}: the same wording or symptom.`],
    })),
  ];
}
