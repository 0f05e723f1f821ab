'use strict';
// The differential suite: opentok@2.23.2 (the dev dependency `opentok-2`) is the oracle. Every
// case of cases.js runs against both packages, each in its own process (side.js), and the two
// records must be identical but for the deliberate departures of departures.js.
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const { cases } = require('./cases');
const { departures } = require('./departures');
const { expectedRecord } = require('./compare');

const SIDE = path.join(__dirname, 'side.js');

function runSide(side) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SIDE, side], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`side.js ${side} failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

/** The section of README.md under `heading`, up to the next heading of the same level. */
function readmeSection(heading) {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const level = heading.split(' ')[0];
  const next = readme.indexOf(`\n${level} `, start + heading.length + 2);
  return readme.slice(start, next < 0 ? undefined : next);
}

describe('Differential: the same calls against opentok@2.23.2 and this package', function () {
  this.timeout(120000);
  let originals;
  let ours;

  before(async function () {
    [originals, ours] = await Promise.all([runSide('original'), runSide('ours')]);
  });

  it('ran every case on both sides, without a harness failure', function () {
    for (const records of [originals, ours]) {
      expect(Object.keys(records)).to.deep.equal(cases.map((entry) => entry.id));
      const failures = Object.entries(records).filter(([, record]) => record.harnessError);
      expect(failures.map(([id, record]) => `${id}: ${record.harnessError}`)).to.deep.equal([]);
    }
  });

  it('covers every method of a 2.x client and of its models', function () {
    const Original = require('opentok-2');
    const client = new Original('123456', 'secret');
    const methods = new Set([
      ...Object.keys(client).filter((key) => typeof client[key] === 'function'),
      ...Object.getOwnPropertyNames(Original.prototype).filter((key) => key !== 'constructor'),
      // Archive#stop/#delete, Broadcast#stop, Callback#unregister, Session#generateToken.
      'stop',
      'delete',
      'unregister',
    ]);
    const covered = new Set(cases.map((entry) => entry.method));
    expect([...methods].filter((name) => !covered.has(name))).to.deep.equal([]);
  });

  describe('each case: identical records but for the departures that apply', function () {
    for (const entry of cases) {
      it(entry.id, function () {
        const { expected, applied } = expectedRecord(entry, originals, ours);
        expect(ours[entry.id], `departures applied: ${applied.join(', ') || 'none'}`).to.deep.equal(expected);
      });
    }
  });

  it('every departure explains at least one case (none is stale)', function () {
    const used = new Set();
    for (const entry of cases) {
      try {
        for (const id of expectedRecord(entry, originals, ours).applied) used.add(id);
      } catch {
        // Reported by the case's own test.
      }
    }
    expect(departures.map((departure) => departure.id).filter((id) => !used.has(id))).to.deep.equal([]);
  });

  it("README's \"Migrating from opentok 2.x\" section states every departure", function () {
    // Compared with line breaks as spaces: the README wraps its lines.
    const section = readmeSection('## Migrating from opentok 2.x').replace(/\s+/g, ' ');
    expect(section, 'the section').to.not.equal('');
    const missing = departures.filter((departure) => !section.includes(departure.title));
    expect(missing.map((departure) => departure.title)).to.deep.equal([]);
  });
});
