// One cycle of abuse for the robustness test and benchmark: a 100-step
// resize storm, rapid clicks on a figure, and language switches in mid-scroll.
export async function abuseCycle(page) {
  for (let i = 0; i < 100; i++) await page.setViewportSize({ width: 320 + ((i * 37) % 1120), height: 560 + ((i * 53) % 340) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => {
    const b = document.querySelector('#stat-telegram-prize .stat-button');
    for (let i = 0; i < 10; i++) b.click();
  });
  await page.keyboard.press('Escape');
  for (let y = 0; y < 5000; y += 1000) {
    await page.evaluate((y) => { window.scrollTo(0, y); document.querySelector('.lang-switch').click(); }, y);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Listener and node counts after a garbage collection, and the JS heap. */
export async function counters(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { jsEventListeners, nodes } = await cdp.send('Memory.getDOMCounters');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return { listeners: jsEventListeners, nodes, heap: metrics.find((m) => m.name === 'JSHeapUsedSize').value };
}
