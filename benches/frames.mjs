// Frame intervals while a node of the network is dragged across it (the
// layout runs under the pointer): shared by the browser and scale benches.

/** Drag the first node 60 steps and return the sorted gaps between frames, in ms. */
export async function dragFrames(page) {
  const box = await page.locator('.network .node').first().boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    const loop = (t) => {
      window.__frames.push(t);
      if (window.__frames.length < 2000) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let k = 0; k < 60; k++) {
    await page.mouse.move(box.x + box.width / 2 + k * 3, box.y + box.height / 2 + k * 2);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => window.__frames.slice());
  return frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
}
