/**
 * `npx tsx e2e/icons.ts`: renders the app icons (src/web/public/icon-*.svg, an olive branch
 * in the light and the dark theme) to the PNG sizes an installed app needs, with the same
 * Chromium the browser tests use. The PNGs are committed; run this after changing an SVG.
 */
import { readFileSync } from 'node:fs';
import { launch } from './harness.js';

const DIR = 'src/web/public';
const SIZES = [192, 512, 180] as const;

const browser = await launch();
try {
  for (const theme of ['light', 'dark'] as const) {
    const svg = readFileSync(`${DIR}/icon-${theme}.svg`, 'utf8');
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`,
      );
      const name = size === 180 ? `apple-touch-icon-${theme}.png` : `icon-${theme}-${size}.png`;
      await page.screenshot({ path: `${DIR}/${name}`, omitBackground: true });
      await page.close();
      console.log(`${DIR}/${name}`);
    }
  }
} finally {
  await browser.close();
}
