'use strict';
// The event callbacks the emulator POSTs, received by a real local server: every kind carries
// exactly the fields the service sends for it (session, connection, stream and SIP call
// monitoring, archive, broadcast, Experience Composer and live captions status), parses with
// opentok/webhooks into its typed event, and is signed when the emulator has a signature secret
// (Emulator.start({ signatureSecret }) or the CLI's --signature-secret).
const crypto = require('crypto');
const { expect } = require('chai');
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');
const { parseEvent, verifyCallback, CallbackSignatureError } = require('opentok/webhooks');
const { cliRunner, request, startReceiver, waitFor } = require('./support');

const SECRET = 'callback-signature-secret';
const SIP_URI = 'sip:alice@sip.example.com';

/** Every group and event an application can register, as the receiver's path `/<group>/<event>`. */
const REGISTRATIONS = [
  ['session', 'created'],
  ['session', 'destroyed'],
  ['connection', 'created'],
  ['connection', 'destroyed'],
  ['stream', 'created'],
  ['stream', 'destroyed'],
  ['call', 'created'],
  ['call', 'updated'],
  ['call', 'destroyed'],
  ['call', 'muteForced'],
  ['archive', 'status'],
  ['broadcast', 'status'],
  ['render', 'status'],
  ['captions', 'status'],
];

