/**
 * Renders every components/ui primitive to static HTML with app/globals.css inlined, then screenshots
 * it in Debian's Chromium at desktop and phone widths (light and dark) into screenshots/.
 *   npx tsx scripts/ui-preview.tsx [--no-shots]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import { ShowcaseApp } from '../components/ui/__preview__/showcase-app';
import { ShowcaseKit } from '../components/ui/__preview__/showcase-kit';

const DEFAULTS = {
  outDir: 'screenshots',
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  shots: [
    { name: 'ui-1280', width: 1280, height: 900, colorScheme: 'light' },
    { name: 'ui-390', width: 390, height: 844, colorScheme: 'light' },
    { name: 'ui-1280-dark', width: 1280, height: 900, colorScheme: 'dark' },
  ] as const,
  /** The phone layout with its menu open: one viewport, not the full page. */
  menuShot: { name: 'ui-390-menu', width: 390, height: 844 },
};

// The preview shows the dialog in place (not modal) so it sits among the other primitives.
const PREVIEW_CSS = `
.preview-dialog-host .pp-dialog { position: static; display: flex; margin: 0; }
.preview-kit { margin-top: var(--pp-space-7); padding-top: var(--pp-space-6); border-top: 1px solid var(--pp-border); }
`;

async function renderHtml(): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const css = await readFile(`${root}app/globals.css`, 'utf8');
  const body = renderToStaticMarkup(
    <ShowcaseApp>
      <div className="preview-kit">
        <ShowcaseKit />
      </div>
    </ShowcaseApp>,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PurposePath UI preview</title><style>${css}\n${PREVIEW_CSS}</style></head><body>${body}</body></html>`;
}

async function screenshot(htmlPath: string): Promise<string[]> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: DEFAULTS.chromium, args: ['--no-sandbox', '--disable-gpu'] });
  const written: string[] = [];
  try {
    for (const shot of DEFAULTS.shots) {
      const page = await browser.newPage({
        viewport: { width: shot.width, height: shot.height },
        colorScheme: shot.colorScheme,
        reducedMotion: 'reduce',
      });
      await page.goto(`file://${htmlPath}`);
      await page.evaluate(() => document.querySelectorAll('dialog').forEach((d) => d.setAttribute('open', '')));
      const file = `${DEFAULTS.outDir}/${shot.name}.png`;
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
      // Viewport-sized slices too: a whole tall page is unreadable when scaled down to view.
      const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let top = 0, part = 1; top < fullHeight; top += shot.height, part++) {
        const slice = `${DEFAULTS.outDir}/${shot.name}-part${part}.png`;
        const height = Math.min(shot.height, fullHeight - top);
        await page.screenshot({ path: slice, fullPage: true, clip: { x: 0, y: top, width: shot.width, height } });
        written.push(slice);
      }
      await page.close();
    }
    const { menuShot } = DEFAULTS;
    const page = await browser.newPage({
      viewport: { width: menuShot.width, height: menuShot.height },
      reducedMotion: 'reduce',
    });
    await page.goto(`file://${htmlPath}`);
    await page.locator('.pp-shell').evaluate((el) => el.setAttribute('data-menu', 'open'));
    const file = `${DEFAULTS.outDir}/${menuShot.name}.png`;
    await page.screenshot({ path: file });
    written.push(file);
  } finally {
    await browser.close();
  }
  return written;
}

async function main() {
  await mkdir(DEFAULTS.outDir, { recursive: true });
  const htmlPath = fileURLToPath(new URL(`../${DEFAULTS.outDir}/ui-preview.html`, import.meta.url));
  await writeFile(htmlPath, await renderHtml());
  console.log(`wrote ${htmlPath}`);
  if (process.argv.includes('--no-shots')) return;
  for (const file of await screenshot(htmlPath)) console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(`ui-preview failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error('Is Chromium installed at /usr/bin/chromium (or CHROMIUM_PATH)? See scripts/ensure-chromium.mjs.');
  process.exitCode = 1;
});
