'use strict';
// TypeScript written for `@types/opentok` 2.14.4 (DefinitelyTyped) against this package's built
// declarations (`npx tsc -p .` first, like every test):
// - test/types/dt-consumer.ts, a program as its users write it, compiles against `@types/opentok`
//   itself (proof that it is valid code for it), against this package with DefinitelyTyped's
//   compiler options (ES5 target, strictNullChecks off, skipLibCheck off) and under --strict;
// - test/types/dt-cross-check.ts loads both declarations in one program and checks every method
//   and every name of theirs against ours; each deliberate difference is a `@ts-expect-error`
//   line, and this file checks that exactly those lines fail, in each mode, with their codes;
// - the runtime facts behind the differences are checked on opentok 2.23.2 (installed as
//   `opentok-2`) and on this package, against the local emulator.
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const ts = require('typescript');
const OpenTok = require('opentok');
const OpenTok2 = require('opentok-2');
const { Emulator } = require('opentok/emulator');
const {
  ROOT,
  runTsc,
  expectationsOf,
  compilerOptions,
  diagnosticsWithoutDirectives,
  compareWithDirectives,
} = require('./support/typescript');

const TYPES_DIR = path.join(__dirname, 'types');
const THEIR_FILE = require.resolve('@types/opentok/index.d.ts');
const GENERATED_DIR = path.join(TYPES_DIR, 'generated');
const RENAMED_FILE = path.join(GENERATED_DIR, 'opentok-definitely-typed.d.ts');
const CONSUMER = path.join(TYPES_DIR, 'dt-consumer.ts');
const CROSS_CHECK = path.join(TYPES_DIR, 'dt-cross-check.ts');
/** Their methods the consumer cannot call: the options argument they declare is rejected at runtime. */
const NOT_CALLED = ['removeArchiveStream', 'removeBroadcastStream'];

/**
 * Writes their declarations as the module 'opentok-definitely-typed', so that a program can load
 * them beside ours. Their file declares the module 'opentok' exactly once.
 */
function writeRenamedDeclarations() {
  const text = fs.readFileSync(THEIR_FILE, 'utf8');
  const declaration = 'declare module "opentok" {';
  expect(text.split(declaration), `${THEIR_FILE} declares the module 'opentok' once`).to.have.length(2);
  fs.mkdirSync(GENERATED_DIR, { recursive: true });
  fs.writeFileSync(RENAMED_FILE, text.replace(declaration, 'declare module "opentok-definitely-typed" {'));
}

/** The names of their `OpenTok` namespace and the methods of their `OpenTok` class. */
function theirDeclarations() {
  const source = ts.createSourceFile(THEIR_FILE, fs.readFileSync(THEIR_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  const moduleBlock = source.statements.find(ts.isModuleDeclaration).body;
  const names = new Set();
  const methods = [];
  for (const statement of moduleBlock.statements) {
    if (ts.isModuleDeclaration(statement)) {
      for (const member of statement.body.statements) names.add(member.name.text);
    } else if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) if (ts.isMethodDeclaration(member)) methods.push(member.name.text);
    }
  }
  return { names: [...names], methods };
}

/** The files of a `tsc --listFiles` output, relative to the repository. */
function listedFiles(run) {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('/'))
    .map((file) => path.relative(ROOT, file));
}

/** Everything a `tsc --listFiles` run printed but the file list: its diagnostics. */
function diagnosticsOf(run) {
  return (run.stdout + run.stderr).split('\n').filter((line) => line !== '' && !line.startsWith('/'));
}

/** Calls `fn(callback)` and resolves with the callback's arguments. */
function callBack(fn) {
  return new Promise((resolve) => fn((...args) => resolve(args)));
}

