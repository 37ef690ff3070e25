// Frame intervals while a node of the network is dragged across it (the
// layout runs under the pointer): shared by the browser and scale benches.

/**
 * Point at the first node, drag it 60 steps and let it go; return the
 * sorted gaps between frames from before the pointer came to 10 frames
 * after the release, in ms.
 */
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
  // The frames after the release count too (the actor is dropped, its
  // name says it is pinned).
  await page.evaluate(() => new Promise((ok) => {
    const until = window.__frames.length + 10;
    const wait = () => (window.__frames.length >= until ? ok() : requestAnimationFrame(wait));
    wait();
  }));
  const frames = await page.evaluate(() => window.__frames.slice());
  return frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
}
