// What the editor's end-to-end tests share: the field ids, the author whose
// actions are counted, the export and the checker.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/** Let the preview catch up with the draft (it follows a moment after typing stops). */
export const settle = (page) => page.waitForTimeout(450);

// DOSSIER runs another build of the checker (say, while target/ is rebuilt).
const DOSSIER = process.env.DOSSIER ?? join(ROOT, 'target/debug/dossier');

/** `dossier check` on a file: its report, or a thrown error naming the problems. */
export function check(path) {
  return execFileSync(DOSSIER, ['check', path], { encoding: 'utf8' });
}

/** The element id of the control for a field at a validator path. */
export const fid = (path) => `#f-${path.replace(/[^A-Za-z0-9]/g, '-')}`;

/** A quote as the quote bar shows it: cut to about 50 characters at a word's end. */
export function clip(s, max = 50) {
  if ([...s].length <= max) return s;
  let cut = [...s].slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[,;: ]+$/, '')}…`;
}

/**
 * What the author does, counted: each fill of a field, click, menu choice,
 * key and text selection is one action (a selection made with the keyboard
 * is one action however many keys it takes). `part` names the part of the
 * work the next actions go to, for the breakdown; `ops` and `typed` feed the
 * Keystroke-Level Model estimate.
 */
export function author(page, { everyKey = false } = {}) {
  const a = {
    count: 0,
    part: 'setup',
    by: {},
    ops: { click: 0, choose: 0, select: 0, typed: 0, pasted: 0 },
    typed: 0,
    tick(op) {
      a.count++;
      a.ops[op]++;
      a.by[a.part] = (a.by[a.part] ?? 0) + 1;
    },
    /** Fill a field; `paste` for text copied from the article rather than typed. */
    async fill(sel, text, { commit = false, paste = false } = {}) {
      a.tick(paste ? 'pasted' : 'typed');
      if (!paste) a.typed += text.length;
      await page.fill(sel, text);
      if (commit) await page.press(sel, 'Tab');
    },
    async choose(sel, value) {
      a.tick('choose');
      await page.selectOption(sel, value);
    },
    async click(sel) {
      a.tick('click');
      await page.click(sel);
    },
    /** Press "Use" on the suggestion labelled so (the first, when the text repeats it). */
    async use(label) {
      a.tick('click');
      await page.getByRole('button', { name: `Use ${label}`, exact: true }).first().click();
    },
    /** Press one of the quote bar's buttons. */
    async quoteAs(label) {
      a.tick('click');
      await page.click(`.quotebar__actions button:has-text("${label}")`);
    },
    /**
     * Select the `nth` occurrence of `words` in paragraph `n` with the
     * keyboard: the caret and all but the last character as Shift and the
     * arrow keys leave them, then the last Shift+ArrowRight, which the
     * editor reads; with `everyKey`, every arrow key pressed.
     */
    async select(n, words, nth = 0) {
      a.tick('select');
      const area = page.locator(fid(`story.paragraphs[${n - 1}]`));
      const text = await area.inputValue();
      let start = -1;
      for (let k = 0; k <= nth; k++) start = text.indexOf(words, start + 1);
      assert.ok(start >= 0, `“${words}” in paragraph ${n}`);
      if (everyKey) {
        await area.focus();
        await page.keyboard.press('Control+Home');
        for (let i = 0; i < start; i++) await page.keyboard.press('ArrowRight');
        await page.keyboard.down('Shift');
        for (let i = 0; i < words.length; i++) await page.keyboard.press('ArrowRight');
        await page.keyboard.up('Shift');
      } else {
        await area.evaluate((el, [s, e]) => {
          el.focus();
          el.setSelectionRange(s, e);
        }, [start, start + words.length - 1]);
        await page.keyboard.press('Shift+ArrowRight');
      }
      await page.waitForSelector('.quotebar__actions button:not([disabled])');
      // The bar may show the selection before the last key's change reaches
      // it: wait for the words, then say what it shows.
      const want = `¶${n} “${clip(words)}”`;
      await page.waitForFunction((w) => document.querySelector('.quotebar__quote')?.innerText === w, want, { timeout: 5000 }).catch(() => {});
      assert.equal(await page.locator('.quotebar__quote').innerText(), want);
    },
  };
  return a;
}

/** Press "Export JSON": the downloaded file's text, path and suggested name. */
export async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export JSON")')]);
  const path = await download.path();
  return { text: await readFile(path, 'utf8'), path, name: download.suggestedFilename() };
}
