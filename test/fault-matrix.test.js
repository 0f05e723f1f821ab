'use strict';
// Reliability under faults (timeouts, transport failures, malformed bodies, wrapped errors and
// pass-through callbacks): every asynchronous method of the client, called with valid arguments,
// against a local server that misbehaves in one way per fault (test/support/misbehaving-server.js).
// For every cell: exactly one callback, delivered asynchronously, with the error (or the success)
// the method documents (test/support/fault-matrix-cells.js); a request really sent. For the
// file: no uncaught exception, no unhandled rejection, no leaked socket or timer (active resources
// back to their baseline, and the whole matrix run in a child process that then exits by itself).
// A throwing user callback is called once and its exception surfaces as uncaught (the SDK neither
// re-invokes it with the thrown error nor swallows it). Without maxRetries every call is sent once;
// the faults run with `maxRetries: 2` check what is retried for which method (refused: all; reset:
// GET and DELETE only; 503: all; 503 twice then 200: every call succeeds), every attempt on the
// server, and the attempts in the error (" (3 attempts)", `err.attempts`).
const path = require('path');
const { spawn } = require('child_process');
const { expect } = require('chai');
const {
  METHODS,
  FAULTS,
  expectationLabel,
  runCell,
  runFault,
  startFaultServer,
  clientFor,
  checkCell,
  expectedRetriedRequests,
} = require('./support/fault-matrix-cells');

const CELLS_SCRIPT = path.join(__dirname, 'support', 'fault-matrix-cells.js');
const REPO_ROOT = path.join(__dirname, '..');

/** Counts of `process.getActiveResourcesInfo()` by type. */
function resourceCounts() {
  const counts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] || 0) + 1;
  return counts;
}

