'use strict';
// `npm run bench -- --quick` (the CI smoke run of test/bench/run.js): its figures mean nothing, so
// it must print no target verdict (no met / MISSED, no `targets` in the JSON line), only the
// figures and the statement that every token verified and every call succeeded. It must still
// fail (exit code 1) when a token does not verify or a call fails: checked by pointing it, through
// OPENTOK_BENCH_SDK, at a stand-in for the package that breaks exactly one of those.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { expect } = require('chai');

const ROOT = path.join(__dirname, '..');
const RUN = path.join(__dirname, 'bench', 'run.js');

/** Runs the quick bench with extra arguments and environment; returns {status, stdout, stderr}. */
function quickBench(args = [], env = {}) {
  const result = spawnSync(process.execPath, [RUN, '--quick', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60000,
  });
  if (result.error) throw result.error;
  return result;
}

/** The lines before the final JSON line, and that line parsed. */
function split(stdout) {
  const lines = stdout.trimEnd().split('\n');
  return { text: lines.slice(0, -1).join('\n'), report: JSON.parse(lines[lines.length - 1]) };
}

const VERDICT = /\b(met|MISSED)\b/;

describe('quick bench (npm run bench -- --quick)', function () {
  this.timeout(90000);

  it('prints its figures and the correctness statement, and no target verdict', () => {
    const { status, stdout, stderr } = quickBench();
    expect(status, stderr).to.equal(0);
    const { text, report } = split(stdout);
    expect(text).to.not.match(VERDICT);
    expect(text, 'a target column').to.not.match(/^figure .*\btarget$/m);
    expect(text).to.include('generateToken JWT, tokens/s');
    expect(text).to.include('createSession sequential, calls/s');
    expect(text).to.match(
      /^correctness: every token verified \([\d,]+ JWT, [\d,]+ T1 checked\); every call succeeded \([\d,]+ requests, each with a valid, unexpired auth JWT\)/m,
    );
    expect(text).to.not.include('PROBLEM');
    expect(report.quick).to.equal(true);
    expect(report).to.not.have.any.keys('targets', 'allTargetsMet');
    expect(report.problems).to.deep.equal([]);
  });

  describe('fails without the correctness statement', () => {
    let dir;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentok-bench-'));
      // A stand-in for the package: the real client, with tokens signed by the wrong secret
      // (BROKEN=tokens) or a getArchive that calls back with an error (BROKEN=calls).
      fs.writeFileSync(
        path.join(dir, 'index.js'),
        `'use strict';
const Real = require(${JSON.stringify(path.join(ROOT, 'dist', 'index.js'))});
function Broken(apiKey, apiSecret, options) {
  const client = new Real(apiKey, apiSecret, options);
  const wrong = new Real(apiKey, apiSecret + '-wrong', options);
  return new Proxy(client, {
    get(target, key) {
      if (process.env.BROKEN === 'tokens' && key === 'generateToken') return wrong.generateToken.bind(wrong);
      if (process.env.BROKEN === 'calls' && key === 'getArchive') {
        return (id, callback) => setImmediate(() => callback(new Error('getArchive broken on purpose')));
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
module.exports = Broken;
`,
      );
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('when a token does not verify', () => {
      const { status, stdout, stderr } = quickBench(['--only', 'tokens'], { OPENTOK_BENCH_SDK: dir, BROKEN: 'tokens' });
      expect(status).to.equal(1);
      expect(stderr).to.include('tokens.js');
      expect(stderr).to.match(/invalid signature/i);
      expect(stdout).to.not.include('correctness:');
    });

    it('when a call fails', () => {
      const { status, stdout } = quickBench(['--only', 'rest'], { OPENTOK_BENCH_SDK: dir, BROKEN: 'calls' });
      expect(status).to.equal(1);
      expect(stdout).to.include('PROBLEM: rest: ');
      expect(stdout).to.include('getArchive broken on purpose');
      expect(stdout).to.not.include('correctness:');
      expect(stdout).to.not.match(VERDICT);
    });

    it('the stand-in works as the real client when nothing is broken', () => {
      const { status, stdout, stderr } = quickBench(['--only', 'tokens,rest'], { OPENTOK_BENCH_SDK: dir, BROKEN: '' });
      expect(status, stderr).to.equal(0);
      expect(stdout).to.include('correctness: every token verified');
    });
  });
});
