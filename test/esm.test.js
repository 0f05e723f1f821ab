'use strict';
// The ES module entry (dist/esm/index.mjs) and the deep paths imported from ESM: same constructor,
// same classes, same instances as `require` (no dual-package hazard). Each fixture of
// test/fixtures/esm runs in its own `node` process and prints its findings as JSON.
const { execFile } = require('child_process');
const path = require('path');
const { expect } = require('chai');
const { ERROR_CLASS_NAMES } = require('./helpers');

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(__dirname, 'fixtures', 'esm');

function runFixture(name) {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(FIXTURES, name)], { cwd: ROOT, timeout: 15000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

describe('ES module entry (import from opentok)', function () {
  this.timeout(20000);

  describe('interop.mjs: import and require give the same objects', function () {
    let result;

    before(async function () {
      const run = await runFixture('interop.mjs');
      expect(run.stderr, 'stderr').to.equal('');
      expect(run.code, 'exit code').to.equal(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines).to.have.length(1);
      result = JSON.parse(lines[0]);
    });

    it('default import is the constructor require("opentok") returns', function () {
      expect(result.defaultIsCjsExport).to.equal(true);
      expect(result.namespaceDefaultIsCjsExport).to.equal(true);
      expect(result.typeofDefault).to.equal('function');
      expect(result.defaultName).to.equal('OpenTok');
    });

    it('exports the ten error classes by name, identical to the constructor statics', function () {
      expect(result.namedExports).to.include.members(ERROR_CLASS_NAMES);
      for (const name of ERROR_CLASS_NAMES) expect(result.sameAsCjs[name], name).to.equal(true);
      expect(result.namedErrorsAreStatics).to.equal(true);
    });

    it('every named export is the static of the same name on the CommonJS constructor', function () {
      const notSame = Object.keys(result.sameAsCjs).filter((name) => result.sameAsCjs[name] !== true);
      expect(notSame).to.deep.equal([]);
    });

    it('exports every static of the CommonJS constructor by name (nothing the CJS typings promise is missing)', function () {
      expect(result.namedExports).to.deep.equal(result.cjsStatics);
    });

    it('deep paths imported from ESM are the CommonJS constructors (opentok/lib/*.js, opentok/emulator)', function () {
      expect(result.legacyOpenTokIsCjsExport).to.equal(true);
      expect(result.legacySessionIsCjs).to.equal(true);
      expect(result.legacySipInterconnectIsCjs).to.equal(true);
      expect(result.emulatorIsCjs).to.equal(true);
    });

    it('the default import is callable without new; instanceof holds across both module systems', function () {
      expect(result.withoutNew).to.deep.equal({
        instanceOfEsm: true,
        instanceOfCjs: true,
        apiKey: '123456',
        constructorIsDefault: true,
      });
      expect(result.withNew).to.deep.equal({ instanceOfCjs: true, apiKey: '123456' });
      expect(result.cjsClientInstanceOfEsm).to.equal(true);
    });

    it('error classes: instanceof works across both module systems', function () {
      expect(result.esmErrorInstanceOf).to.deep.equal({
        cjsAuthError: true,
        error: true,
        notFound: false,
        name: 'AuthError',
        message: 'Invalid API key or secret',
      });
      expect(result.cjsErrorInstanceOfNamedExport).to.equal(true);
    });

    it('objects and errors the SDK produces through the ESM entry are instances of the CommonJS classes', function () {
      expect(result.session).to.deep.equal({
        instanceOfLegacyEsm: true,
        instanceOfCjs: true,
        otIsClient: true,
        tokenIsString: true,
      });
      // getArchive: 404 → NotFoundError('Archive not found') (not ArchiveError); falsy id → ArgumentError.
      expect(result.notFound).to.deep.equal({
        instanceOfNamed: true,
        instanceOfCjs: true,
        name: 'NotFoundError',
        statusCode: 404,
        message: 'Archive not found',
      });
      expect(result.badArgument).to.deep.equal({
        instanceOfNamed: true,
        instanceOfCjs: true,
        message: 'No archive ID given',
      });
    });
  });

  it('missing-export.mjs: a name the entry does not export fails to link (static ESM exports)', async function () {
    const run = await runFixture('missing-export.mjs');
    expect(run.code).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.include("SyntaxError: The requested module 'opentok' does not provide an export named 'createSession'");
  });
});
