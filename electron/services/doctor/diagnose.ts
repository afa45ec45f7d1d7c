import { AWS_ERROR_CLASSES } from '../../../shared/errors';
import { boundText, redactSecrets } from '../../../shared/redact';
import {
  DOCTOR_LIMITS,
  type DoctorInput,
  type DoctorResult,
  type Evidence,
  type Finding,
  type Severity,
} from '../../../shared/doctor/schema';
import { calibrated } from './calibrate';
import { decidingFact } from './deciding';
import { classifyText, type Candidate } from './classify';
import { clockSkewDrafts } from './clock';
import { collectFocus, collectedTrustInputs } from './collect-bundle';
import { collectDrafts } from './collect-checks';
import { accessKeyDrafts, connectorContextDrafts, partitionDrafts, readConfig } from './crosscheck';
import { irsaDrafts, podDrafts } from './irsa-check';
import { FACT_KINDS } from './inputs';
import { factLines, factSpots } from './inputs/explain';
import { readInput, type ReadInput } from './detect';
import { evidenceAt, type Draft } from './draft';
import { policyDrafts } from './policy-evidence';
import { CLASS_INFO } from './knowledge';
import { FOCUS_THRESHOLD, focusText, type Focus } from './focus';
import { extractSignals, type Signals } from './signals';

/** Kinds whose text is classified like a log; CloudTrail, pods, CLI output and Harness logs carry AWS's own words. */
const TEXT_KINDS = new Set<string>(['error_message', 'log', 'awb_report', 'collect_bundle', ...FACT_KINDS]);
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/** A runner-up this close to the winner means the text alone cannot decide. */
const AMBIGUOUS_RATIO = 0.4;

function round(value: number): number {
  return Math.round(Math.min(0.97, Math.max(0.03, value)) * 100) / 100;
}

function classificationDraft(input: ReadInput, focus: Focus, candidates: readonly Candidate[]): Draft | null {
  const [top, ...rest] = candidates;
  if (!top || top.score < 1) return null;
  const total = candidates.reduce((sum, c) => sum + c.score, 0) + 1.5;
  const close = rest.filter((c) => c.score >= top.score * AMBIGUOUS_RATIO).slice(0, 3);
  // The first class's share, mapped to how often that share was right (calibrate.ts); the rest share what is left.
  const confidence = calibrated(top.score / total);
  const restScale = (1 - confidence) / Math.max(1e-9, total - top.score);
  const matched = top.evidence.slice(0, 3).map((e) => `"${boundText(e.text, 80)}"`);
  return {
    class: top.class,
    severity: 'error',
    explanation: [`Matched ${matched.join(', ')}.`, ...top.reasons].join(' '),
    evidence: top.evidence.slice(0, 6).map((e) => evidenceAt(input, focus.toOriginal(e.start), focus.toOriginal(e.end - 1) + 1)),
    confidence,
    decidingFacts:
      close.length > 0
        ? [
            ...[decidingFact(top.class, close[0]!.class)].filter((fact): fact is string => fact !== null),
            ...[top, ...close].map((c) => CLASS_INFO[c.class].decider),
          ]
        : [],
    alternatives: rest.slice(0, 4).map((c) => ({ class: c.class, confidence: round(c.score * restScale) })),
  };
}

