/** Quotes a value for a POSIX shell only when it needs it, so typical commands stay readable. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/** One command per line group, wrapped with `\` so long eksctl lines stay copyable. */
export function commandLine(words: readonly string[]): string {
  const [first = '', ...rest] = words;
  const lines = [first];
  for (const word of rest) {
    if (word.startsWith('--')) lines.push(`  ${word}`);
    else lines[lines.length - 1] += ` ${word}`;
  }
  return lines.join(' \\\n');
}

/** `# 1. …`, `# 2. …`: numbered step titles for a generated script, counted per script. */
export function stepTitles(): (text: string) => string {
  let step = 0;
  return (text) => `# ${(step += 1)}. ${text}`;
}
