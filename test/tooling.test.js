'use strict';
// The lint step of `npm test` must not depend on what other commands left in the checkout: every
// generated output that .gitignore names (typedoc's docs/, coverage reports, CPU profiles, packed
// tarballs, generated type fixtures, the build) is also ignored by ESLint, so `npm run docs && npm
// test` lints only the project's own sources. Checked through ESLint's own API, so a pattern
// dropped from .eslintrc.json (or a new .gitignore entry not added there) fails here.
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const { ESLint } = require('eslint');

const ROOT = path.join(__dirname, '..');

/** The patterns of .gitignore, without comments and blank lines. */
function gitignorePatterns() {
  return fs
    .readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Files a pattern of .gitignore stands for: for a directory (`docs/`), a script at its top and one
 * nested in it, like typedoc's docs/assets/main.js; for a `*.ext` pattern, such a file at the root
 * and in a subdirectory.
 */
function samplePaths(pattern) {
  if (pattern.endsWith('/')) return [`${pattern}index.js`, `${pattern}assets/main.js`];
  if (pattern.startsWith('*.')) return [`sample${pattern.slice(1)}`, `test/sample${pattern.slice(1)}`];
  throw new Error(`no sample path for the .gitignore pattern ${pattern}: extend samplePaths()`);
}

describe('tooling: ESLint ignores generated files', () => {
  let eslint;
  before(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  it('every .gitignore pattern is ignored by ESLint too', async () => {
    const patterns = gitignorePatterns();
    expect(patterns, '.gitignore patterns').to.include.members(['docs/', 'coverage/', 'dist/', 'node_modules/']);
    const linted = [];
    for (const pattern of patterns) {
      for (const file of samplePaths(pattern)) {
        if (!(await eslint.isPathIgnored(path.join(ROOT, file)))) linted.push(`${file} (.gitignore: ${pattern})`);
      }
    }
    expect(linted, 'generated files ESLint would lint').to.deep.equal([]);
  });

  it("typedoc's output (docs/assets/*.js) and coverage reports are ignored", async () => {
    for (const file of ['docs/assets/main.js', 'docs/assets/search.js', 'coverage/lcov-report/prettify.js', '.nyc_output/x.js']) {
      expect(await eslint.isPathIgnored(path.join(ROOT, file)), file).to.equal(true);
    }
  });

  it("the project's own sources are still linted", async () => {
    for (const file of ['src/opentok.ts', 'test/helpers.js', 'test/tooling.test.js', 'sample/HelloWorld/index.js']) {
      expect(await eslint.isPathIgnored(path.join(ROOT, file)), file).to.equal(false);
    }
  });
});