/** An input of a kind read for its facts whose text named no failure: what it shows, as information. */
function factsDraft(input: ReadInput, lines: readonly string[]): Draft {
  return {
    class: 'input_facts',
    severity: 'info',
    title: `What ${input.name} shows`,
    explanation: lines.join('\n'),
    evidence: input.facts ? factSpots(input.facts).map((spot) => evidenceAt(input, spot.start, spot.end)) : [],
    confidence: 1,
  };
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Whether evidence `a` already shows all of `b` (same input, range inside). */
function covers(a: Evidence, b: Evidence): boolean {
  return a.input === b.input && a.start <= b.start && a.end >= b.end;
}

/**
 * Drafts of the same AWS class (the log says trust denied, the trust policy shows why) become one
 * finding: evidence and explanations joined, the specific fix first, more confidence for agreement.
 */
function merge(drafts: readonly Draft[]): Draft[] {
  const merged: Draft[] = [];
  const mergeable = new Set<string>(AWS_ERROR_CLASSES);
  for (const draft of drafts) {
    const existing = mergeable.has(draft.class) ? merged.findIndex((m) => m.class === draft.class) : -1;
    const into = existing >= 0 ? merged[existing] : undefined;
    if (!into) {
      merged.push(draft);
      continue;
    }
    merged[existing] = {
      ...into,
      severity: SEVERITY_ORDER[draft.severity] < SEVERITY_ORDER[into.severity] ? draft.severity : into.severity,
      title: into.title,
      explanation: `${sentence(into.explanation)}\n${sentence(draft.explanation)}`,
      evidence: [...into.evidence, ...draft.evidence.filter((e) => !into.evidence.some((x) => covers(x, e)))],
      fix: [...(into.fix ?? []), ...(draft.fix ?? [])],
      confidence: Math.min(0.97, Math.max(into.confidence, draft.confidence) + 0.1),
      decidingFacts: into.decidingFacts ?? draft.decidingFacts,
      alternatives: into.alternatives ?? draft.alternatives,
    };
  }
  return merged;
}

/** Room for a few merged explanations; a longer one is a pasted value quoted whole. */
const MAX_SHOWN_CHARS = 4000;

/** Titles, explanations and fixes quote pasted values, which can be megabytes: they are shown bounded, then redacted. */
function shown(text: string): string {
  return redactSecrets(boundText(text, MAX_SHOWN_CHARS));
}

/** Customers paste secrets along with errors; whatever leaves the doctor has them removed (offsets still locate the text). */
function toFinding(draft: Draft): Finding {
  const info = CLASS_INFO[draft.class];
  return {
    class: draft.class,
    severity: draft.severity,
    title: shown(draft.title ?? info.title),
    explanation: shown(draft.explanation),
    evidence: draft.evidence.map((e) => ({ ...e, text: redactSecrets(e.text) })),
    fix: [...new Set([...(draft.fix ?? []).map(shown), ...info.fix])],
    confidence: round(draft.confidence),
    decidingFacts: [...(draft.decidingFacts ?? [])],
    alternatives: [...(draft.alternatives ?? [])].filter((a) => a.class !== draft.class),
  };
}

/**
 * Reads every input, classifies the error texts with the context of all inputs, cross-checks the
 * configuration (policies sent are evaluated with the IAM simulator), and ranks the findings:
 * errors before warnings before information, most likely first.
 * Never throws on what a customer pastes; odd input becomes a finding or a note on the input.
 */
export async function diagnose(rawInputs: readonly DoctorInput[]): Promise<DoctorResult> {
  const inputs = rawInputs.slice(0, DOCTOR_LIMITS.maxInputs).map((input, index) => readInput(index, input));
  const drafts: Draft[] = [];
  const signals = new Map<number, Signals>();
  const focuses = new Map<number, Focus>();
  for (const input of inputs) {
    if (input.kind === 'binary' || input.kind === 'empty') continue;
    if (TEXT_KINDS.has(input.kind)) {
      // A collect bundle's failures are in its log lines and the pod's own answers, not in its JSON around them.
      const focus = input.kind === 'collect_bundle' ? collectFocus(input) : focusText(input.text);
      focuses.set(input.index, focus);
      signals.set(input.index, extractSignals(focus.text));
    } else {
      // Configuration files are small; a huge one is read for context only up to the threshold.
      signals.set(input.index, extractSignals(input.text.slice(0, FOCUS_THRESHOLD)));
    }
  }
  const allSignals = [...signals.values()];
  for (const input of inputs) {
    const own = signals.get(input.index);
    const focus = focuses.get(input.index);
    if (!own || !focus) continue;
    const draft = classificationDraft(input, focus, classifyText(focus.text, own, allSignals));
    const facts = input.facts ? factLines(input.facts) : [];
    if (draft) drafts.push(facts.length > 0 ? { ...draft, explanation: [draft.explanation, ...facts].join('\n') } : draft);
    else if (input.facts && facts.length > 0) drafts.push(factsDraft(input, facts));
    drafts.push(...clockSkewDrafts(input));
  }
  const facts = readConfig([...inputs, ...collectedTrustInputs(inputs)], drafts);
  drafts.push(...podDrafts(facts, inputs, drafts));
  drafts.push(...irsaDrafts(facts), ...connectorContextDrafts(facts), ...partitionDrafts(facts, inputs), ...accessKeyDrafts(inputs));
  drafts.push(...collectDrafts(inputs, facts));
  drafts.push(...(await policyDrafts(inputs, facts)));
  for (const input of inputs) {
    if (input.kind === 'binary') {
      drafts.push({
        class: 'input_unreadable',
        severity: 'warning',
        title: `${input.name} is binary data, not text`,
        explanation: input.summary,
        evidence: [],
        confidence: 1,
      });
    }
  }
  const findings = merge(drafts)
    .map(toFinding)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.confidence - a.confidence);
  return {
    schemaVersion: 1,
    inputs: inputs.map(({ name, kind, summary, chars, truncated }) => ({
      name,
      kind,
      summary: truncated ? `${summary} (only the first ${DOCTOR_LIMITS.maxInputChars / 1024 / 1024} MB were read)` : summary,
      chars,
      truncated,
    })),
    findings,
  };
}
