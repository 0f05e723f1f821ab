'use strict';
// Runs every code block of the seed documentation verbatim (extracted from the Markdown file, no
// hand copies) against the package, with nock answering, and checks it did what the text says.
// The seed documentation is test/fixtures/opentok-node-sdk.md: the OpenTok Node SDK page this
// project was created from, kept here as the project's own copy. Every snippet in it must work.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const nock = require('nock');
const sinon = require('sinon');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET, API_URL, PROJECT_PATH, SESSION_ID, normalizeHeaders, useNock } = require('./helpers');

const DOC_PATH = path.join(__dirname, 'fixtures', 'opentok-node-sdk.md');
const doc = fs.readFileSync(DOC_PATH, 'utf8');

/** Every fenced block as {lang, code}. */
function codeBlocks(markdown) {
  const blocks = [];
  const fence = /```(\w*)\n([\s\S]*?)```/g;
  let match;
  while ((match = fence.exec(markdown)) !== null) blocks.push({ lang: match[1], code: match[2] });
  return blocks;
}

const blocks = codeBlocks(doc);
const jsBlocks = blocks.filter((block) => block.lang === 'js');
const [initBlock, ...usageBlocks] = jsBlocks;

const ARCHIVE_ID = '5b1521e6-115f-4efd-bed9-e527b87f0699';
const CONNECTION_ID = 'ae6d2a1a-b2a1-4c2c-9b56-1c1e8ba2d7ac';
const TOKEN = 'T1==fake-client-token';
const SIP_URI = 'sip:user@sip.example.com';

function archiveJson(overrides = {}) {
  return {
    id: ARCHIVE_ID,
    status: 'started',
    name: 'Important Presentation',
    sessionId: SESSION_ID,
    projectId: Number(API_KEY),
    createdAt: 1395183243556,
    size: 0,
    duration: 0,
    outputMode: 'composed',
    hasAudio: true,
    hasVideo: true,
    url: null,
    ...overrides,
  };
}

/** A fresh sandbox that has run the doc's initialisation snippet, with the globals snippets use. */
function sandbox() {
  const logs = [];
  const saved = [];
  const done = function done() {};
  const context = vm.createContext({
    require: (name) => require(name),
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    sessionId: SESSION_ID,
    archiveId: ARCHIVE_ID,
    connectionId: CONNECTION_ID,
    token: TOKEN,
    sipUri: SIP_URI,
    options: { secure: true },
    done,
    db: { save: (...args) => saved.push(args) },
    console: { log: (...args) => logs.push(args) },
  });
  ranBlocks.add(initBlock);
  vm.runInContext(initBlock.code, context, { filename: 'seed-doc-init.js' });
  return { context, logs, saved, done };
}

/** The JavaScript blocks some test has run, so the suite can prove it ran every one of them. */
const ranBlocks = new Set();

function run(block, context) {
  ranBlocks.add(block);
  vm.runInContext(block.code, context, { filename: 'seed-doc-snippet.js' });
}

