import { launchChromium } from '../support/chromium.ts';

const browser = await launchChromium();
for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  await page.goto(`file:///tmp/dash-${process.argv[2] ?? 'ios'}.html`);
  await page.screenshot({ path: `/tmp/shot-${scheme}.png`, fullPage: true });
}
await browser.close();
