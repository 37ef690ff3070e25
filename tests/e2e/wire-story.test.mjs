// A fresh wire story, authored in the story editor (editor.html) as a
// first-time author would: the article pasted, the "Suggestions from the
// text" taken up wherever they help, the rest quoted by selecting and filled
// in through the forms, and every action counted. The story (a drone strike
// on a river port, the army's blame and the militia's denial, the army's
// reprisal, a border post lost, families fleeing, a mourning) becomes
// a dataset that is exported with "Export JSON", passes `dossier check` with
// no problems, and holds at least 6 events, 6 actors, 3 casualty tallies and
// 25 quotes (provenance entries), made in at most 120 actions. The test logs
// the actions by part of the work and a Keystroke-Level Model estimate.
//
// The suggestions do most of the naming: a source keeps the kind its words
// suggest (said in its row and in the status line), and the author changes
// it only where the guess is wrong for what the source is; "seized" and
// "announced" offer their events and "jets struck" an air strike. What is
// still done by hand is said where it is done: a kind guessed wrong or not
// guessed, a source that is an actor speaking, a unit read wrong, a person's
// name without the title the text puts before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, axe, screenshot } from './harness.mjs';
import { author, check, exported, fid, settle } from './authoring.mjs';

const env = setup();


/**
 * The wire story, as the author pastes it: the byline and the dateline's
 * weekday are not part of the body.
 */
const STORY = {
  headline: 'Drone strike on river port kills 19, officials say; militia denies role',
  outlet: 'Reuters',
  url: 'https://www.reuters.com/world/africa/drone-strike-river-port-kills-19-2025-03-04/',
  published: '2025-03-04',
  dateline: 'SAHEL CITY',
  paragraphs: [
    'A drone struck the river port of Kassala Nord late Monday, killing at least 19 people and wounding dozens more, the regional governor said on Tuesday.',
    'Governor Amina Toure told Reuters that most of the dead were dock workers unloading grain. "They were feeding their families," she said. The local hospital director, Dr. Idris Bah, said 41 wounded people had been admitted overnight, eight of them in critical condition.',
    'The army blamed the Northern Front militia for the attack. In a statement, army spokesman Colonel Samuel Diallo said the drone had been launched from territory held by the group. The Northern Front denied any role. "We do not target civilians," its spokesman Moussa Kane said in a message to AFP.',
    'Hours later, army jets struck two positions of the Northern Front near the town of Djenou, the army said. It gave no casualty figures. Residents said the strikes destroyed a school used as a shelter, and that at least three people were killed.',
    'On Sunday, the Northern Front had seized the border post of Tessit after a day of fighting with soldiers, according to a local official who asked not to be named. The army has not acknowledged the loss.',
    'The United Nations humanitarian office said on Tuesday that more than 2,000 families had fled the Kassala Nord area since Monday night. Its spokeswoman, Laura Mendes, called on both sides to protect civilians.',
    'The governor announced three days of mourning.',
  ],
};



/**
 * Keystroke-Level Model: M before every action; a click is P+BB (press and
 * release); a menu choice opens the menu and picks (2P+4B); a selection is
 * a drag (P+B, P+B); a field is clicked into (P+BB) with homing to the
 * keyboard and back (2H), then K per typed character, or Ctrl+V (2K) when
 * pasted.
 */
const KLM = { K: 0.28, P: 1.1, B: 0.1, H: 0.4, M: 1.35 };
function klm(a) {
  const { K, P, B, H, M } = KLM;
  const o = a.ops;
  return (
    a.count * M +
    o.click * (P + 2 * B) +
    o.choose * (2 * P + 4 * B) +
    o.select * (2 * P + 2 * B) +
    (o.typed + o.pasted) * (P + 2 * B + 2 * H) +
    a.typed * K +
    o.pasted * 2 * K
  );
}


/** Every provenance entry with a quote, anywhere in the dataset. */
function quotes(value) {
  if (Array.isArray(value)) return value.flatMap(quotes);
  if (value && typeof value === 'object') {
    const own = typeof value.quote === 'string' && typeof value.source === 'string' ? [value] : [];
    return [...own, ...Object.values(value).flatMap(quotes)];
  }
  return [];
}

