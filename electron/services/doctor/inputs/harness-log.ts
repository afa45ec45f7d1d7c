import { findAll, findFirst } from '../scan';
import type { Spot } from './common';

/**
 * A Harness pipeline step log or an error banner copied from the Harness UI. Delegate logs (Java log
 * lines with thread names and io.harness classes) stay plain logs; this is what users see in a run.
 */
export interface HarnessLogFacts {
  readonly kind: 'harness_log';
  readonly form: 'banner' | 'step_log';
  readonly hints: readonly Spot[];
  readonly explanations: readonly Spot[];
  /** The connector's credential type as the text names it (IRSA, Assume IAM Role on Delegate, …). */
  readonly credentialType: Spot | null;
  readonly exitCode: Spot | null;
}

const DELEGATE_LOG =
  /\bio\.harness\.|\[delegate-[\w-]{0,40}\]|\b(?:INFO|WARN|ERROR|DEBUG) \[[\w-]{1,60}\]|^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}[,.]\d{3} \[/m;
const BANNER = /^[ \t]{0,8}(?:Hint|Explanation):[ \t]/m;
const BANNER_HEAD =
  /^[ \t]{0,8}(?:Error Summary|Invalid request:|Connection test failed|Test Connection|Pipeline execution failed|Execution failed)/im;
const STEP_LOG =
  /Command completed with ExitCode \(|Executing command \.\.\.|^\+ \/kaniko\/executor|dir:\/\/\/harness\/|\bHarness (?:Delegate|pipeline|CI|CD)\b/m;

/** The UI's banners start with the error's title; "Invalid request:" is how Harness titles an INVALID_REQUEST error. */
const BANNER_FIRST_LINE = /^\s{0,200}(?:Invalid request:|Error Summary\b|Connection test failed\b)/;

export function looksLikeHarnessLog(head: string): boolean {
  if (DELEGATE_LOG.test(head)) return false;
  if (BANNER_FIRST_LINE.test(head) || STEP_LOG.test(head)) return true;
  return (
    BANNER.test(head) && (BANNER_HEAD.test(head) || /\bdelegate\b/i.test(head) || /Hint:[^\n]{0,300}\n[ \t]{0,8}Explanation:/.test(head))
  );
}

export function readHarnessLog(text: string): HarnessLogFacts {
  const head = text.slice(0, 64 * 1024);
  return {
    kind: 'harness_log',
    form: BANNER.test(head) || BANNER_FIRST_LINE.test(head) ? 'banner' : 'step_log',
    hints: findAll(text, /^[ \t]{0,8}Hint:[ \t][^\n]{1,400}/gm, 5),
    explanations: findAll(text, /^[ \t]{0,8}Explanation:[ \t][^\n]{1,400}/gm, 5),
    credentialType: findFirst(
      text,
      /\bUse IRSA\b|\bIRSA\b|Assume IAM Role on Delegate|\bInheritFromDelegate\b|\bManualConfig\b|AWS Access Key|\bOIDC\b/,
    ),
    exitCode: findFirst(text, /Command completed with ExitCode \(\d{1,4}\)|exit status \d{1,4}/),
  };
}
