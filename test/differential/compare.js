'use strict';
// Turns 2.23.2's record of a case into the record this package must produce, by the departures
// that apply to it (departures.js); what no departure touches stays as 2.x had it.
const { departures } = require('./departures');

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * `{ expected, applied }` for one case: `originals` and `ours` are the two sides' records by case
 * ID. A departure with `sameAs` starts from 2.x's record of a sibling case (the same call with
 * `{}` instead of `null`, say); then the `expect` edits run in table order; then the first
 * `check` entry that applies asserts both sides and hands over the parts it `adopts`. A failing
 * check throws.
 */
function expectedRecord(entry, originals, ours) {
  let original = originals[entry.id];
  const applied = [];
  for (const departure of departures) {
    if (departure.sameAs && departure.applies(entry, original)) {
      const sibling = departure.sameAs(entry);
      if (!originals[sibling]) throw new Error(`${departure.id}: no case ${sibling}`);
      original = originals[sibling];
      applied.push(departure.id);
    }
  }
  const expected = clone(original);
  const adopting = [];
  for (const departure of departures) {
    if (departure.sameAs || !departure.applies(entry, original)) continue;
    // Of the rules that check both sides, the first that applies explains the case.
    if (departure.check && adopting.length > 0) continue;
    applied.push(departure.id);
    if (departure.expect) departure.expect(expected, entry, original);
    if (departure.check) adopting.push(departure);
  }
  for (const departure of adopting) {
    departure.check(original, ours[entry.id], entry);
    for (const part of departure.adopt || []) {
      if (part in ours[entry.id]) expected[part] = clone(ours[entry.id][part]);
      else delete expected[part];
    }
  }
  return { expected, applied };
}

module.exports = { expectedRecord, clone };