describe('TypeScript written for @types/opentok 2.14.4 (test/types/dt-*.ts)', function () {
  this.timeout(30000);

  const their = theirDeclarations();
  let proofRun;
  let definitelyTypedRun;
  let strictRun;

  before(async function () {
    writeRenamedDeclarations();
    // Three independent projects at once: each spends most of its time checking @types/node.
    [proofRun, definitelyTypedRun, strictRun] = await Promise.all([
      runTsc(path.join(TYPES_DIR, 'tsconfig.dt-proof.json'), ['--listFiles']),
      runTsc(path.join(TYPES_DIR, 'tsconfig.dt.json'), ['--listFiles']),
      runTsc(path.join(TYPES_DIR, 'tsconfig.dt-strict.json'), ['--listFiles']),
    ]);
  });

  describe('the consumer program (dt-consumer.ts)', function () {
    it('uses every name of their OpenTok namespace and calls every method of their class but the two they mistype', function () {
      expect(their.names, 'their namespace').to.have.length(34);
      expect(their.methods, 'their class').to.have.length(24);
      const text = fs.readFileSync(CONSUMER, 'utf8');
      expect(their.names.filter((name) => !text.includes(`OpenTok.${name}`)), 'names not used').to.deep.equal([]);
      const called = their.methods.filter((method) => new RegExp(`\\.${method}\\(`).test(text));
      expect(their.methods.filter((method) => !called.includes(method)), 'methods not called').to.deep.equal(NOT_CALLED);
    });

    it('is valid code for @types/opentok: it compiles against their declarations with their options', function () {
      expect(diagnosticsOf(proofRun)).to.deep.equal([]);
      expect(proofRun.code).to.equal(0);
      const files = listedFiles(proofRun);
      expect(files, 'their declarations are in the program').to.include(path.relative(ROOT, THEIR_FILE));
      expect(files.filter((file) => file.startsWith('dist/')), 'none of ours').to.deep.equal([]);
    });

    it('compiles against this package with DefinitelyTyped\'s options (ES5 target, strictNullChecks off, skipLibCheck off)', function () {
      const options = compilerOptions(path.join(TYPES_DIR, 'tsconfig.dt.json'));
      // ES5 is what makes TypeScript reject an ES private member (`#private`) in a declaration file.
      expect(ts.getEmitScriptTarget(options), 'effective target').to.equal(ts.ScriptTarget.ES5);
      expect(options.strictNullChecks).to.equal(false);
      expect(options.skipLibCheck).to.equal(false);
      expect(diagnosticsOf(definitelyTypedRun)).to.deep.equal([]);
      expect(definitelyTypedRun.code).to.equal(0);
      const files = listedFiles(definitelyTypedRun);
      expect(files, 'our declarations are in the program').to.include('dist/index.d.ts');
      expect(files.filter((file) => file.includes('@types/opentok')), 'none of theirs').to.deep.equal([]);
    });

    it('compiles against this package under --strict', function () {
      const consumer = path.relative(ROOT, CONSUMER);
      expect(diagnosticsOf(strictRun).filter((line) => line.startsWith(consumer))).to.deep.equal([]);
      const files = listedFiles(strictRun);
      expect(files).to.include.members([consumer, 'dist/index.d.ts']);
      expect(files.filter((file) => file.includes('@types/opentok')), 'their declarations, but renamed').to.deep.equal([]);
    });
  });

  describe('the cross-check (dt-cross-check.ts)', function () {
    const expected = expectationsOf(fs.readFileSync(CROSS_CHECK, 'utf8'));
    let strictDiagnostics;
    let definitelyTypedDiagnostics;

    before(function () {
      // Directives disabled, declarations not checked again (the tsc runs check them).
      const roots = [CROSS_CHECK, RENAMED_FILE];
      strictDiagnostics = diagnosticsWithoutDirectives(
        roots,
        compilerOptions(path.join(TYPES_DIR, 'tsconfig.dt-strict.json'), { skipLibCheck: true }),
        [CROSS_CHECK],
      );
      definitelyTypedDiagnostics = diagnosticsWithoutDirectives(
        roots,
        compilerOptions(path.join(TYPES_DIR, 'tsconfig.dt.json'), { skipLibCheck: true }),
        [CROSS_CHECK],
      );
    });

    it('checks every name of their namespace', function () {
      const text = fs.readFileSync(CROSS_CHECK, 'utf8');
      expect(their.names.filter((name) => !text.includes(`Theirs.${name}`))).to.deep.equal([]);
    });

    it('compiles under --strict with its @ts-expect-error lines (none unused), and the whole program with it', function () {
      expect(diagnosticsOf(strictRun)).to.deep.equal([]);
      expect(strictRun.code).to.equal(0);
    });

    it('under --strict, fails on exactly its @ts-expect-error lines, with the codes they name', function () {
      expect(expected.size, 'departures').to.equal(27);
      expect(Object.keys(strictDiagnostics).filter((file) => file !== CROSS_CHECK), 'errors elsewhere').to.deep.equal([]);
      const { missing, unexpected, wrongCode } = compareWithDirectives('dt-cross-check.ts', expected, strictDiagnostics[CROSS_CHECK] || {});
      expect(missing, 'departures that compile').to.deep.equal([]);
      expect(unexpected, 'errors on lines without a directive').to.deep.equal([]);
      expect(wrongCode, 'departures failing with another error code').to.deep.equal([]);
    });

    it('with DefinitelyTyped\'s options, fails on exactly its @ts-expect-error lines not tagged (strict)', function () {
      expect([...expected.values()].filter(({ strictOnly }) => strictOnly), 'strict-only departures').to.have.length(3);
      expect(Object.keys(definitelyTypedDiagnostics).filter((file) => file !== CROSS_CHECK), 'errors elsewhere').to.deep.equal([]);
      const diagnostics = definitelyTypedDiagnostics[CROSS_CHECK] || {};
      const { missing, unexpected, wrongCode } = compareWithDirectives('dt-cross-check.ts', expected, diagnostics, { strict: false });
      expect(missing, 'departures that compile').to.deep.equal([]);
      expect(unexpected, 'errors on lines without a directive, or tagged (strict)').to.deep.equal([]);
      expect(wrongCode, 'departures failing with another error code').to.deep.equal([]);
    });
  });

  describe('the runtime behind the departures (opentok 2.23.2 and this package)', function () {
    for (const [label, Client] of [['opentok 2.23.2', OpenTok2], ['this package', OpenTok]]) {
      it(`${label}: removeArchiveStream and removeBroadcastStream throw an ArgumentError when an options argument comes before the callback`, function () {
        const client = new Client('123456', 'secret');
        for (const method of NOT_CALLED) {
          expect(() => client[method]('ID', 'STREAM_ID', { hasAudio: true }, () => undefined), method)
            .to.throw(Client.ArgumentError, `No callback given to ${method}`);
        }
      });
    }

    it('an archive\'s duration is a number, its url and name null until set; a stream has no streamId, hasAudio or hasVideo', async function () {
      const emulator = await Emulator.start({ archiveProcessingMs: 10 });
      try {
        const { apiKey, apiSecret } = emulator.project;
        const [sessionError, session] = await callBack((cb) =>
          new OpenTok(apiKey, apiSecret, { apiUrl: emulator.url }).createSession({ mediaMode: 'routed' }, cb));
        expect(sessionError).to.equal(null);
        const client = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
        const streamId = client.publish({ name: 'camera' });
        for (const ot of [new OpenTok2(apiKey, apiSecret, { apiUrl: emulator.url }), new OpenTok(apiKey, apiSecret, { apiUrl: emulator.url })]) {
          const [startError, started] = await callBack((cb) => ot.startArchive(session.sessionId, cb));
          expect(startError).to.equal(null);
          const [getError, archive] = await callBack((cb) => ot.getArchive(started.id, cb));
          expect(getError).to.equal(null);
          expect(archive.duration).to.be.a('number');
          expect(archive.url).to.equal(null);
          expect(archive.name).to.equal(null);
          expect(archive.reason).to.be.a('string');
          const [stopError] = await callBack((cb) => ot.stopArchive(started.id, cb));
          expect(stopError).to.equal(null);

          // listStreams: 2.23's getStream fails on every JSON reply (it parses the parsed body again).
          const [streamsError, streams] = await callBack((cb) => ot.listStreams(session.sessionId, cb));
          expect(streamsError).to.equal(null);
          expect(streams.map((stream) => stream.id)).to.deep.equal([streamId]);
          expect(Object.keys(streams[0])).to.include.members(['id', 'layoutClassList', 'name', 'videoType']);
          expect(streams[0]).to.not.have.any.keys('streamId', 'hasAudio', 'hasVideo');
        }
      } finally {
        await emulator.close();
      }
    });
  });
});
