import { launchBrowser } from './tests/e2e/browser';
import { startServer } from './tests/helpers/server';
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const list = await (await fetch(`${server.origin}/api/v1/measures?commitment=UNCC-13&limit=5`)).json() as any;
  const id = process.argv[2] ?? list.data[0].id;
  for (const [name, path] of [['measure', `/measures/${id}`], ['measure-th', `/th/measures/${id}`], ['commitment', '/commitments/UNCC-13'], ['commitment-th', '/th/commitments/UNCC-13'], ['party-measures', '/parties/tha/measures'], ['scorecard-measures', '/parties/bgd#measures']] as const) {
    await page.goto(`${server.origin}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(name, path, 'horizontal overflow px:', overflow);
    if (name === 'scorecard-measures') {
      const el = await page.$('section[data-section="measures"]');
      await el!.screenshot({ path: `/tmp/shots/${name}.png` });
    } else await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  }
} finally {
  await browser.close();
  await server.stop();
}
