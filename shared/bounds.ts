/**
 * How big and how deep a value from outside (an IPC argument, an imported file) may be before any
 * schema or scan looks at it. Measured without recursion, so a value nested 100,000 deep is refused
 * like any other instead of overflowing the stack of the code that reads it.
 */
export interface ValueLimits {
  readonly maxDepth: number;
  /** Objects, arrays and primitives together. */
  readonly maxNodes: number;
  /** The longest single string (keys included). */
  readonly maxStringChars: number;
  /** All strings together. */
  readonly maxTotalChars: number;
}

export const DEFAULT_VALUE_LIMITS: ValueLimits = {
  maxDepth: 32,
  maxNodes: 100_000,
  maxStringChars: 2 * 1024 * 1024,
  maxTotalChars: 8 * 1024 * 1024,
};

/** What is wrong with the value's size, in words that quote nothing of it; `null` when it is within the limits. */
export function valueBoundsProblem(value: unknown, limits: ValueLimits = DEFAULT_VALUE_LIMITS): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let nodes = 0;
  let chars = 0;
  const countString = (text: string): string | null => {
    if (text.length > limits.maxStringChars) return `a text is longer than ${limits.maxStringChars.toLocaleString('en-US')} characters`;
    chars += text.length;
    return chars > limits.maxTotalChars
      ? `the texts together are longer than ${limits.maxTotalChars.toLocaleString('en-US')} characters`
      : null;
  };
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes) return `it has more than ${limits.maxNodes.toLocaleString('en-US')} values`;
    if (typeof current === 'string') {
      const problem = countString(current);
      if (problem) return problem;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limits.maxDepth) return `it is nested more than ${limits.maxDepth} levels deep`;
    const keys = Array.isArray(current) ? null : Object.keys(current);
    if (nodes + stack.length + (keys?.length ?? (current as unknown[]).length) > limits.maxNodes) {
      return `it has more than ${limits.maxNodes.toLocaleString('en-US')} values`;
    }
    const entries = keys
      ? keys.map((key) => [key, (current as Record<string, unknown>)[key]] as const)
      : (current as unknown[]).map((item) => ['', item] as const);
    for (const [key, item] of entries) {
      const problem = countString(key);
      if (problem) return problem;
      stack.push({ value: item, depth: depth + 1 });
    }
  }
  return null;
}
