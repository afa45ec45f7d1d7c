import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page as it is now. Playwright's evaluate runs outside
 * the page's CSP, so the strict policy stays on while the checker is injected.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * Pictures a whole view in both themes (`test-results/<name>.png` and `<name>-dark.png`), checking each
 * with axe. The content scrolls inside <main>, so a tall window shows the view in one picture.
 */
export async function shootBothThemes(page: Page, name: string, height: number): Promise<void> {
  await page.setViewportSize({ width: 1280, height });
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    // Reduced motion turns off the colour transitions, so the picture shows the settled theme.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: `test-results/${name}${scheme === 'dark' ? '-dark' : ''}.png` });
    expect({ scheme, violations: await axeViolations(page) }).toEqual({ scheme, violations: [] });
  }
}
