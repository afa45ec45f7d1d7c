/**
 * How deeply a YAML text nests, read in one pass without parsing: flow collections (`{`, `[`)
 * outside quotes and comments, and block indentation. The YAML parser recurses per level, so a
 * text nested thousands deep must be refused before it reaches the parser.
 */
export function yamlNestingProblem(text: string, maxFlowDepth = 64, maxIndent = 512): string | null {
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      if (quote === null) continue;
    }
    if (lineStart && (c === ' ' || c === '-')) {
      indent += 1;
      if (indent > maxIndent) return `it is indented more than ${maxIndent} columns`;
      continue;
    }
    lineStart = false;
    if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end - 1;
    } else if (c === '{' || c === '[') {
      flow += 1;
      if (flow > maxFlowDepth) return `it nests more than ${maxFlowDepth} levels of { } or [ ]`;
    } else if ((c === '}' || c === ']') && flow > 0) {
      flow -= 1;
    }
  }
  return null;
}