/** Resolves once `predicate()` holds (HTTP callbacks are asynchronous), failing after 2 s. */
async function until(predicate) {
  const deadline = Date.now() + 2000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the snippet to finish');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  // Let any duplicate callback show up before the assertions run.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

function findBlock(marker) {
  const found = usageBlocks.filter((block) => block.code.includes(marker));
  expect(found, `exactly one snippet containing ${marker}`).to.have.length(1);
  return found[0];
}

/** Intercepts one JSON POST and records its raw body text. */
function interceptJson(method, urlPath, status, reply, captured) {
  return nock(API_URL)
    .intercept(urlPath, method)
    .reply(function (uri, body) {
      captured.push({ headers: this.req.headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
      return [status, reply];
    });
}

describe('seed documentation snippets, run verbatim', () => {
  useNock();

  // When every test of this suite ran and passed (not under --grep, not after a failure), every
  // JavaScript block of the document must have been run: a block no test runs is a snippet whose
  // promise ("works verbatim") nothing checks.
  after(function () {
    const tests = this.test.parent.tests;
    if (!tests.every((test) => test.state === 'passed')) return;
    const unrun = jsBlocks.filter((block) => !ranBlocks.has(block)).map((block) => block.code.split('\n')[0]);
    expect(unrun, 'JavaScript blocks of the seed document that no test ran').to.deep.equal([]);
  });

  it('has the blocks this suite covers: one install command and twelve JavaScript snippets', () => {
    expect(blocks.map((block) => block.lang)).to.deep.equal(['sh', ...Array(12).fill('js')]);
    expect(blocks[0].code.trim()).to.equal('$ npm install opentok --save');
    expect(require('../package.json').name).to.equal('opentok');
    // Every JavaScript block is claimed by exactly one test below.
    const markers = [
      'opentok.createSession(function',
      'opentok.generateToken(sessionId)',
      "opentok.startArchive(sessionId, { name: 'Important Presentation' }",
      'hasVideo: false',
      "outputMode: 'individual'",
      'opentok.stopArchive(archiveId',
      'opentok.getArchive(archiveId',
      'opentok.deleteArchive(archiveId',
      'opentok.listArchives({offset:100, count:50}',
      'opentok.forceDisconnect(sessionId, connectionId',
      'opentok.dial(sessionId, token, sipUri, options',
    ];
    for (const marker of markers) findBlock(marker);
    expect(markers).to.have.length(usageBlocks.length);
  });

  it('Initializing: require gives the constructor and `new` builds a client for the key', () => {
    const { context } = sandbox();
    expect(context.OpenTok).to.equal(OpenTok);
    expect(context.opentok).to.be.instanceOf(OpenTok);
    expect(context.opentok.apiKey).to.equal(API_KEY);
  });

  it('Creating Sessions: four sessions with the documented media/archive modes and location', async () => {
    const { context, saved, done } = sandbox();
    const bodies = [];
    const expectedBodies = {
      'archiveMode=manual&p2p.preference=enabled': 'relayed-session',
      'archiveMode=manual&p2p.preference=disabled': 'routed-session',
      'location=12.34.56.78&archiveMode=manual&p2p.preference=enabled': 'located-session',
      'archiveMode=always&p2p.preference=disabled': 'archived-session',
    };
    nock(API_URL)
      .post('/session/create')
      .times(4)
      .reply(function (uri, body) {
        bodies.push(body);
        expect(normalizeHeaders(this.req.headers)['content-type']).to.equal('application/x-www-form-urlencoded');
        return [200, [{ session_id: expectedBodies[body] || 'unexpected', project_id: API_KEY }]];
      });
    run(findBlock('opentok.createSession(function'), context);
    await until(() => saved.length === 4);
    expect(bodies.sort()).to.deep.equal(Object.keys(expectedBodies).sort());
    // Each callback saved its own session's ID with the documented call.
    expect(saved.map((args) => args[1]).sort()).to.deep.equal(Object.values(expectedBodies).sort());
    for (const args of saved) {
      expect(args).to.have.length(3);
      expect(args[0]).to.equal('session');
      expect(args[2]).to.equal(done);
    }
  });

  it('Generating Tokens: from a session ID, from a Session, and with role, expiry, data and classes', () => {
    const { context } = sandbox();
    context.session = new OpenTok.Session(context.opentok, SESSION_ID);
    const spy = sinon.spy(OpenTok.prototype, 'generateToken');
    try {
      run(findBlock('opentok.generateToken(sessionId)'), context);
    } finally {
      spy.restore();
    }
    expect(spy.callCount).to.equal(3);
    const [fromId, fromSession, withOptions] = spy.returnValues.map((token) => jwt.verify(token, API_SECRET));
    for (const claims of [fromId, fromSession, withOptions]) {
      expect(claims.session_id).to.equal(SESSION_ID);
      expect(claims.iss).to.equal(API_KEY);
    }
    expect(fromId.role).to.equal('publisher');
    expect(fromSession.role).to.equal('publisher');
    expect(context.token).to.equal(spy.returnValues[2]);
    expect(withOptions.role).to.equal('moderator');
    expect(withOptions.connection_data).to.equal('name=Johnny');
    expect(withOptions.initial_layout_class_list).to.equal('focus');
    const oneWeek = Math.round(Date.now() / 1000) + 7 * 24 * 60 * 60;
    expect(Math.abs(withOptions.expire_time - oneWeek)).to.be.at.most(2);
    expect(withOptions.exp).to.equal(withOptions.expire_time);
  });

  const startCases = [
    ["opentok.startArchive(sessionId, { name: 'Important Presentation' }", { name: 'Important Presentation' }],
    ['hasVideo: false', { name: 'Important Presentation', hasVideo: false }],
    ["outputMode: 'individual'", { name: 'Important Presentation', outputMode: 'individual' }],
  ];
  for (const [marker, options] of startCases) {
    it(`Working with archives: startArchive with ${JSON.stringify(options)}`, async () => {
      const { context, logs } = sandbox();
      const captured = [];
      interceptJson('POST', `${PROJECT_PATH}/archive`, 200, archiveJson(options), captured);
      run(findBlock(marker), context);
      await until(() => logs.length === 1);
      expect(captured).to.have.length(1);
      expect(captured[0].body).to.equal(JSON.stringify({ sessionId: SESSION_ID, ...options }));
      expect(logs).to.deep.equal([['new archive:' + ARCHIVE_ID]]);
    });
  }

  /** An Archive instance, as the snippets' `archive` variable, fetched through the SDK. */
  async function fetchArchive(opentok) {
    nock(API_URL).get(`${PROJECT_PATH}/archive/${ARCHIVE_ID}`).reply(200, archiveJson());
    return new Promise((resolve, reject) => {
      opentok.getArchive(ARCHIVE_ID, (err, archive) => (err ? reject(err) : resolve(archive)));
    });
  }

  it('Working with archives: stopArchive and archive.stop each stop the archive', async () => {
    const { context, logs } = sandbox();
    context.archive = await fetchArchive(context.opentok);
    const captured = [];
    interceptJson('POST', `${PROJECT_PATH}/archive/${ARCHIVE_ID}/stop`, 200, archiveJson({ status: 'stopped' }), captured);
    interceptJson('POST', `${PROJECT_PATH}/archive/${ARCHIVE_ID}/stop`, 200, archiveJson({ status: 'stopped' }), captured);
    run(findBlock('opentok.stopArchive(archiveId'), context);
    await until(() => captured.length === 2 && logs.length === 1);
    expect(captured.map((request) => request.body)).to.deep.equal(['{}', '{}']);
    expect(logs).to.deep.equal([['Stopped archive:' + ARCHIVE_ID]]);
  });

  it('Working with archives: getArchive logs the Archive', async () => {
    const { context, logs } = sandbox();
    nock(API_URL).get(`${PROJECT_PATH}/archive/${ARCHIVE_ID}`).reply(200, archiveJson({ status: 'available', size: 8347554 }));
    run(findBlock('opentok.getArchive(archiveId'), context);
    await until(() => logs.length === 1);
    const [[archive]] = logs;
    expect(archive).to.include({ id: ARCHIVE_ID, status: 'available', size: 8347554 });
    expect(archive.stop).to.be.a('function');
    expect(archive.delete).to.be.a('function');
  });

  it('Working with archives: deleteArchive and archive.delete each delete the archive, silently', async () => {
    const { context, logs } = sandbox();
    context.archive = await fetchArchive(context.opentok);
    const scope = nock(API_URL).delete(`${PROJECT_PATH}/archive/${ARCHIVE_ID}`).times(2).reply(204);
    run(findBlock('opentok.deleteArchive(archiveId'), context);
    await until(() => scope.isDone());
    expect(logs).to.deep.equal([]);
  });

  it('Working with archives: listArchives pages with offset and count and logs the total and IDs', async () => {
    const { context, logs } = sandbox();
    const ids = ['a1', 'a2', 'a3'];
    nock(API_URL)
      .get(`${PROJECT_PATH}/archive?offset=100&count=50`)
      .reply(200, { count: 153, items: ids.map((id) => archiveJson({ id, status: 'available' })) });
    run(findBlock('opentok.listArchives({offset:100, count:50}'), context);
    await until(() => logs.length === 4);
    expect(logs).to.deep.equal([['153 archives'], ['a1'], ['a2'], ['a3']]);
  });

  it('Disconnecting participants: forceDisconnect deletes the connection, silently', async () => {
    const { context, logs } = sandbox();
    const scope = nock(API_URL).delete(`${PROJECT_PATH}/session/${SESSION_ID}/connection/${CONNECTION_ID}`).reply(204);
    run(findBlock('opentok.forceDisconnect(sessionId, connectionId'), context);
    await until(() => scope.isDone());
    expect(logs).to.deep.equal([]);
  });

  it('Working with SIP Interconnect: dial adds the SIP stream and logs its IDs, the session ID included', async () => {
    const { context, logs } = sandbox();
    const captured = [];
    // The service's reply as documented: no sessionId; the snippet prints the one it dialled into.
    const reply = { id: 'conf-1', connectionId: 'conn-1', streamId: 'stream-1' };
    interceptJson('POST', `${PROJECT_PATH}/dial`, 200, reply, captured);
    run(findBlock('opentok.dial(sessionId, token, sipUri, options'), context);
    await until(() => logs.length === 1);
    expect(captured[0].body).to.equal(
      JSON.stringify({ sessionId: SESSION_ID, token: TOKEN, sip: { uri: SIP_URI, secure: true } }),
    );
    expect(logs).to.deep.equal([['SIP audio stream Id: stream-1 added to session ID: ' + SESSION_ID]]);
  });
});
