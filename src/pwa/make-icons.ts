/**
 * `npx tsx src/pwa/make-icons.ts`: draws the PNG icons installers need from the SVGs in
 * public/icons with headless Chromium (no network, no image library). Run it after changing an SVG
 * and commit the PNGs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/browser.ts';

const icons = join(import.meta.dirname, '../../public/icons');
const wanted = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon.svg', png: 'apple-touch-icon.png', size: 180 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (const { svg, png, size } of wanted) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const source = readFileSync(join(icons, svg), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${source}`);
    await page.screenshot({ path: join(icons, png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`public/icons/${png}`);
  }
} finally {
  await browser.close();
}