test('a fresh wire story, authored through the editor and its suggestions, in at most 120 actions', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 860 });
  await page.goto(`${env.server.url}editor.html`);
  await page.waitForSelector('.start');
  const a = author(page);

  // Where the editor is: the source new quotes are credited to, an item's form.
  const credited = (id) => page.waitForFunction((id) => document.querySelector('#quote-source')?.value === id, id);
  const opened = (path) => page.waitForSelector(fid(path));
  /**
   * A reference (status "by", "denied by"…): its "Add" button, then the id
   * typed. A standing's "by" comes filled with the source of the event's
   * first quote (and says so): kept when it is right, retyped when not.
   */
  const refer = async (path, id) => {
    const filled = page.locator(`input${fid(path)}`);
    if (path.endsWith('.status.by') && (await filled.count())) {
      if ((await filled.inputValue()) !== id) await a.fill(`input${fid(path)}`, id);
      return;
    }
    await a.click(fid(path));
    await a.fill(`input${fid(path)}`, id);
  };

  // Paste the article: the headline, link and body copied, the rest typed.
  await a.fill('#a-title', STORY.headline, { paste: true });
  await a.fill('#a-outlet', STORY.outlet);
  await a.fill('#a-url', STORY.url, { paste: true });
  await a.fill('#a-published', STORY.published);
  await a.fill('#a-dateline', STORY.dateline);
  await a.fill('#a-body', STORY.paragraphs.join('\n\n'), { paste: true });
  await a.click('button:has-text("Start the story")');
  await page.waitForSelector('.editor__panes');
  assert.equal(await page.locator('.para__text').count(), 7);
  await a.click('.suggestions summary');

  // ¶1–2, the governor's word: who she is, the toll.
  a.part = 'sources';
  await a.use('¶1 “the regional governor”: who says it: a source (official statement, from its words)');
  await credited('regional-governor');
  assert.match(await page.locator('.editor__said').innerText(), /taken as an official statement from its words/);
  a.part = 'actors';
  // "Use" on "Governor Amina Toure" would make her office part of her name.
  await a.select(2, 'Amina Toure');
  await a.quoteAs('New actor named so');
  await opened('actors[0].kind');
  await a.choose(fid('actors[0].kind'), 'person');
  await a.select(2, 'Governor');
  await a.quoteAs('Add as a title of Amina Toure');
  a.part = 'tallies';
  await a.use('¶1 “killing at least 19 people”: a tally of the dead');
  await opened('tallies[0].category');
  assert.equal(await page.inputValue(fid('tallies[0].count.value')), '19');
  await a.choose(fid('tallies[0].category'), 'civilians');
  await a.fill(fid('tallies[0].victims'), 'people at the river port of Kassala Nord, most of them dock workers', { commit: true });
  await a.select(2, 'most of the dead were dock workers unloading grain');
  await a.quoteAs('Add to this tally');

  // ¶7, the mourning, while the governor is the source ("The governor" is
  // no source of the story, so the event stays hers).
  a.part = 'event: mourning';
  await a.use('¶7 “The governor announced three days of mourning”: an event: Statement');
  await opened('events[0].summary');
  await credited('regional-governor');
  // Announced between the strike, late Monday, and the story, on Tuesday.
  await a.fill(fid('events[0].date'), '[2025-03-03,2025-03-04]');
  await a.fill(fid('events[0].summary'), 'The governor announces three days of mourning.', { commit: true });
  await a.use('¶7 “three days”: a figure');
  await opened('events[0].quantities[0].unit');

  // ¶1, the strike, on the governor's word.
  a.part = 'event: drone strike';
  await a.use('¶1 “A drone struck the river port of Kassala Nord…”: an event: Air/drone strike');
  await opened('events[1].summary');
  await a.use('¶1 “late Monday”: the date: Mon 3 Mar 2025');
  assert.equal(await page.inputValue(fid('events[1].date')), '2025-03-03');
  await a.fill(fid('events[1].summary'), 'A drone strikes the river port of Kassala Nord, killing at least 19 people.', { commit: true });
  await a.use('¶1 “dozens more”: a figure');
  await opened('events[1].quantities[0].unit');
  a.part = 'fixes';
  // The figure's unit is read as "more".
  assert.equal(await page.inputValue(fid('events[1].quantities[0].unit')), 'more');
  await a.fill(fid('events[1].quantities[0].unit'), 'wounded');
  a.part = 'event: drone strike';
  // The army blames the militia, which denies it.
  await a.choose(fid('events[1].status.state'), 'alleged');
  await refer('events[1].status.by', 'army');
  await refer('events[1].status.denied_by', 'northern-front');

  // ¶3, the army's word and the militia's, on the strike.
  a.part = 'sources';
  await a.use('¶4 “the army”: who says it: a source (official statement, from its words)');
  await credited('army');
  a.part = 'event: drone strike';
  await a.select(3, 'The army blamed the Northern Front militia for the attack');
  await a.quoteAs('Add to this event');
  await a.select(3, 'the drone had been launched from territory held by the group');
  await a.quoteAs('Add to this event');
  a.part = 'sources';
  // Taken as an official statement from "spokesman": the militia's
  // spokesman's is a group statement, set in Sources below.
  await a.use('¶3 “spokesman Moussa Kane”: who says it: a source');
  await credited('spokesman-moussa-kane');
  a.part = 'event: drone strike';
  await a.select(3, 'The Northern Front denied any role');
  await a.quoteAs('Add to this event');

  a.part = 'event: denial';
  await a.use('¶3 “The Northern Front denied any role”: an event: Statement');
  await opened('events[2].summary');
  await a.fill(fid('events[2].date'), '[2025-03-03,2025-03-04]');
  await a.fill(fid('events[2].summary'), 'The Northern Front denies any role in the strike on the port.', { commit: true });
  await a.select(3, 'We do not target civilians');
  await a.quoteAs('Add to this event');

  a.part = 'actors';
  // Once the source "spokesman Moussa Kane" is made, "Moussa Kane" is
  // offered as "a name already in the story", and Use makes no actor.
  await a.select(3, 'Moussa Kane');
  await a.quoteAs('New actor named so');
  await opened('actors[1].kind');
  await a.choose(fid('actors[1].kind'), 'person');
  await a.select(3, 'spokesman', 1);
  await a.quoteAs('Add as a title of Moussa Kane');
  await a.use('¶3 “Northern Front”: an actor');
  await opened('actors[2].kind');
  await a.choose(fid('actors[2].kind'), 'armed_group');

  // ¶4, the army's reprisal near Djenou, on the army's word, and the
  // army's spokesman and the army themselves.
  a.part = 'sources';
  await a.choose('#quote-source', 'army');
  a.part = 'event: reprisal';
  await a.use('¶4 “Hours later, army jets struck two positions of…”: an event: Air/drone strike');
  await opened('events[3].summary');
  await a.fill(fid('events[3].date'), '[2025-03-03,2025-03-04]');
  await a.fill(fid('events[3].summary'), 'Army jets strike two Northern Front positions near Djenou.', { commit: true });
  await a.use('¶4 “two positions”: a figure');
  await a.choose(fid('events[3].status.state'), 'claimed');
  await refer('events[3].status.by', 'army');
  a.part = 'actors';
  // His rank stays in his name, as the text gives it.
  await a.use('¶3 “Colonel Samuel Diallo”: an actor');
  await opened('actors[3].kind');
  await a.choose(fid('actors[3].kind'), 'person');
  await a.select(3, 'army spokesman');
  await a.quoteAs('Add as a title of Colonel Samuel Diallo');
  // The army is never offered: the text has it only in lower case.
  await a.select(4, 'the army');
  await a.quoteAs('New actor named so');
  await opened('actors[4].kind');
  assert.equal(await page.inputValue(fid('actors[4].id')), 'army');
  await a.choose(fid('actors[4].kind'), 'military');

  // ¶4, the residents' word on the school.
  a.part = 'sources';
  // "Residents" name no one: a witness not named, as the row says.
  await a.use('¶4 “Residents”: who says it: a source (witness, not named, from its words)');
  await credited('residents');
  a.part = 'event: school';
  await a.use('¶4 “Residents said the strikes destroyed a school…”: an event: Attack');
  await opened('events[4].summary');
  await a.fill(fid('events[4].date'), '[2025-03-03,2025-03-04]');
  await a.fill(fid('events[4].summary'), 'The strikes destroy a school used as a shelter, killing at least three people.', { commit: true });
  await a.choose(fid('events[4].status.state'), 'alleged');
  await refer('events[4].status.by', 'residents');
  a.part = 'tallies';
  await a.use('¶4 “at least three people were killed”: a tally of the dead');
  await opened('tallies[1].category');
  await a.choose(fid('tallies[1].category'), 'unknown');
  await a.fill(fid('tallies[1].victims'), 'people sheltering in a school near Djenou', { commit: true });

  // ¶5, the border post.
  a.part = 'sources';
  await a.use('¶5 “a local official”: who says it: a source (official statement, from its words)');
  await credited('local-official');
  a.part = 'event: border post';
  // The event quotes its whole sentence, the day of fighting with it.
  await a.use('¶5 “On Sunday, the Northern Front had seized the…”: an event: Non-state actor overtakes territory');
  await opened('events[5].summary');
  await a.use('¶5 “Sunday”: the date: Sun 2 Mar 2025');
  await a.fill(fid('events[5].summary'), 'The Northern Front seizes the border post of Tessit after a day of fighting.', { commit: true });
  await a.choose(fid('events[5].status.state'), 'alleged');
  await refer('events[5].status.by', 'local-official');
  await refer('events[5].status.not_acknowledged_by', 'army');

  // ¶6, the families who fled, on the United Nations' word.
  a.part = 'sources';
  await a.use('¶6 “The United Nations humanitarian office”: who says it: a source (official statement, from its words)');
  await credited('united-nations-humanitarian-office');
  a.part = 'event: flight';
  // "A tally of the displaced" is offered for these words: it would count
  // 2,000 families as 2,000 people.
  await a.select(6, 'more than 2,000 families had fled the Kassala Nord area since Monday night');
  await a.quoteAs('New event');
  await opened('events[6].summary');
  await a.use('¶6 “Monday night”: the date: Mon 3 Mar 2025');
  await a.choose(fid('events[6].kind'), 'other_strategic_development');
  await a.fill(fid('events[6].summary'), 'More than 2,000 families flee the Kassala Nord area.', { commit: true });
  await a.select(6, 'more than 2,000 families');
  await a.quoteAs('Add as a figure of this event');
  assert.equal(await page.inputValue(fid('events[6].quantities[0].unit')), 'families');
  await a.choose(fid('events[6].status.state'), 'alleged');
  await refer('events[6].status.by', 'united-nations-humanitarian-office');
  a.part = 'actors';
  await a.use('¶6 “Laura Mendes”: an actor');
  await opened('actors[5].kind');
  await a.choose(fid('actors[5].kind'), 'person');
  await a.select(6, 'spokeswoman');
  await a.quoteAs('Add as a title of Laura Mendes');

  // ¶2, the hospital director and his count of the wounded. No word of
  // "Dr. Idris Bah" says what kind of source he is: chosen in Sources below.
  a.part = 'sources';
  await a.use('¶2 “Dr. Idris Bah”: who says it: a source');
  await credited('dr-idris-bah');
  a.part = 'actors';
  // Selected: "Dr. Idris Bah" is now the source's name, so Use would make
  // no actor (and would put the title in his name).
  await a.select(2, 'Idris Bah');
  await a.quoteAs('New actor named so');
  await opened('actors[6].kind');
  await a.choose(fid('actors[6].kind'), 'person');
  await a.select(2, 'local hospital director');
  await a.quoteAs('Add as a title of Idris Bah');
  a.part = 'tallies';
  await a.use('¶2 “41 wounded”: a tally of the wounded');
  await opened('tallies[2].category');
  assert.equal(await page.inputValue(fid('tallies[2].outcome')), 'wounded');
  await a.choose(fid('tallies[2].category'), 'unknown');
  await a.fill(fid('tallies[2].victims'), 'wounded people admitted to the local hospital', { commit: true });
  // "41 wounded" does not say where they are: the words that do.
  await a.select(2, '41 wounded people had been admitted overnight');
  await a.quoteAs('Add to this tally');

  // The sources: two kinds the words do not say (whose spokesman Moussa
  // Kane is, and what a doctor's word is), and the army's shares its id
  // with the actor, which it is, speaking.
  a.part = 'fixes';
  assert.match(await page.locator('button:has-text("problem")').first().innerText(), /^\d+ problems?$/);
  await a.click('.tabs__tab:has-text("Sources")');
  const fixes = [
    [2, () => a.choose(fid('sources[2].kind'), 'group_statement')],
    [1, () => a.fill(fid('sources[1].actor'), 'army')],
    [6, () => a.choose(fid('sources[6].kind'), 'official_statement')],
  ];
  for (const [k, [i, fix]] of fixes.entries()) {
    await a.click(`.items__open >> nth=${i}`);
    await opened(`sources[${i}].kind`);
    await fix();
    if (k < fixes.length - 1) await a.click('button:has-text("← All sources")');
  }
  await page.waitForSelector('button:has-text("No problems")');

  // The preview shows every event; the file passes the checker.
  await settle(page);
  await page.waitForSelector('.editor__preview :text("7 events")');
  await screenshot(page, 'wire-story');
  assert.deepEqual(await axe(page), []);
  const file = await exported(page);
  assert.equal(file.name, 'drone-strike-river-port-kills-19-officials-say.json');
  const data = JSON.parse(file.text);
  assert.match(check(file.path), /: ok \(7 actors, 7 events, 0 relations, 3 tallies\)\s*$/);
  assert.deepEqual(data.story.paragraphs, STORY.paragraphs);
  // Whose word each fact rests on, and whose dead each tally counts.
  assert.deepEqual(
    data.events.map((e) => [e.kind, e.date, e.status]),
    [
      ['statement', '[2025-03-03,2025-03-04]', { state: 'reported' }],
      ['air_drone_strike', '2025-03-03', { state: 'alleged', by: ['army'], denied_by: ['northern-front'] }],
      ['statement', '[2025-03-03,2025-03-04]', { state: 'reported' }],
      ['air_drone_strike', '[2025-03-03,2025-03-04]', { state: 'claimed', by: ['army'] }],
      ['attack', '[2025-03-03,2025-03-04]', { state: 'alleged', by: ['residents'] }],
      ['non_state_actor_overtakes_territory', '2025-03-02', { state: 'alleged', by: ['local-official'], not_acknowledged_by: ['army'] }],
      ['other_strategic_development', '2025-03-03', { state: 'alleged', by: ['united-nations-humanitarian-office'] }],
    ],
  );
  // Who each source is, and what kind of word.
  assert.deepEqual(
    data.sources.map((s) => [s.id, s.name, s.kind, s.actor]),
    [
      ['regional-governor', 'the regional governor', 'official_statement', undefined],
      ['army', 'the army', 'official_statement', 'army'],
      ['spokesman-moussa-kane', 'spokesman Moussa Kane', 'group_statement', undefined],
      ['residents', 'residents', 'anonymous_witness', undefined],
      ['local-official', 'a local official', 'official_statement', undefined],
      ['united-nations-humanitarian-office', 'the United Nations humanitarian office', 'official_statement', undefined],
      ['dr-idris-bah', 'Dr. Idris Bah', 'official_statement', undefined],
    ],
  );
  // Whose dead each tally counts, and who counted.
  assert.deepEqual(
    data.tallies.map((t) => [t.counted_by, t.count, t.outcome ?? 'killed', t.category, t.victims]),
    [
      ['regional-governor', { qualifier: 'at_least', value: 19 }, 'killed', 'civilians', 'people at the river port of Kassala Nord, most of them dock workers'],
      ['residents', { qualifier: 'at_least', value: 3 }, 'killed', 'unknown', 'people sheltering in a school near Djenou'],
      ['dr-idris-bah', { qualifier: 'exact', value: 41 }, 'wounded', 'unknown', 'wounded people admitted to the local hospital'],
    ],
  );

  const counts = { events: data.events.length, actors: data.actors.length, tallies: data.tallies.length, quotes: quotes(data).length };
  console.log(
    `wire story: ${a.count} actions ${JSON.stringify(a.by)}; ops ${JSON.stringify(a.ops)}, ${a.typed} characters typed; ` +
      `KLM ${Math.round(klm(a))} s; ${JSON.stringify(counts)}`,
  );
  assert.ok(counts.events >= 6, `${counts.events} events`);
  assert.ok(counts.actors >= 6, `${counts.actors} actors`);
  assert.ok(counts.tallies >= 3, `${counts.tallies} tallies`);
  assert.ok(counts.quotes >= 25, `${counts.quotes} quotes`);
  assert.deepEqual(problems, []);
  assert.ok(a.count <= 120, `${a.count} actions: ${JSON.stringify(a.by)}`);
  await context.close();
});
