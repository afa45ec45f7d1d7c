import { linesOf, spotAt, type Spot } from './common';

/** One row of `aws configure list`: whether the item is set and where the CLI found it. Key values are never kept. */
export interface ConfigureRow {
  readonly name: 'profile' | 'access_key' | 'secret_key' | 'region';
  readonly set: boolean;
  /** Only for profile and region; the keys' masked values are dropped. */
  readonly value: string | null;
  /** The provider or file type the CLI names: env, shared-credentials-file, config-file, iam-role, sso… */
  readonly type: string | null;
  readonly location: string | null;
  readonly at: Spot;
}

export interface ConfigureFacts {
  readonly kind: 'aws_configure';
  readonly rows: readonly ConfigureRow[];
  /** Profile names from `aws configure list-profiles`. */
  readonly profiles: readonly Spot[];
}

const HEADER = /^[ \t]{0,12}Name[ \t]{1,40}Value[ \t]{1,40}Type[ \t]{1,40}Location[ \t]*$/m;
const ROW = /^[ \t]{0,12}(profile|access_key|secret_key|region)[ \t]{1,60}(\S.{0,400})$/;
const LIST_PROFILES = /\baws configure list-profiles\b/;
const PROFILE_NAME = /^[ \t]{0,4}([A-Za-z0-9_.@+-]{1,64})[ \t]*$/;
const MAX_PROFILES = 100;

export function looksLikeConfigure(head: string): boolean {
  return (HEADER.test(head) && /^[ \t]{0,12}(?:access_key|secret_key)[ \t]/m.test(head)) || LIST_PROFILES.test(head);
}

function readRow(text: string, line: string, start: number): ConfigureRow | null {
  const match = ROW.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const name = match[1] as ConfigureRow['name'];
  const rest = match[2].trim();
  const notSet = rest.startsWith('<not set>');
  const words = (notSet ? rest.slice('<not set>'.length) : rest)
    .trim()
    .split(/[ \t]+/, 8)
    .filter(Boolean);
  const [value, ...after] = notSet ? [null, ...words] : words;
  const [type, ...location] = after;
  const keepValue = name === 'profile' || name === 'region';
  return {
    name,
    set: !notSet,
    value: keepValue && value ? value : null,
    type: type && type !== 'None' ? type : null,
    location: location.length > 0 && location.join(' ') !== 'None' ? location.join(' ') : null,
    at: spotAt(text, start, start + line.length),
  };
}

export function readConfigure(text: string): ConfigureFacts {
  const rows: ConfigureRow[] = [];
  const profiles: Spot[] = [];
  let listing = false;
  for (const { line, start } of linesOf(text)) {
    const row = readRow(text, line, start);
    if (row && !rows.some((r) => r.name === row.name)) rows.push(row);
    if (LIST_PROFILES.test(line)) {
      listing = true;
      continue;
    }
    const profile = listing ? PROFILE_NAME.exec(line) : null;
    if (profile?.[1] && profiles.length < MAX_PROFILES) {
      const at = start + line.indexOf(profile[1]);
      profiles.push(spotAt(text, at, at + profile[1].length));
    } else if (listing && line.trim().length > 0) listing = false;
  }
  return { kind: 'aws_configure', rows, profiles };
}