// The fields of each kind.
const MONITORING = ['sessionId', 'projectId', 'event', 'timestamp'];
const CONNECTION = ['id', 'createdAt', 'data'];
const STREAM = ['id', 'connection', 'createdAt', 'name', 'videoType'];
const CALL = ['id', 'connectionId', 'createdAt'];
const ARCHIVE = ['id', 'status', 'name', 'reason', 'sessionId', 'projectId', 'createdAt', 'size', 'duration', 'outputMode', 'hasAudio', 'hasVideo', 'updatedAt'];
/** The archive's REST fields beyond those every archive status callback has (sent too). */
const ARCHIVE_REST_ONLY = ['applicationId', 'resolution', 'streamMode', 'streams', 'url'];
const BROADCAST = ['id', 'sessionId', 'projectId', 'createdAt', 'updatedAt', 'resolution', 'broadcastUrls', 'maxDuration', 'streamMode', 'streams', 'status', 'event'];
const RENDER = ['id', 'sessionId', 'streamId', 'status', 'reason'];
const CAPTIONS = ['captionId', 'projectId', 'sessionId', 'status', 'createdAt', 'updatedAt', 'duration', 'languageCode', 'provider', 'group'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sha256(data) {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Registers every group and event of REGISTRATIONS to `receiver`. */
async function registerAll(opentok, receiver) {
  for (const [group, event] of REGISTRATIONS) {
    const callback = await opentok.promises.registerCallback({ group, event, url: receiver.url(`/${group}/${event}`) });
    expect(callback).to.include({ group, event });
  }
}

/**
 * Checks the signature of one received callback: its Authorization is `Bearer <JWT>`, an HS256 JWT
 * that verifyCallback accepts with the secret and the raw body, with exactly `iat`, `exp` (`iat` +
 * 300), a UUID `jti` and the body's SHA-256 as `payload_hash`; a wrong secret and a changed body
 * are refused.
 */
function expectSigned(record, secret = SECRET) {
  const { authorization } = record.headers;
  expect(authorization, `Authorization of ${record.url}`).to.match(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  const [header] = authorization.slice('Bearer '.length).split('.');
  expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).to.deep.equal({ alg: 'HS256', typ: 'JWT' });
  const claims = verifyCallback({ authorization, secret, body: record.raw });
  expect(Object.keys(claims)).to.have.members(['iat', 'exp', 'jti', 'payload_hash']);
  expect(claims.exp).to.equal(claims.iat + 300);
  expect(Math.abs(claims.iat - Date.now() / 1000)).to.be.below(60);
  expect(claims.jti).to.match(UUID);
  expect(claims.payload_hash).to.equal(sha256(record.raw));
  expect(() => verifyCallback({ authorization, secret: `${secret}-wrong`, body: record.raw })).to.throw(
    CallbackSignatureError,
    'the JWT is not signed with the signature secret',
  );
  const changed = Buffer.concat([record.raw, Buffer.from(' ')]);
  expect(() => verifyCallback({ authorization, secret, body: changed })).to.throw(CallbackSignatureError, 'payload_hash does not match the body');
  return claims;
}

/** The keys of `object`, checked to be exactly `keys` (in any order). */
function expectKeys(object, keys, what) {
  expect(Object.keys(object), what).to.have.members(keys);
}

/**
 * Checks that a callback parses into the typed event `type` (from its JSON and from its raw bytes)
 * and returns the event.
 */
function expectParsed(record, type) {
  const event = parseEvent(record.body);
  expect(event.type, `${record.url}: ${event.problem}`).to.equal(type);
  expect(parseEvent(record.raw).type).to.equal(type);
  expect(event.payload).to.deep.equal(record.body);
  return event;
}

describe('emulator: event callbacks', function () {
  let emulator;
  let opentok;
  let receiver;
  let apiKey;
  /** Every callback received and checked so far. */
  let checked;

  before(async () => {
    emulator = await Emulator.start({ archiveProcessingMs: 20, signatureSecret: SECRET });
    apiKey = emulator.project.apiKey;
    opentok = new OpenTok(apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
    receiver = await startReceiver();
    await registerAll(opentok, receiver);
    checked = 0;
  });

  after(async () => {
    if (emulator) {
      await emulator.events.settled();
      await emulator.close();
    }
    if (receiver) await receiver.close();
  });

  afterEach(async () => {
    // Nothing is left unchecked: every POST the emulator made was received, answered and checked.
    expect(await take()).to.deep.equal([]);
    const failed = emulator.events.delivered.filter((delivery) => delivery.status !== 200);
    expect(failed).to.deep.equal([]);
    expect(checked).to.equal(emulator.events.delivered.length);
  });

  /**
   * Waits for the deliveries in flight and returns (and forgets) what the receiver got, each POST
   * checked to be JSON and signed.
   */
  async function take() {
    await emulator.events.settled();
    const records = receiver.received.splice(0);
    for (const record of records) {
      expect(record.method).to.equal('POST');
      expect(record.headers['content-type']).to.equal('application/json');
      expectSigned(record);
      checked += 1;
    }
    return records;
  }

  /** What the receiver got, which must be one POST to each of `urls` (in any order), by URL. */
  async function takeExactly(urls) {
    const records = await take();
    expect(records.map((record) => record.url)).to.have.members(urls);
    return records;
  }

  function one(records, url) {
    const matching = records.filter((record) => record.url === url);
    expect(matching, url).to.have.length(1);
    return matching[0];
  }

  async function routedSession() {
    return opentok.promises.createSession({ mediaMode: 'routed' });
  }

  /** Checks a session-monitoring event about a connection. */
  function expectConnectionEvent(record, type, client, extraKeys = []) {
    expectKeys(record.body, [...MONITORING, 'connection', ...extraKeys], type);
    expectKeys(record.body.connection, CONNECTION, `${type}.connection`);
    expect(record.body).to.include({ sessionId: client.sessionId, projectId: apiKey, event: type });
    expect(record.body.connection).to.include({ id: client.connectionId, data: client.data });
    return expectParsed(record, type);
  }

  it('sessionCreated comes with the first connection, sessionDestroyed after the last one leaves', async () => {
    const session = await routedSession();
    const { sessionId } = session;
    const first = emulator.connectClient({ token: session.generateToken({ data: 'alice' }), sessionId });
    let records = await takeExactly(['/session/created', '/connection/created']);
    const created = one(records, '/session/created');
    expectKeys(created.body, MONITORING, 'sessionCreated');
    expect(created.body).to.include({ sessionId, projectId: apiKey, event: 'sessionCreated' });
    expect(created.body.timestamp).to.be.a('number');
    expect(expectParsed(created, 'sessionCreated')).to.include({ sessionId, projectId: apiKey });
    const connected = expectConnectionEvent(one(records, '/connection/created'), 'connectionCreated', first);
    expect(connected.connection.createdAt).to.be.a('number');

    // A second connection is no new session; the first leaving does not end it.
    const second = emulator.connectClient({ token: session.generateToken({ data: 'bob' }), sessionId });
    expectConnectionEvent(one(await takeExactly(['/connection/created']), '/connection/created'), 'connectionCreated', second);
    first.disconnect();
    records = await takeExactly(['/connection/destroyed']);
    const left = expectConnectionEvent(records[0], 'connectionDestroyed', first, ['reason']);
    expect(left.reason).to.equal('clientDisconnected');

    await opentok.promises.forceDisconnect(sessionId, second.connectionId);
    records = await takeExactly(['/connection/destroyed', '/session/destroyed']);
    expect(one(records, '/connection/destroyed').body.reason).to.equal('forceDisconnected');
    const destroyed = one(records, '/session/destroyed');
    expectKeys(destroyed.body, MONITORING, 'sessionDestroyed');
    expect(destroyed.body).to.include({ sessionId, projectId: apiKey, event: 'sessionDestroyed' });
    expect(destroyed.body.timestamp).to.be.at.least(created.body.timestamp);
    expectParsed(destroyed, 'sessionDestroyed');

    // A connection after that starts the session again.
    emulator.connectClient({ token: session.generateToken(), sessionId }).disconnect();
    await takeExactly(['/session/created', '/connection/created', '/connection/destroyed', '/session/destroyed']);
  });

  it('streamCreated and streamDestroyed carry the stream with its connection, name and video type', async () => {
    const session = await routedSession();
    const client = emulator.connectClient({ token: session.generateToken({ data: 'carol', initialLayoutClassList: ['focus'] }) });
    await takeExactly(['/session/created', '/connection/created']);
    const streamId = client.publish({ name: 'carol-screen', videoType: 'screen' });
    const [created] = await takeExactly(['/stream/created']);
    expectKeys(created.body, [...MONITORING, 'stream'], 'streamCreated');
    expectKeys(created.body.stream, STREAM, 'streamCreated.stream');
    expectKeys(created.body.stream.connection, CONNECTION, 'streamCreated.stream.connection');
    expect(created.body).to.include({ sessionId: session.sessionId, projectId: apiKey, event: 'streamCreated' });
    expect(created.body.stream).to.include({ id: streamId, name: 'carol-screen', videoType: 'screen' });
    expect(created.body.stream.connection).to.include({ id: client.connectionId, data: 'carol' });
    expect(expectParsed(created, 'streamCreated').stream.id).to.equal(streamId);

    client.unpublish(streamId);
    const [destroyed] = await takeExactly(['/stream/destroyed']);
    expectKeys(destroyed.body, [...MONITORING, 'reason', 'stream'], 'streamDestroyed');
    expectKeys(destroyed.body.stream, STREAM, 'streamDestroyed.stream');
    expect(destroyed.body.reason).to.equal('clientDisconnected');
    expect(expectParsed(destroyed, 'streamDestroyed').stream).to.deep.equal(created.body.stream);

    client.disconnect();
    await takeExactly(['/connection/destroyed', '/session/destroyed']);
  });

  describe('SIP call monitoring', () => {
    /** Checks a SIP call event about `sip` (dial's answer) and returns the parsed event. */
    function expectCallEvent(record, type, sessionId, sip, extraKeys = []) {
      expectKeys(record.body, [...MONITORING, 'call', ...extraKeys], type);
      expectKeys(record.body.call, CALL, `${type}.call`);
      expect(record.body).to.include({ sessionId, projectId: apiKey, event: type });
      expect(record.body.timestamp).to.be.a('number');
      expect(record.body.call).to.include({ id: sip.id, connectionId: sip.connectionId });
      expect(record.body.call.createdAt).to.be.a('number');
      const event = expectParsed(record, type);
      expect(event.call).to.deep.include({ id: sip.id, connectionId: sip.connectionId });
      return event;
    }

    it('dial: callCreated, then callUpdated answered, with the call dial returned', async () => {
      const session = await routedSession();
      const { sessionId } = session;
      const sip = await opentok.promises.dial(sessionId, session.generateToken(), SIP_URI, { from: '15551234567' });
      const records = await takeExactly(['/session/created', '/connection/created', '/call/created', '/call/updated', '/stream/created']);
      const created = expectCallEvent(one(records, '/call/created'), 'callCreated', sessionId, sip);
      const updated = expectCallEvent(one(records, '/call/updated'), 'callUpdated', sessionId, sip, ['state']);
      expect(updated.state).to.equal('answered');
      expect(updated.call).to.deep.equal(created.call);
      // The call is the SIP connection, created when it was dialled.
      const connection = one(records, '/connection/created').body.connection;
      expect(connection.id).to.equal(sip.connectionId);
      expect(created.call.createdAt).to.equal(connection.createdAt);
      expect(one(records, '/stream/created').body.stream).to.include({ id: sip.streamId, name: '15551234567' });

      // The app hangs up: the stream, the connection and the call end (200 OK), then the session.
      await opentok.promises.forceDisconnect(sessionId, sip.connectionId);
      const ended = await takeExactly(['/stream/destroyed', '/connection/destroyed', '/call/destroyed', '/session/destroyed']);
      const destroyed = expectCallEvent(one(ended, '/call/destroyed'), 'callDestroyed', sessionId, sip, ['reason_code', 'reason_message']);
      expect(destroyed.payload).to.include({ reason_code: 200, reason_message: 'OK' });
      expect(destroyed).to.include({ reasonCode: 200, reasonMessage: 'OK' });
      expect(destroyed.call).to.deep.equal(created.call);
      expect(one(ended, '/connection/destroyed').body.reason).to.equal('forceDisconnected');
    });

    it('muteForced when forceMuteStream or forceMuteAll mutes the call, and for a call dialled into a muted session', async () => {
      const session = await routedSession();
      const { sessionId } = session;
      const client = emulator.connectClient({ token: session.generateToken(), sessionId });
      const cameraId = client.publish();
      const sip = await opentok.promises.dial(sessionId, session.generateToken(), SIP_URI);
      await take();

      // Muting another stream says nothing about the call.
      await opentok.promises.forceMuteStream(sessionId, cameraId);
      await takeExactly([]);
      await opentok.promises.forceMuteStream(sessionId, sip.streamId);
      let [muted] = await takeExactly(['/call/muteForced']);
      expectCallEvent(muted, 'muteForced', sessionId, sip);

      // Mute-all excluding the call leaves it alone; without exclusions it mutes it.
      await opentok.promises.forceMuteAll(sessionId, { excludedStreamIds: [sip.streamId] });
      await takeExactly([]);
      await opentok.promises.forceMuteAll(sessionId, {});
      [muted] = await takeExactly(['/call/muteForced']);
      expectCallEvent(muted, 'muteForced', sessionId, sip);

      // A call joining while everyone is muted is muted too.
      const late = await opentok.promises.dial(sessionId, session.generateToken(), SIP_URI);
      const records = await takeExactly(['/connection/created', '/call/created', '/call/updated', '/stream/created', '/call/muteForced']);
      expectCallEvent(one(records, '/call/muteForced'), 'muteForced', sessionId, late);
      expect(emulator.projects.get(apiKey).sessions.get(sessionId).streams.get(late.streamId).muted).to.equal(true);

      // After disableForceMute, a new call is not muted.
      await opentok.promises.disableForceMute(sessionId);
      const third = await opentok.promises.dial(sessionId, session.generateToken(), SIP_URI);
      await takeExactly(['/connection/created', '/call/created', '/call/updated', '/stream/created']);

      for (const connectionId of [sip.connectionId, late.connectionId, third.connectionId]) {
        await opentok.promises.forceDisconnect(sessionId, connectionId);
      }
      const hungUp = (await take()).filter((record) => record.url === '/call/destroyed');
      expect(hungUp.map((record) => record.body.call.id)).to.have.members([sip.id, late.id, third.id]);
      client.disconnect();
      await takeExactly(['/stream/destroyed', '/connection/destroyed', '/session/destroyed']);
    });

    it('no call events for another server-side connection (audio connector)', async () => {
      const session = await routedSession();
      const { sessionId } = session;
      const socket = await opentok.promises.websocketConnect(sessionId, session.generateToken(), 'wss://example.com/audio');
      await takeExactly(['/session/created', '/connection/created']);
      await opentok.promises.forceDisconnect(sessionId, socket.connectionId);
      await takeExactly(['/connection/destroyed', '/session/destroyed']);
    });
  });

  it('archive status: the REST archive with projectId and updatedAt, no event; sha256sum of the file once available', async () => {
    const session = await routedSession();
    const { sessionId } = session;
    const client = emulator.connectClient({ token: session.generateToken(), sessionId });
    await take();
    const archive = await opentok.promises.startArchive(sessionId, { name: 'callback test' });
    const [started] = await takeExactly(['/archive/status']);
    await opentok.promises.stopArchive(archive.id);
    const [stopped] = await takeExactly(['/archive/status']);
    await waitFor(() => receiver.received.length > 0);
    const [available] = await takeExactly(['/archive/status']);

    const statuses = [started, stopped, available];
    expect(statuses.map((record) => record.body.status)).to.deep.equal(['started', 'stopped', 'available']);
    expectKeys(started.body, [...ARCHIVE, ...ARCHIVE_REST_ONLY], 'archive started');
    expectKeys(stopped.body, [...ARCHIVE, ...ARCHIVE_REST_ONLY], 'archive stopped');
    expectKeys(available.body, [...ARCHIVE, ...ARCHIVE_REST_ONLY, 'sha256sum'], 'archive available');
    for (const record of statuses) {
      expect(record.body).to.include({ id: archive.id, sessionId, projectId: apiKey, applicationId: apiKey, name: 'callback test', outputMode: 'composed' });
      expect(record.body.updatedAt).to.be.at.least(record.body.createdAt);
      const event = expectParsed(record, 'archiveStatus');
      expect(event).to.include({ id: archive.id, projectId: apiKey, status: record.body.status });
      expect(event.event).to.equal(undefined);
    }
    expect(stopped.body.updatedAt).to.be.at.least(started.body.updatedAt);
    expect(available.body.updatedAt).to.be.at.least(stopped.body.updatedAt);
    expect(stopped.body.reason).to.equal('user initiated');

    // The checksum is the one of the file served at the archive's URL.
    const download = await fetch(available.body.url);
    expect(download.status).to.equal(200);
    const file = Buffer.from(await download.arrayBuffer());
    expect(file.length).to.equal(available.body.size);
    expect(available.body.sha256sum).to.equal(sha256(file));

    // The REST archive (and the SDK's Archive) keeps its fields: no updatedAt or sha256sum.
    const rest = await request(emulator.url, {
      path: `/v2/project/${apiKey}/archive/${archive.id}`,
      headers: { 'X-OPENTOK-AUTH': restToken() },
    });
    expect(rest.status).to.equal(200);
    expectKeys(rest.json, [...ARCHIVE.filter((key) => key !== 'updatedAt'), ...ARCHIVE_REST_ONLY], 'REST archive');
    const { updatedAt, sha256sum, ...fields } = available.body;
    expect(typeof updatedAt).to.equal('number');
    expect(typeof sha256sum).to.equal('string');
    expect(rest.json).to.deep.equal(fields);
    const model = await opentok.promises.getArchive(archive.id);
    expect(model).to.not.have.any.keys('updatedAt', 'sha256sum');

    client.disconnect();
    await takeExactly(['/connection/destroyed', '/session/destroyed']);
  });

  it('broadcast status: the broadcast JSON with event broadcast', async () => {
    const session = await routedSession();
    const { sessionId } = session;
    const client = emulator.connectClient({ token: session.generateToken(), sessionId });
    await take();
    const broadcast = await opentok.promises.startBroadcast(sessionId, { outputs: { hls: {} } });
    const [started] = await takeExactly(['/broadcast/status']);
    await opentok.promises.stopBroadcast(broadcast.id);
    const [stopped] = await takeExactly(['/broadcast/status']);
    for (const [record, status] of [[started, 'started'], [stopped, 'stopped']]) {
      expectKeys(record.body, BROADCAST, `broadcast ${status}`);
      expect(record.body).to.include({ id: broadcast.id, sessionId, projectId: apiKey, status, event: 'broadcast' });
      expect(expectParsed(record, 'broadcastStatus')).to.include({ id: broadcast.id, status });
    }
    client.disconnect();
    await takeExactly(['/connection/destroyed', '/session/destroyed']);
  });

  it('Experience Composer status: id, sessionId, streamId, status and reason, to the render callbacks or the statusCallbackUrl', async () => {
    const session = await routedSession();
    const { sessionId } = session;
    const render = await opentok.promises.startRender({ sessionId, token: session.generateToken(), url: 'https://example.com/page' });
    let records = await takeExactly(['/session/created', '/connection/created', '/render/status']);
    const started = one(records, '/render/status');
    expectKeys(started.body, RENDER, 'render started');
    expect(started.body).to.deep.equal({ id: render.id, sessionId, streamId: render.streamId, status: 'started', reason: '' });
    expect(expectParsed(started, 'renderStatus')).to.include({ id: render.id, status: 'started', streamId: render.streamId });

    await opentok.promises.stopRender(render.id);
    records = await takeExactly(['/connection/destroyed', '/session/destroyed', '/render/status']);
    const stopped = one(records, '/render/status');
    expectKeys(stopped.body, RENDER, 'render stopped');
    expect(stopped.body).to.deep.equal({ id: render.id, sessionId, streamId: render.streamId, status: 'stopped', reason: 'Stop Requested' });
    expect(expectParsed(stopped, 'renderStatus')).to.include({ status: 'stopped', reason: 'Stop Requested' });

    const own = await opentok.promises.startRender({
      sessionId,
      token: session.generateToken(),
      url: 'https://example.com/page',
      statusCallbackUrl: receiver.url('/own-url'),
    });
    await opentok.promises.stopRender(own.id);
    records = (await take()).filter((record) => record.url === '/own-url');
    expect(records.map((record) => record.body)).to.deep.equal([
      { id: own.id, sessionId, streamId: own.streamId, status: 'started', reason: '' },
      { id: own.id, sessionId, streamId: own.streamId, status: 'stopped', reason: 'Stop Requested' },
    ]);
    for (const record of records) expectParsed(record, 'renderStatus');
  });

  it('live captions status', async () => {
    const session = await routedSession();
    const { sessionId } = session;
    const captionsId = await opentok.promises.startCaptions(sessionId, session.generateToken());
    const [started] = await takeExactly(['/captions/status']);
    await opentok.promises.stopCaptions(captionsId);
    const [stopped] = await takeExactly(['/captions/status']);
    for (const [record, status] of [[started, 'Started'], [stopped, 'Stopped']]) {
      expectKeys(record.body, CAPTIONS, `captions ${status}`);
      expect(record.body).to.include({ captionId: captionsId, sessionId, projectId: apiKey, status, group: 'captions' });
      expect(expectParsed(record, 'captionsStatus')).to.include({ captionsId, status });
    }
  });

  /** A REST JWT for the emulator's project. */
  function restToken() {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = { iss: apiKey, ist: 'project', iat: now, exp: now + 300, jti: crypto.randomUUID() };
    const signed = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    return `${signed}.${crypto.createHmac('sha256', emulator.project.apiSecret).update(signed).digest('base64url')}`;
  }
});

describe('emulator: unsigned event callbacks', function () {
  it('without a signature secret, callbacks have no Authorization header', async () => {
    const emulator = await Emulator.start();
    const receiver = await startReceiver();
    try {
      const opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
      await registerAll(opentok, receiver);
      const session = await opentok.promises.createSession({ mediaMode: 'routed' });
      const sip = await opentok.promises.dial(session.sessionId, session.generateToken(), SIP_URI);
      await opentok.promises.forceDisconnect(session.sessionId, sip.connectionId);
      await emulator.events.settled();
      expect(receiver.received.map((record) => record.url)).to.have.members([
        '/session/created',
        '/connection/created',
        '/call/created',
        '/call/updated',
        '/stream/created',
        '/stream/destroyed',
        '/connection/destroyed',
        '/call/destroyed',
        '/session/destroyed',
      ]);
      for (const record of receiver.received) {
        expect(record.headers).to.not.have.property('authorization');
        expect(parseEvent(record.raw).type).to.not.equal('unknown');
      }
    } finally {
      await emulator.close();
      await receiver.close();
    }
  });

  it('refuses a signature secret that is not a non-empty string', async () => {
    for (const signatureSecret of ['', 42, ['a']]) {
      let error;
      try {
        const emulator = await Emulator.start({ signatureSecret });
        await emulator.close();
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(signatureSecret)).to.be.instanceOf(TypeError);
      expect(error.message).to.equal('signatureSecret must be a non-empty string');
    }
  });
});

describe('emulator CLI: --signature-secret', function () {
  const { startCli, runCli, killAll } = cliRunner();

  afterEach(killAll);

  for (const [label, args] of [
    ['--signature-secret S', ['--signature-secret', 'cli-secret']],
    ['--signature-secret=S', ['--signature-secret=cli-secret']],
  ]) {
    it(`${label} signs the callbacks of the emulator it runs`, async () => {
      const receiver = await startReceiver();
      try {
        const { child, stdout, exited } = await startCli(['--port', '0', ...args]);
        expect(stdout).to.contain('Event callbacks are signed with the signature secret given\n');
        expect(stdout).to.not.contain('cli-secret');
        const apiKey = /API_KEY=(\S+)/.exec(stdout)[1];
        const apiSecret = /API_SECRET=(\S+)/.exec(stdout)[1];
        const apiUrl = /API_URL=(\S+)/.exec(stdout)[1];
        const opentok = new OpenTok(apiKey, apiSecret, { apiUrl });
        await opentok.promises.registerCallback({ group: 'session', event: 'created', url: receiver.url('/session/created') });
        await opentok.promises.registerCallback({ group: 'connection', event: 'created', url: receiver.url('/connection/created') });
        const session = await opentok.promises.createSession();
        const connected = await request(apiUrl, {
          method: 'POST',
          path: '/_emulator/connections',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ token: session.generateToken(), sessionId: session.sessionId }),
        });
        expect(connected.status).to.equal(201);
        await waitFor(() => receiver.received.length === 2);
        expect(receiver.received.map((record) => record.url)).to.have.members(['/session/created', '/connection/created']);
        for (const record of receiver.received) {
          expectSigned(record, 'cli-secret');
          expect(parseEvent(record.raw).type).to.equal(record.url === '/session/created' ? 'sessionCreated' : 'connectionCreated');
        }
        child.kill('SIGTERM');
        expect(await exited).to.deep.equal({ code: 0, signal: null });
      } finally {
        await receiver.close();
      }
    });
  }

  it('without the flag, the CLI says nothing about signing', async () => {
    const { child, stdout, exited } = await startCli(['--port', '0']);
    expect(stdout).to.not.contain('signed');
    child.kill('SIGTERM');
    expect((await exited).code).to.equal(0);
  });

  it('--help documents the flag; a missing or empty value is refused', async () => {
    const help = await runCli(['--help']);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.match(/^Usage: opentok-emulator .*\[--signature-secret S\]\n/);
    expect(help.stdout).to.contain('--signature-secret S  signs every event callback');
    for (const args of [['--port', '0', '--signature-secret'], ['--port', '0', '--signature-secret='], ['--port', '0', '--signature-secret', '--latency', '5']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).to.equal(2);
      expect(run.stderr).to.equal(`opentok-emulator: --signature-secret needs a value\n\n${help.stdout}`);
    }
  });
});
