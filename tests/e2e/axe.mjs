// axe-core as every accessibility check here runs it: WCAG 2.2 AA and best
// practice, each violation in a line (id, count, where, what).
import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Lighthouse runs this experimental rule; so do we.
      rules: { region: { enabled: false }, 'label-content-name-mismatch': { enabled: true } },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} — ${v.help}`);
  });
}
