'use strict';
// Type tests of the built declarations (dist/**/*.d.ts, dist/esm/index.d.mts): the fixtures of
// test/types import 'opentok' by name, as a consumer does, so the exports map is exercised too.
// Needs `npx tsc -p .` first (like every test).
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const ts = require('typescript');
const {
  ROOT,
  runTsc,
  expectationsOf,
  compilerOptions: parseOptions,
  diagnosticsWithoutDirectives,
  compareWithDirectives,
} = require('./support/typescript');

const TYPES_DIR = path.join(__dirname, 'types');

/** Parsed options of a test/types tsconfig (lib check off: the tsc run covers it). */
function compilerOptions(configFile) {
  return parseOptions(path.join(TYPES_DIR, configFile), { skipLibCheck: true });
}

describe('TypeScript declarations (test/types)', function () {
  this.timeout(30000);

  let strictRun;
  let interopRun;

  before(async function () {
    // Both projects at once: each spends most of its time checking @types/node.
    [strictRun, interopRun] = await Promise.all([
      runTsc(path.join(TYPES_DIR, 'tsconfig.json')),
      runTsc(path.join(TYPES_DIR, 'tsconfig.interop.json')),
    ]);
  });

  it('resolves the fixtures\' imports to the built files through the exports map', function () {
    const options = compilerOptions('tsconfig.json');
    const resolve = (name, from) => {
      const { resolvedModule } = ts.resolveModuleName(name, path.join(TYPES_DIR, from), options, ts.sys);
      return resolvedModule ? path.relative(ROOT, resolvedModule.resolvedFileName) : undefined;
    };
    expect(resolve('opentok', 'cjs-require.ts')).to.equal('dist/index.d.ts');
    expect(resolve('opentok/lib/opentok.js', 'cjs-require.ts')).to.equal('dist/lib/opentok.d.ts');
    expect(resolve('opentok/lib/session.js', 'cjs-require.ts')).to.equal('dist/lib/session.d.ts');
    expect(resolve('opentok/lib/sipInterconnect.js', 'cjs-require.ts')).to.equal('dist/lib/sipInterconnect.d.ts');
    expect(resolve('opentok/emulator', 'cjs-require.ts')).to.equal('dist/emulator/index.d.ts');
    expect(resolve('opentok', 'esm.mts')).to.match(/^dist\/.*\.d\.m?ts$/);
    expect(resolve('opentok/emulator', 'esm.mts')).to.equal('dist/emulator/index.d.ts');
  });

  it('compiles cjs-require.ts, esm.mts and the misuse files without any error (tsc -p test/types, skipLibCheck off)', function () {
    expect(strictRun.stdout + strictRun.stderr).to.equal('');
    expect(strictRun.code).to.equal(0);
  });

  it('compiles default-import.ts with esModuleInterop (tsc -p test/types/tsconfig.interop.json)', function () {
    expect(interopRun.stdout + interopRun.stderr).to.equal('');
    expect(interopRun.code).to.equal(0);
  });

  it('has no ES private member (`#private`) in any published declaration file', function () {
    // A consumer compiling for ES5 (TypeScript's default target) with skipLibCheck off gets TS18028
    // for every `#private;` in our .d.ts files: private state lives in module-level WeakMaps.
    const declarationFiles = [];
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.d\.m?ts$/.test(entry.name)) declarationFiles.push(full);
      }
    };
    walk(path.join(ROOT, 'dist'));
    expect(declarationFiles.length, 'declaration files under dist/').to.be.greaterThan(50);
    const withPrivate = declarationFiles.filter((file) => /#private\b/.test(fs.readFileSync(file, 'utf8')));
    expect(withPrivate.map((file) => path.relative(ROOT, file))).to.deep.equal([]);
  });

  describe('misuses really fail without their @ts-expect-error', function () {
    const files = {
      'misuse.ts': 62,
      'misuse-esm.mts': 2,
    };
    let diagnostics;

    before(function () {
      const fixtures = Object.keys(files).map((file) => path.join(TYPES_DIR, file));
      diagnostics = diagnosticsWithoutDirectives(fixtures, compilerOptions('tsconfig.json'), fixtures);
    });

    it('reports no error outside the fixtures (declarations, other files)', function () {
      const fixtures = Object.keys(files).map((file) => path.join(TYPES_DIR, file));
      expect(Object.keys(diagnostics).filter((file) => !fixtures.includes(file))).to.deep.equal([]);
    });

    for (const [file, count] of Object.entries(files)) {
      it(`${file}: each of its ${count} misuses, and nothing else, fails with the error code it names`, function () {
        const fullPath = path.join(TYPES_DIR, file);
        const expected = expectationsOf(fs.readFileSync(fullPath, 'utf8'));
        expect(expected.size, 'number of @ts-expect-error directives').to.equal(count);
        const { missing, unexpected, wrongCode } = compareWithDirectives(file, expected, diagnostics[fullPath] || {});
        expect(missing, 'misuses that compile (type gaps)').to.deep.equal([]);
        expect(unexpected, 'errors on lines without a directive').to.deep.equal([]);
        expect(wrongCode, 'misuses failing with another error code').to.deep.equal([]);
      });
    }
  });
});
