// The JSON Schema (content/story.schema.json, what editors check as you
// type) and the checker (qitar-check, what the build and ?story= run) agree:
// both accept the real stories; both reject every structurally broken file;
// the rules only the checker knows (references, years, colours, texts in
// both languages) are listed here, so the boundary is explicit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'content/story.schema.json')));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const real = JSON.parse(fs.readFileSync(path.join(root, 'content/story.json')));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qitar-schema-'));

/** The checker's verdict: null if the file is valid, else its messages. */
function check(story) {
  const file = path.join(tmp, 'story.json');
  fs.writeFileSync(file, JSON.stringify(story));
  try {
    execFileSync('cargo', ['run', '--quiet', '--bin', 'qitar-check', '--', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    return null;
  } catch (e) {
    assert.equal(e.status, 1, `qitar-check crashed: ${e.stderr}`);
    return String(e.stderr);
  }
}
const mutated = (f) => {
  const s = structuredClone(real);
  f(s);
  return s;
};

test('both accept the real stories', () => {
  for (const f of ['content/story.json', 'stories/twitter-suspensions.json']) {
    const s = JSON.parse(fs.readFileSync(path.join(root, f)));
    assert.ok(validate(s), `${f}: ${JSON.stringify(validate.errors)}`);
    assert.equal(check(s), null, f);
  }
});

const structural = {
  'an unknown field at the top': (s) => { s.extra = 1; },
  'an unknown field in a station': (s) => { s.stations[0].colour = 'red'; },
  'a version that is text': (s) => { s.version = '1'; },
  'a missing title': (s) => { delete s.title; },
  'a unit that does not exist': (s) => { s.stations.find((x) => x.stats?.length).stats[0].unit = 'euro'; },
  'a year that is text': (s) => { s.stations[0].year = '2011'; },
  'a chart kind that does not exist': (s) => { s.stations.flatMap((x) => x.stats || []).find((x) => x.chart).chart.kind = 'pie'; },
  'a text that is a string, not {ar, en}': (s) => { s.intro = 'just English'; },
};
for (const [name, f] of Object.entries(structural)) {
  test(`both reject ${name}`, () => {
    const s = mutated(f);
    assert.equal(validate(s), false, `the schema accepts ${name}`);
    assert.notEqual(check(s), null, `the checker accepts ${name}`);
  });
}

const checkerOnly = {
  'an unknown source id': [(s) => { s.stations[0].source = 'nowhere'; }, /unknown source "nowhere"/],
  'years that do not rise': [(s) => { s.stations[1].year = 2010; }, /stations\[1\]\.year/],
  'a missing English text': [(s) => { s.stations[0].title.en = ''; }, /stations\[0\]\.title\.en/],
  'a colour that is not #rrggbb': [(s) => { s.platforms[0].color = '#12'; }, /platforms\[0\]\.color/],
  'a stage larger than the one before': [
    (s) => { s.initiatives.flatMap((x) => x.stats || []).find((x) => x.chart?.kind === 'stages').chart.bars[2].value = 200; },
    /chart\.bars\[2\]\.value: this stage \(200\) is larger/,
  ],
};
for (const [name, [f, message]] of Object.entries(checkerOnly)) {
  test(`only the checker knows ${name}, and names where`, () => {
    const s = mutated(f);
    assert.ok(validate(s), `the schema now rejects ${name}: move it to the list above`);
    assert.match(check(s) ?? '', message);
  });
}