/** The types whose count is above `baseline`, with both counts. */
function resourcesAbove(baseline) {
  const now = resourceCounts();
  const excess = {};
  for (const [type, count] of Object.entries(now)) {
    if (count > (baseline[type] || 0)) excess[type] = { baseline: baseline[type] || 0, now: count };
  }
  return excess;
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Fault matrix: every async method × every fault', function () {
  this.timeout(20000);

  // Every uncaught exception / unhandled rejection while this file runs (outside the tests of a
  // throwing user callback, which take the process's listeners over for their duration).
  const problems = [];
  const onUncaught = (error) => problems.push({ event: 'uncaughtException', error });
  const onRejection = (reason) => problems.push({ event: 'unhandledRejection', error: reason });
  let baseline;

  // The matrix cells that ran here and the ones that failed, as `<fault id> × <method>`, to compare
  // with the same matrix run in a child process (without nock loaded there).
  const cellsRun = [];
  const cellsFailed = [];
  afterEach(function () {
    const test = this.currentTest;
    const fault = test.parent && FAULTS.find((candidate) => candidate.title === test.parent.title);
    if (!fault || !test.title.includes(' → ')) return;
    const cell = `${fault.id} × ${test.title.split(' → ')[0]}`;
    cellsRun.push(cell);
    if (test.state === 'failed') cellsFailed.push(cell);
  });

  before(async () => {
    // Taken after an await, when mocha's own timer of this hook runs, like in the final check.
    await null;
    baseline = resourceCounts();
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onRejection);
  });

  after(() => {
    process.removeListener('uncaughtException', onUncaught);
    process.removeListener('unhandledRejection', onRejection);
  });

  it(`covers ${METHODS.length} methods × ${FAULTS.length} faults = ${METHODS.length * FAULTS.length} cells`, () => {
    expect(METHODS.map((method) => method.name)).to.deep.equal([
      'createSession', 'startArchive', 'stopArchive', 'getArchive', 'deleteArchive', 'listArchives',
      'addArchiveStream', 'removeArchiveStream', 'setArchiveLayout', 'startBroadcast', 'stopBroadcast',
      'getBroadcast', 'listBroadcasts', 'setBroadcastLayout', 'addBroadcastStream', 'removeBroadcastStream',
      'dial', 'playDTMF', 'websocketConnect', 'getStream', 'listStreams', 'setStreamClassLists',
      'forceDisconnect', 'forceMuteStream', 'forceMuteAll', 'disableForceMute', 'signal', 'listRenders',
      'getRender', 'startRender', 'stopRender', 'startCaptions', 'stopCaptions', 'registerCallback',
      'unregisterCallback', 'listCallbacks',
    ]);
  });

  for (const fault of FAULTS) {
    describe(fault.title, () => {
      let run;

      before(async () => {
        run = await runFault(fault);
      });

      for (const method of METHODS) {
        it(`${method.name} → ${expectationLabel(fault, method)}`, () => {
          checkCell(run, method);
        });
      }

      if (fault.mode && fault.maxRetries) {
        it('the server received each attempt of each call, and no more', () => {
          const received = run.requests.map((request) => `${request.method} ${request.url}`).sort();
          expect(received).to.deep.equal(expectedRetriedRequests(fault));
        });
      } else if (fault.mode && !fault.redirect) {
        it('the server received exactly one request per call (no retries by default)', () => {
          const received = run.requests.map((request) => `${request.method} ${request.url}`).sort();
          const expected = METHODS.map((method) => `${method.http} ${method.path}`).sort();
          expect(received).to.deep.equal(expected);
        });
      }
      if (fault.redirect) {
        it('the redirect is followed a bounded number of times', () => {
          expect(run.requests.length).to.be.above(METHODS.length);
          expect(run.requests.length).to.be.at.most(METHODS.length * 25);
        });
      }
    });
  }

  describe('a user callback that throws is called once and its exception is uncaught', () => {
    let restore;

    /**
     * Takes over the process's uncaughtException listeners (mocha's and this file's) and collects
     * unhandled rejections, until `restore()`; resolves with the first uncaught exception.
     */
    function captureUncaught() {
      const saved = process.listeners('uncaughtException');
      process.removeAllListeners('uncaughtException');
      const uncaught = [];
      const rejections = [];
      const onRejectionHere = (reason) => rejections.push(reason);
      process.on('unhandledRejection', onRejectionHere);
      let resolveFirst;
      const first = new Promise((resolve) => {
        resolveFirst = resolve;
      });
      process.on('uncaughtException', (error) => {
        uncaught.push(error);
        resolveFirst(error);
      });
      restore = () => {
        process.removeAllListeners('uncaughtException');
        for (const listener of saved) process.on('uncaughtException', listener);
        process.removeListener('unhandledRejection', onRejectionHere);
        restore = undefined;
      };
      return { first, uncaught, rejections };
    }

    afterEach(() => {
      if (restore) restore();
    });

    const CASES = [
      { label: 'transport failure (connection refused): dial', faultId: 'refused', method: 'dial' },
      { label: 'transport failure (timeout): websocketConnect', faultId: 'hang', method: 'websocketConnect' },
      { label: 'HTTP error (HTML 500), pass-through: setStreamClassLists', faultId: 'html-500', method: 'setStreamClassLists' },
      { label: 'malformed 2xx body: listArchives', faultId: 'wrong-shape-array', method: 'listArchives' },
      { label: 'success: getRender', faultId: 'wrong-shape-object', method: 'getRender' },
      { label: 'success: forceMuteStream', faultId: 'wrong-shape-object', method: 'forceMuteStream' },
    ];

    for (const { label, faultId, method: methodName } of CASES) {
      it(label, async () => {
        const fault = FAULTS.find((candidate) => candidate.id === faultId);
        const method = METHODS.find((candidate) => candidate.name === methodName);
        const server = await startFaultServer(fault);
        try {
          const thrown = new Error(`thrown by the ${methodName} callback`);
          let firstArgs;
          const capture = captureUncaught();
          const cell = runCell((settled) =>
            method.call(clientFor(fault, server.base), (...args) => {
              firstArgs ??= args;
              settled(...args);
              throw thrown;
            }),
          );
          let giveUp;
          const noException = new Promise((resolve) => {
            giveUp = setTimeout(() => resolve('no uncaught exception within 3 s'), 3000);
          });
          const seen = await Promise.race([capture.first, noException]);
          clearTimeout(giveUp);
          const record = await cell;
          // Give a (wrong) redelivery or a second uncaught exception time to show up.
          await delay(100);
          restore();
          expect(seen).to.equal(thrown);
          expect(capture.uncaught, 'uncaught exceptions').to.deep.equal([thrown]);
          expect(record.calls, 'callback calls').to.equal(1);
          expect(record.sync, 'called synchronously').to.equal(false);
          expect(capture.rejections, 'unhandled rejections').to.deep.equal([]);
          // The callback got this fault's regular outcome, not its own exception.
          expect(firstArgs[0]).to.not.equal(thrown);
          checkCell({ fault, base: server.base, requests: server.requests, cells: new Map([[methodName, record]]) }, method);
        } finally {
          await server.close();
        }
      });
    }
  });

  describe('nothing is left behind', () => {
    it('no uncaught exception and no unhandled rejection happened in this file', () => {
      expect(problems.map(({ event, error }) => `${event}: ${error && error.stack}`)).to.deep.equal([]);
    });

    it('active sockets and timers return to their baseline once the servers are closed', async () => {
      await null; // (so mocha's timer of this test runs, as when the baseline was taken)
      let excess = resourcesAbove(baseline);
      for (let attempt = 0; attempt < 40 && Object.keys(excess).length > 0; attempt += 1) {
        await delay(50);
        excess = resourcesAbove(baseline);
      }
      expect(excess, 'resources above the baseline taken at the start of this file').to.deep.equal({});
    });

    it('the whole matrix in a child process: every cell calls back once, then the process exits on its own', async function () {
      this.timeout(30000);
      const script =
        `require(${JSON.stringify(CELLS_SCRIPT)}).runMatrix().then((summary) => {` +
        " process.stdout.write('MATRIX-DONE ' + JSON.stringify(summary) + '\\n'); })";
      const child = spawn(process.execPath, ['-e', script], {
        cwd: REPO_ROOT,
        env: { ...process.env, DEBUG: '' }, // no debug logging on stderr
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let doneAt;
      let killed = false;
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (doneAt === undefined && stdout.includes('MATRIX-DONE ')) doneAt = Date.now();
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const started = Date.now();
      const guard = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, 25000);
      const [code, signal] = await new Promise((resolve) => child.on('close', (...result) => resolve(result)));
      const exitedAt = Date.now();
      clearTimeout(guard);
      expect(killed, `child still running after 25 s; stdout: ${stdout} stderr: ${stderr}`).to.equal(false);
      expect(stderr, 'child stderr').to.equal('');
      expect([code, signal], 'child exit code and signal').to.deep.equal([0, null]);
      expect(doneAt, `child finished the matrix; stdout: ${stdout}`).to.be.a('number');
      const summary = JSON.parse(stdout.slice(stdout.indexOf('MATRIX-DONE ') + 'MATRIX-DONE '.length));
      const cells = METHODS.length * FAULTS.length;
      expect(summary.cells).to.equal(cells);
      expect(summary.calledBackOnce, 'cells whose callback was called exactly once').to.equal(cells);
      expect(exitedAt - doneAt, 'ms from the end of the matrix to the exit of the child').to.be.below(2000);
      expect(exitedAt - started, 'ms for the whole child').to.be.below(20000);
      // The same checks as in-process (where nock is loaded): the same cells must fail.
      if (cellsRun.length === cells) {
        const childFailed = summary.failures.map((failure) => failure.slice(0, failure.indexOf(':')));
        expect(childFailed, `cells failing in the child: ${summary.failures.join('\n')}`).to.deep.equal(cellsFailed);
      }
    });

  });

});
