'use strict';
// The SDK's whole surface over real HTTP against the local emulator (no mocks): every call goes
// through the SDK's HTTP layer to `Emulator.start()`'s server and back.
const { expect } = require('chai');
const sinon = require('sinon');
const jwt = require('jsonwebtoken');
const OpenTok = require('opentok');
const Session = require('opentok/lib/session.js');
const SipInterconnect = require('opentok/lib/sipInterconnect.js');
const { Emulator, ClientConnectError, EmulatorHttpError } = require('opentok/emulator');
const { call, request, waitFor } = require('./support');

const ARCHIVE_PROCESSING_MS = 30;
const ARCHIVE_CONFLICT = 'Recording already in progress or session not using OpenTok Media Router';

describe('SDK against the emulator (real HTTP)', function () {
  let emulator;
  let opentok;

  before(async () => {
    emulator = await Emulator.start({ archiveProcessingMs: ARCHIVE_PROCESSING_MS });
    opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
  });

  after(async () => {
    await emulator.close();
  });

  afterEach(() => {
    emulator.faults.clear();
  });

  /** The emulator's state of the default project. */
  function projectState() {
    return emulator.projects.get(emulator.project.apiKey);
  }

  /** Creates a session through the SDK; resolves with the Session. */
  async function createSession(options) {
    const args = await call((cb) => (options === undefined ? opentok.createSession(cb) : opentok.createSession(options, cb)));
    expect(args[0], 'createSession error').to.equal(null);
    expect(args).to.have.length(2);
    return args[1];
  }

  /** A routed session with one connected publisher client. */
  async function routedSessionWithClient(options = {}) {
    const session = await createSession({ mediaMode: 'routed', ...options });
    const client = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
    return { session, sessionId: session.sessionId, client };
  }

  /** Runs `fn` expecting a ClientConnectError; returns it. */
  function connectError(options) {
    try {
      emulator.connectClient(options);
    } catch (error) {
      expect(error).to.be.instanceOf(ClientConnectError);
      return error;
    }
    throw new Error('connectClient accepted the token');
  }

  describe('createSession', () => {
    it('creates a relayed session by default and its ID is accepted by generateToken', async () => {
      const session = await createSession();
      expect(session).to.be.instanceOf(Session);
      expect(session.sessionId).to.match(/^2_[A-Za-z0-9_-]+$/);
      expect(session.mediaMode).to.equal('relayed');
      expect(session.archiveMode).to.equal('manual');
      const state = projectState().sessions.get(session.sessionId);
      expect(state).to.include({ mediaMode: 'relayed', archiveMode: 'manual', location: '', e2ee: false });
      const token = opentok.generateToken(session.sessionId);
      expect(jwt.verify(token, emulator.project.apiSecret).session_id).to.equal(session.sessionId);
    });

    it('creates a routed session', async () => {
      const session = await createSession({ mediaMode: 'routed' });
      expect(projectState().sessions.get(session.sessionId)).to.include({ mediaMode: 'routed', archiveMode: 'manual' });
    });

    it('passes location, archiveMode always, e2ee, archiveName and archiveResolution to the service', async () => {
      const session = await createSession({
        location: '12.34.56.78',
        mediaMode: 'routed',
        archiveMode: 'always',
        e2ee: true,
        archiveName: 'auto-recording',
        archiveResolution: '1280x720',
      });
      expect(projectState().sessions.get(session.sessionId)).to.include({
        mediaMode: 'routed',
        archiveMode: 'always',
        location: '12.34.56.78',
        e2ee: true,
        archiveName: 'auto-recording',
        archiveResolution: '1280x720',
      });
      const decoded = Buffer.from(session.sessionId.slice(2), 'base64').toString('latin1').split('~');
      expect(decoded[1]).to.equal(emulator.project.apiKey);
      expect(decoded[2]).to.equal('12.34.56.78');
      expect(() => session.generateToken()).to.not.throw();
    });

    it('reports the service 400 for an invalid archiveResolution, wrapped', async () => {
      const [err, ...rest] = await call((cb) => opentok.createSession({ mediaMode: 'routed', archiveResolution: '1x1' }, cb));
      expect(rest).to.deep.equal([]);
      expect(err).to.be.instanceOf(OpenTok.RequestError);
      expect(err.message).to.equal('Failed to createSession. Error: Unexpected response from OpenTok: "{"message":"Invalid archiveResolution"}"');
      expect(err.statusCode).to.equal(400);
    });

    it('refuses a wrong secret with a wrapped AuthError', async () => {
      const wrong = new OpenTok(emulator.project.apiKey, 'not-the-secret', { apiUrl: emulator.url });
      const [err, ...rest] = await call((cb) => wrong.createSession(cb));
      expect(rest).to.deep.equal([]);
      expect(err).to.be.instanceOf(OpenTok.AuthError);
      expect(err.message).to.equal('Failed to createSession. Error: Invalid API key or secret');
      expect(err.statusCode).to.equal(403);
    });
  });

  describe('client tokens', () => {
    let session;
    let clock;

    before(async () => {
      session = await createSession({ mediaMode: 'routed' });
    });

    afterEach(() => {
      if (clock) clock.restore();
      clock = undefined;
    });

    for (const format of ['JWT', 'T1']) {
      const t1 = format === 'T1';

      for (const role of ['publisher', 'publisheronly', 'subscriber', 'moderator']) {
        it(`accepts a ${format} token with role ${role} and data, and the client has them`, () => {
          const token = opentok.generateToken(session.sessionId, { role, data: `name=${role}&x=1` }, t1);
          expect(token.startsWith('T1==')).to.equal(t1);
          const client = emulator.connectClient({ token, sessionId: session.sessionId });
          expect(client.role).to.equal(role);
          expect(client.data).to.equal(`name=${role}&x=1`);
          expect(client.sessionId).to.equal(session.sessionId);
          expect(client.connected).to.equal(true);
          expect(projectState().sessions.get(session.sessionId).connections.get(client.connectionId)).to.include({
            role,
            data: `name=${role}&x=1`,
            kind: 'client',
          });
          client.disconnect();
          expect(client.connected).to.equal(false);
        });
      }

      it(`defaults a ${format} token to publisher without data and works without an explicit sessionId`, () => {
        const client = emulator.connectClient({ token: opentok.generateToken(session.sessionId, undefined, t1) });
        expect(client.role).to.equal('publisher');
        expect(client.data).to.equal('');
        expect(client.sessionId).to.equal(session.sessionId);
        client.disconnect();
      });

      it(`gives streams of a ${format} token its initialLayoutClassList`, async () => {
        const token = session.generateToken({ initialLayoutClassList: ['focus', 'big'] }, t1);
        const client = emulator.connectClient({ token, sessionId: session.sessionId });
        const streamId = client.publish({ name: 'cam' });
        const [err, stream] = await call((cb) => opentok.getStream(session.sessionId, streamId, cb));
        expect(err).to.equal(null);
        expect(stream.layoutClassList).to.deep.equal(['focus', 'big']);
        client.disconnect();
      });

      it(`refuses a ${format} token whose signature was tampered with (bad-signature)`, () => {
        const token = opentok.generateToken(session.sessionId, { role: 'subscriber' }, t1);
        let tampered;
        if (t1) {
          const plain = Buffer.from(token.slice(4), 'base64').toString('utf8');
          const sig = /sig=([0-9a-f]+)/.exec(plain)[1];
          const flipped = (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1);
          tampered = 'T1==' + Buffer.from(plain.replace(sig, flipped)).toString('base64');
        } else {
          const [header, payload, signature] = token.split('.');
          const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
          tampered = [header, payload, flipped].join('.');
        }
        expect(tampered).to.not.equal(token);
        expect(connectError({ token: tampered, sessionId: session.sessionId }).code).to.equal('bad-signature');
      });

      it(`refuses a ${format} token whose payload was altered (role raised to moderator)`, () => {
        const token = opentok.generateToken(session.sessionId, { role: 'subscriber' }, t1);
        let tampered;
        if (t1) {
          const plain = Buffer.from(token.slice(4), 'base64').toString('utf8');
          tampered = 'T1==' + Buffer.from(plain.replace('role=subscriber', 'role=moderator')).toString('base64');
        } else {
          const [header, payload, signature] = token.split('.');
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
          claims.role = 'moderator';
          tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
        }
        expect(connectError({ token: tampered, sessionId: session.sessionId }).code).to.equal('bad-signature');
      });

      it(`refuses an expired ${format} token (expired)`, () => {
        clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
        const expireTime = Math.floor(Date.now() / 1000) + 60;
        const token = opentok.generateToken(session.sessionId, { expireTime }, t1);
        // Still valid just before its expiry...
        clock.tick(50 * 1000);
        emulator.connectClient({ token, sessionId: session.sessionId }).disconnect();
        // ...and refused after it.
        clock.tick(15 * 1000);
        expect(connectError({ token, sessionId: session.sessionId }).code).to.equal('expired');
      });

      it(`refuses a ${format} token of another session (wrong-session)`, async () => {
        const other = await createSession({ mediaMode: 'routed' });
        const token = opentok.generateToken(other.sessionId, {}, t1);
        const error = connectError({ token, sessionId: session.sessionId });
        expect(error.code).to.equal('wrong-session');
        expect(error.message).to.equal('Token was generated for another session');
      });

      it(`refuses a ${format} token of another project (wrong-project)`, async () => {
        const second = emulator.createProject();
        const ot2 = new OpenTok(second.apiKey, second.apiSecret, { apiUrl: emulator.url });
        const [err, otherSession] = await call((cb) => ot2.createSession({ mediaMode: 'routed' }, cb));
        expect(err).to.equal(null);
        const token = ot2.generateToken(otherSession.sessionId, {}, t1);
        // Valid in its own project...
        emulator.connectClient({ token, sessionId: otherSession.sessionId }).disconnect();
        // ...but not for a session of the first project.
        expect(connectError({ token, sessionId: session.sessionId }).code).to.equal('wrong-project');
      });

      it(`refuses a ${format} token signed with another project's secret (bad-signature)`, () => {
        const second = emulator.createProject();
        const forger = new OpenTok(emulator.project.apiKey, second.apiSecret);
        const token = forger.generateToken(session.sessionId, {}, t1);
        expect(connectError({ token, sessionId: session.sessionId }).code).to.equal('bad-signature');
      });

      it(`refuses a ${format} token of an unknown API key (wrong-project)`, () => {
        const stranger = new OpenTok('11111111', 'some-secret');
        const foreignSession = '1_' + Buffer.from('1~11111111~~Mon Jan 01 00:00:00 UTC 2024~0.5~').toString('base64url');
        const token = stranger.generateToken(foreignSession, {}, t1);
        expect(connectError({ token }).code).to.equal('wrong-project');
      });
    }

    it('refuses a token for a session the project never created (unknown-session)', () => {
      const invented = '2_' + Buffer.from(`1~${emulator.project.apiKey}~~Mon Jan 01 00:00:00 UTC 2024~0.5~`).toString('base64url');
      const token = opentok.generateToken(invented);
      expect(connectError({ token }).code).to.equal('unknown-session');
    });

    it('refuses something that is not a token (invalid-token)', () => {
      for (const token of ['', 'not-a-token', 'a.b.c', 'T1==', 42, undefined]) {
        expect(connectError({ token, sessionId: session.sessionId }).code, String(token)).to.equal('invalid-token');
      }
    });

    it('refuses a JWT whose payload is not JSON (invalid-token), without throwing anything else', () => {
      const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      const token = `${header}.${Buffer.from('{nope').toString('base64url')}.c2ln`;
      expect(connectError({ token, sessionId: session.sessionId }).code).to.equal('invalid-token');
    });

    it('refuses a signed token with a role the service does not know (invalid-role)', () => {
      const now = Math.floor(Date.now() / 1000);
      const token = jwt.sign(
        { iss: emulator.project.apiKey, ist: 'project', iat: now, exp: now + 60, session_id: session.sessionId, role: 'admin', scope: 'session.connect' },
        emulator.project.apiSecret,
      );
      expect(connectError({ token, sessionId: session.sessionId }).code).to.equal('invalid-role');
    });

    it('does not let a subscriber publish', () => {
      const client = emulator.connectClient({ token: session.generateToken({ role: 'subscriber' }) });
      expect(() => client.publish()).to.throw(EmulatorHttpError, 'A subscriber token cannot publish');
      client.disconnect();
    });
  });

  describe('archives', () => {
    it('startArchive without a connected client → ArchiveError "Session not found" (404)', async () => {
      const session = await createSession({ mediaMode: 'routed' });
      const args = await call((cb) => opentok.startArchive(session.sessionId, { name: 'x' }, cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.be.instanceOf(OpenTok.ArchiveError);
      expect(args[0].message).to.equal('Session not found');
      expect(args[0].statusCode).to.equal(404);
    });

    it('startArchive on an unknown session → ArchiveError "Session not found"', async () => {
      const invented = '2_' + Buffer.from(`1~${emulator.project.apiKey}~~x~0.1~`).toString('base64url');
      const args = await call((cb) => opentok.startArchive(invented, cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.be.instanceOf(OpenTok.ArchiveError);
      expect(args[0].message).to.equal('Session not found');
    });

    it('startArchive on a relayed session → ArchiveError 409', async () => {
      const session = await createSession({ mediaMode: 'relayed' });
      emulator.connectClient({ token: session.generateToken() });
      const args = await call((cb) => opentok.startArchive(session.sessionId, cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.be.instanceOf(OpenTok.ArchiveError);
      expect(args[0].message).to.equal(ARCHIVE_CONFLICT);
      expect(args[0].statusCode).to.equal(409);
    });

    it('runs the whole lifecycle: start, conflict, get, list, stop, stop again, available, download, delete', async () => {
      const { sessionId, client } = await routedSessionWithClient();
      client.publish({ name: 'cam' });

      const [startErr, archive, ...startRest] = await call((cb) => opentok.startArchive(sessionId, { name: 'Lifecycle' }, cb));
      expect(startErr).to.equal(null);
      expect(startRest).to.deep.equal([]);
      expect(archive).to.include({
        status: 'started',
        name: 'Lifecycle',
        sessionId,
        projectId: emulator.project.apiKey,
        outputMode: 'composed',
        resolution: '640x480',
        streamMode: 'auto',
        hasAudio: true,
        hasVideo: true,
        size: 0,
        duration: 0,
        url: null,
      });
      expect(archive.id).to.be.a('string');
      expect(archive).to.not.have.property('multiArchiveTag');
      expect(archive.stop).to.be.a('function');

      const [conflict] = await call((cb) => opentok.startArchive(sessionId, cb));
      expect(conflict).to.be.instanceOf(OpenTok.ArchiveError);
      expect(conflict.message).to.equal(ARCHIVE_CONFLICT);

      const [getErr, got] = await call((cb) => opentok.getArchive(archive.id, cb));
      expect(getErr).to.equal(null);
      expect(got).to.deep.include({ id: archive.id, status: 'started', name: 'Lifecycle' });

      const [listErr, items, total] = await call((cb) => opentok.listArchives({ sessionId }, cb));
      expect(listErr).to.equal(null);
      expect(total).to.equal(1);
      expect(items.map((item) => item.id)).to.deep.equal([archive.id]);

      const [stopErr, stopped] = await call((cb) => archive.stop(cb));
      expect(stopErr).to.equal(null);
      expect(stopped).to.include({ id: archive.id, status: 'stopped', reason: 'user initiated', url: null });
      expect(stopped.duration).to.be.at.least(1);

      const again = await call((cb) => opentok.stopArchive(archive.id, cb));
      expect(again).to.have.length(1);
      expect(again[0]).to.be.instanceOf(OpenTok.ArchiveError);
      expect(again[0].message).to.equal('Conflict. You are trying to stop an archive that is not recording.');
      expect(again[0].statusCode).to.equal(409);

      const available = await waitFor(async () => {
        const [err, current] = await call((cb) => opentok.getArchive(archive.id, cb));
        expect(err).to.equal(null);
        return current.status === 'available' ? current : undefined;
      });
      expect(available.duration).to.equal(stopped.duration);
      expect(available.size).to.equal(2048 + available.duration * 1000);
      expect(available.url).to.equal(`${emulator.url}/_emulator/archives/${archive.id}/download`);

      const response = await fetch(available.url);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('video/mp4');
      // A browser following the link saves the file rather than trying to play it.
      expect(response.headers.get('content-disposition')).to.equal(`attachment; filename="${archive.id}.mp4"`);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).to.equal(available.size);
      expect(bytes.subarray(4, 12).toString('latin1')).to.equal('ftypmp42');

      const deleted = await call((cb) => opentok.deleteArchive(archive.id, cb));
      expect(deleted).to.deep.equal([null]);
      const [gone] = await call((cb) => opentok.getArchive(archive.id, cb));
      expect(gone).to.be.instanceOf(OpenTok.NotFoundError);
      expect(gone.message).to.equal('Archive not found');
      expect((await fetch(available.url)).status).to.equal(404);
    });

    it('caps the emulated recording at 16 MiB however long the archive ran (Date faked a day ahead)', async () => {
      const { sessionId } = await routedSessionWithClient();
      const [, archive] = await call((cb) => opentok.startArchive(sessionId, cb));
      const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      let stopped;
      try {
        clock.tick(24 * 3600 * 1000);
        [, stopped] = await call((cb) => opentok.stopArchive(archive.id, cb));
      } finally {
        clock.restore();
      }
      expect(stopped.duration).to.be.within(86400, 86401);
      await waitFor(() => projectState().archives.get(archive.id).status === 'available');
      const [, available] = await call((cb) => opentok.getArchive(archive.id, cb));
      expect(available.size).to.equal(16 * 1024 * 1024);
      const response = await fetch(available.url);
      expect(Buffer.from(await response.arrayBuffer()).length).to.equal(available.size);
    });

    it('refuses to delete a recording archive and maps unknown IDs per method', async () => {
      const { sessionId } = await routedSessionWithClient();
      const [, archive] = await call((cb) => opentok.startArchive(sessionId, cb));
      const [deleteErr] = await call((cb) => archive.delete(cb));
      expect(deleteErr).to.be.instanceOf(OpenTok.RequestError);
      expect(deleteErr.message).to.equal(
        'Unexpected response from OpenTok: "{"message":"Conflict. You cannot delete an archive that is recording."}"',
      );
      expect(deleteErr.statusCode).to.equal(409);

      const [stopUnknown] = await call((cb) => opentok.stopArchive('no-such-archive', cb));
      expect(stopUnknown).to.be.instanceOf(OpenTok.ArchiveError);
      expect(stopUnknown.message).to.equal('Archive not found');
      const [deleteUnknown] = await call((cb) => opentok.deleteArchive('no-such-archive', cb));
      expect(deleteUnknown).to.be.instanceOf(OpenTok.ArchiveError);
      expect(deleteUnknown.message).to.equal('Archive not found');
      const [getUnknown] = await call((cb) => opentok.getArchive('no-such-archive', cb));
      expect(getUnknown).to.be.instanceOf(OpenTok.NotFoundError);
    });

    it('records individual and audio-only archives with the given options', async () => {
      const { sessionId } = await routedSessionWithClient();
      const [err, archive] = await call((cb) =>
        opentok.startArchive(sessionId, { outputMode: 'individual', hasVideo: false, multiArchiveTag: 'a' }, cb),
      );
      expect(err).to.equal(null);
      expect(archive).to.include({ outputMode: 'individual', hasAudio: true, hasVideo: false });
      expect(archive).to.not.have.property('resolution');
      const [err2, second] = await call((cb) =>
        opentok.startArchive(sessionId, { resolution: '1280x720', maxBitrate: 2000000, multiArchiveTag: 'b' }, cb),
      );
      expect(err2).to.equal(null);
      expect(second).to.include({ resolution: '1280x720', maxBitrate: 2000000 });
      const [bothFalse] = await call((cb) => opentok.startArchive(sessionId, { hasAudio: false, hasVideo: false, multiArchiveTag: 'c' }, cb));
      expect(bothFalse).to.be.instanceOf(OpenTok.RequestError);
      expect(bothFalse.statusCode).to.equal(400);
    });

    it('refuses the archive options the service refuses with a 400 (the SDK sends them as given) and records none', async () => {
      const { sessionId } = await routedSessionWithClient();
      const resolutions = 'resolution must be one of 640x480, 1280x720, 1920x1080, 480x640, 720x1280, 1080x1920';
      for (const [options, message] of [
        [{ resolution: '999x1' }, resolutions],
        [{ resolution: '1280X720' }, resolutions],
        [{ resolution: 1280 }, resolutions],
        [{ outputMode: 'individual', resolution: '1280x720' }, 'resolution applies only to composed archives'],
        [{ outputMode: 'mixed' }, 'outputMode must be one of composed, individual'],
        [{ outputMode: 1 }, 'outputMode must be one of composed, individual'],
        [{ streamMode: 'Manual' }, 'streamMode must be one of auto, manual'],
        [{ streamMode: {} }, 'streamMode must be one of auto, manual'],
        [{ layout: { type: 'grid' } }, 'Invalid layout type'],
        [{ layout: { type: 'pip', stylesheet: 'x' } }, 'A stylesheet is only allowed with the custom layout type'],
        [{ name: 1 }, 'name must be a string'],
        [{ hasAudio: 'no' }, 'hasAudio must be a boolean'],
        [{ hasVideo: 1 }, 'hasVideo must be a boolean'],
        [{ multiArchiveTag: 3 }, 'multiArchiveTag must be a string'],
        [{ maxBitrate: '2M' }, 'maxBitrate must be a number'],
        [{ quantizationParameter: '25' }, 'quantizationParameter must be a number'],
      ]) {
        const label = JSON.stringify(options);
        const [err, ...rest] = await call((cb) => opentok.startArchive(sessionId, options, cb));
        expect(rest, label).to.deep.equal([]);
        expect(err, label).to.be.instanceOf(OpenTok.RequestError);
        expect(err.statusCode, label).to.equal(400);
        expect(err.body, label).to.deep.equal({ code: 400, message });
        expect(err.message, label).to.equal(`Unexpected response from OpenTok: "${JSON.stringify({ message })}"`);
      }
      expect([...projectState().archives.values()].filter((archive) => archive.sessionId === sessionId)).to.deep.equal([]);

      // Control: every resolution the service knows, each mode, and null taken as absent.
      for (const resolution of ['640x480', '1280x720', '1920x1080', '480x640', '720x1280', '1080x1920']) {
        const [err, archive] = await call((cb) => opentok.startArchive(sessionId, { resolution, multiArchiveTag: resolution }, cb));
        expect(err, resolution).to.equal(null);
        expect(archive.resolution).to.equal(resolution);
      }
      const [err, archive] = await call((cb) =>
        opentok.startArchive(sessionId, { outputMode: 'individual', streamMode: 'manual', name: null, resolution: null, multiArchiveTag: 'modes' }, cb),
      );
      expect(err).to.equal(null);
      expect(archive).to.include({ outputMode: 'individual', streamMode: 'manual', name: null });
      expect(archive).to.not.have.property('resolution');
    });

    it('pages listArchives newest first', async () => {
      const { sessionId } = await routedSessionWithClient();
      const ids = [];
      for (const tag of ['1', '2', '3']) {
        const [, archive] = await call((cb) => opentok.startArchive(sessionId, { multiArchiveTag: tag }, cb));
        ids.push(archive.id);
      }
      const [err, items, total] = await call((cb) => opentok.listArchives({ sessionId, offset: 1, count: 1 }, cb));
      expect(err).to.equal(null);
      expect(total).to.equal(3);
      expect(items.map((item) => item.id)).to.deep.equal([ids[1]]);
    });

    it('archiveMode always starts an archive when the first client connects and stops it when the last leaves', async () => {
      const session = await createSession({ mediaMode: 'routed', archiveMode: 'always', archiveName: 'auto', archiveResolution: '1280x720' });
      const [, before] = await call((cb) => opentok.listArchives({ sessionId: session.sessionId }, cb));
      expect(before).to.deep.equal([]);

      const first = emulator.connectClient({ token: session.generateToken() });
      const second = emulator.connectClient({ token: session.generateToken() });
      const [err, archives, total] = await call((cb) => opentok.listArchives({ sessionId: session.sessionId }, cb));
      expect(err).to.equal(null);
      expect(total).to.equal(1);
      expect(archives[0]).to.include({ status: 'started', name: 'auto', resolution: '1280x720', sessionId: session.sessionId });

      first.disconnect();
      const [, stillRecording] = await call((cb) => opentok.getArchive(archives[0].id, cb));
      expect(stillRecording.status).to.equal('started');
      second.disconnect();
      const [, stopped] = await call((cb) => opentok.getArchive(archives[0].id, cb));
      expect(stopped).to.include({ status: 'stopped', reason: 'session ended' });
    });

    it('adds and removes streams of a manual-mode archive', async () => {
      const { sessionId, client } = await routedSessionWithClient();
      const streamId = client.publish({ name: 'cam' });
      const [, archive] = await call((cb) => opentok.startArchive(sessionId, { streamMode: 'manual' }, cb));
      expect(archive.streamMode).to.equal('manual');
      expect(archive.streams).to.deep.equal([]);

      expect(await call((cb) => opentok.addArchiveStream(archive.id, streamId, { hasAudio: false }, cb))).to.deep.equal([null]);
      const [, withStream] = await call((cb) => opentok.getArchive(archive.id, cb));
      expect(withStream.streams).to.deep.equal([{ streamId, hasAudio: false, hasVideo: true }]);

      const [unknownStream] = await call((cb) => opentok.addArchiveStream(archive.id, 'no-such-stream', cb));
      expect(unknownStream).to.be.instanceOf(OpenTok.ArchiveError);
      expect(unknownStream.message).to.equal('Archive or stream not found');

      expect(await call((cb) => opentok.removeArchiveStream(archive.id, streamId, cb))).to.deep.equal([null]);
      const [, without] = await call((cb) => opentok.getArchive(archive.id, cb));
      expect(without.streams).to.deep.equal([]);

      const [removedTwice] = await call((cb) => opentok.removeArchiveStream(archive.id, streamId, cb));
      expect(removedTwice).to.be.instanceOf(OpenTok.ArchiveError);
      expect(removedTwice.message).to.equal('Archive or stream not found');
      expect(removedTwice.statusCode).to.equal(404);
    });

    it('refuses stream changes of an auto-mode archive with "Unsupported Stream Mode" (405)', async () => {
      const { sessionId, client } = await routedSessionWithClient();
      const streamId = client.publish();
      const [, archive] = await call((cb) => opentok.startArchive(sessionId, cb));
      for (const args of [
        await call((cb) => opentok.addArchiveStream(archive.id, streamId, cb)),
        await call((cb) => opentok.removeArchiveStream(archive.id, streamId, cb)),
      ]) {
        expect(args).to.have.length(1);
        expect(args[0]).to.be.instanceOf(OpenTok.ArchiveError);
        expect(args[0].message).to.equal('Unsupported Stream Mode');
        expect(args[0].statusCode).to.equal(405);
      }
    });

    it('sets the layout of a composed archive (pass-through callback)', async () => {
      const { sessionId } = await routedSessionWithClient();
      const [, archive] = await call((cb) => opentok.startArchive(sessionId, cb));
      const [err, body, response] = await call((cb) => opentok.setArchiveLayout(archive.id, 'pip', cb));
      expect(err).to.equal(null);
      expect(body).to.deep.equal({});
      expect(response.status).to.equal(200);
      const state = projectState().archives.get(archive.id);
      expect(state.layout).to.deep.equal({ type: 'pip', stylesheet: undefined, screenshareType: undefined });

      const [customErr] = await call((cb) => opentok.setArchiveLayout(archive.id, 'custom', 'stream { width: 100% }', cb));
      expect(customErr).to.equal(null);
      expect(state.layout.stylesheet).to.equal('stream { width: 100% }');
      const [shareErr] = await call((cb) => opentok.setArchiveLayout(archive.id, 'bestFit', null, 'pip', cb));
      expect(shareErr).to.equal(null);
      expect(state.layout).to.include({ type: 'bestFit', screenshareType: 'pip' });

      const [badErr, badBody, badResponse] = await call((cb) => opentok.setArchiveLayout(archive.id, 'spiral', cb));
      expect(badErr).to.be.instanceOf(OpenTok.RequestError);
      expect(badErr.message).to.equal('Unexpected response from OpenTok: "{"message":"Invalid layout type"}"');
      expect(badBody).to.deep.equal({ code: 400, message: 'Invalid layout type' });
      expect(badResponse.status).to.equal(400);

      const [missing, missingBody] = await call((cb) => opentok.setArchiveLayout('no-such-archive', 'pip', cb));
      expect(missing).to.be.instanceOf(OpenTok.NotFoundError);
      expect(missingBody).to.equal(null);
    });
  });

  describe('broadcasts', () => {
    const outputs = {
      hls: {},
      rtmp: [{ id: 'main', serverUrl: 'rtmp://rtmp.example.com/live', streamName: 'stream-key' }],
    };

    it('starts, gets, lists, lays out and stops a broadcast; its HLS URL serves a playlist while live', async () => {
      const { sessionId } = await routedSessionWithClient();
      const [err, broadcast, ...rest] = await call((cb) =>
        opentok.startBroadcast(sessionId, { outputs, resolution: '1280x720', maxDuration: 600 }, cb),
      );
      expect(err).to.equal(null);
      expect(rest).to.deep.equal([]);
      expect(broadcast).to.include({ sessionId, status: 'started', resolution: '1280x720', maxDuration: 600, streamMode: 'auto' });
      expect(broadcast).to.not.have.property('event');
      expect(broadcast.broadcastUrls.hls).to.equal(`${emulator.url}/_emulator/broadcasts/${broadcast.id}/index.m3u8`);
      expect(broadcast.broadcastUrls.rtmp).to.deep.equal([
        { id: 'main', serverUrl: 'rtmp://rtmp.example.com/live', streamName: 'stream-key', status: 'live' },
      ]);
      const playlist = await fetch(broadcast.broadcastUrls.hls);
      expect(playlist.status).to.equal(200);
      expect(await playlist.text()).to.match(/^#EXTM3U\n/);

      const [conflict] = await call((cb) => opentok.startBroadcast(sessionId, { outputs }, cb));
      expect(conflict).to.be.instanceOf(OpenTok.RequestError);
      expect(conflict.message).to.equal(
        'Failed to start broadcast. Error: Unexpected response from OpenTok: "{"message":"The session is already being broadcast"}"',
      );
      expect(conflict.statusCode).to.equal(409);

      const [getErr, got] = await call((cb) => opentok.getBroadcast(broadcast.id, cb));
      expect(getErr).to.equal(null);
      expect(got).to.deep.include({ id: broadcast.id, status: 'started' });

      const [listErr, items, total] = await call((cb) => opentok.listBroadcasts({ sessionId }, cb));
      expect(listErr).to.equal(null);
      expect(total).to.equal(1);
      expect(items.map((item) => item.id)).to.deep.equal([broadcast.id]);

      const [layoutErr, layoutBody] = await call((cb) => opentok.setBroadcastLayout(broadcast.id, 'bestFit', null, 'pip', cb));
      expect(layoutErr).to.equal(null);
      expect(layoutBody).to.deep.equal({});
      expect(projectState().broadcasts.get(broadcast.id).layout).to.include({ type: 'bestFit', screenshareType: 'pip' });

      // A listed broadcast stops itself (Broadcast.stop).
      const [stopErr, stopped] = await call((cb) => items[0].stop(cb));
      expect(stopErr).to.equal(null);
      expect(stopped).to.include({ id: broadcast.id, status: 'stopped' });
      expect((await fetch(broadcast.broadcastUrls.hls)).status).to.equal(404);

      const [again] = await call((cb) => opentok.stopBroadcast(broadcast.id, cb));
      expect(again).to.be.instanceOf(OpenTok.RequestError);
      expect(again.message).to.equal('Failed to stop broadcast. Error: Unexpected response from OpenTok: "{"message":"The broadcast is not started"}"');
      const [unknown] = await call((cb) => opentok.stopBroadcast('no-such-broadcast', cb));
      expect(unknown).to.be.instanceOf(OpenTok.NotFoundError);
      expect(unknown.message).to.equal('Failed to stop broadcast. Error: Not Found');
      const [unknownGet] = await call((cb) => opentok.getBroadcast('no-such-broadcast', cb));
      expect(unknownGet.message).to.equal('Failed to get broadcast. Error: Not Found');
    });

    it('adds and removes streams of a manual-mode broadcast; auto mode refuses with 405', async () => {
      const { sessionId, client } = await routedSessionWithClient();
      const streamId = client.publish();
      const [, auto] = await call((cb) => opentok.startBroadcast(sessionId, { outputs: { hls: {} } }, cb));
      const [autoErr, autoBody, autoResponse] = await call((cb) => opentok.addBroadcastStream(auto.id, streamId, cb));
      expect(autoErr).to.be.instanceOf(OpenTok.RequestError);
      expect(autoBody).to.deep.equal({ code: 405, message: 'The broadcast stream mode is not manual' });
      expect(autoResponse.status).to.equal(405);

      const [err, manual] = await call((cb) =>
        opentok.startBroadcast(sessionId, { outputs: { hls: {} }, streamMode: 'manual', multiBroadcastTag: 'manual' }, cb),
      );
      expect(err).to.equal(null);
      expect(manual.streamMode).to.equal('manual');
      const added = await call((cb) => opentok.addBroadcastStream(manual.id, streamId, { hasVideo: false }, cb));
      expect(added[0]).to.equal(null);
      expect(added[1]).to.equal('');
      expect(added[2].status).to.equal(204);
      const [, withStream] = await call((cb) => opentok.getBroadcast(manual.id, cb));
      expect(withStream.streams).to.deep.equal([{ streamId, hasAudio: true, hasVideo: false }]);
      const removed = await call((cb) => opentok.removeBroadcastStream(manual.id, streamId, cb));
      expect(removed[0]).to.equal(null);
      expect(removed[2].status).to.equal(204);
      const [, without] = await call((cb) => opentok.getBroadcast(manual.id, cb));
      expect(without.streams).to.deep.equal([]);
    });

    it('refuses the broadcast options the service refuses with a 400 (the SDK sends them as given)', async () => {
      const { sessionId } = await routedSessionWithClient();
      const rtmp = (output) => ({ rtmp: [{ id: 'main', serverUrl: 'rtmp://rtmp.example.com/live', streamName: 'stream-key', ...output }] });
      const resolutions = 'resolution must be one of 640x480, 1280x720, 1920x1080, 480x640, 720x1280, 1080x1920';
      const badUrl = 'serverUrl must be an rtmp:// or rtmps:// URL with a host';
      for (const [options, message] of [
        [{ outputs, resolution: '999x1' }, resolutions],
        [{ outputs, resolution: '1280x720p' }, resolutions],
        [{ outputs, resolution: 720 }, resolutions],
        [{ outputs: rtmp({ serverUrl: 'x' }) }, badUrl],
        [{ outputs: rtmp({ serverUrl: 'http://rtmp.example.com/live' }) }, badUrl],
        [{ outputs: rtmp({ serverUrl: 'rtmp:///live' }) }, badUrl],
        [{ outputs: rtmp({ serverUrl: 'rtmp:live' }) }, badUrl],
        [{ outputs: rtmp({ serverUrl: 'rtmp://' }) }, badUrl],
        [{ outputs: rtmp({ serverUrl: '' }) }, 'serverUrl is required and must be a string'],
        [{ outputs: rtmp({ streamName: undefined }) }, 'streamName is required and must be a string'],
        [{ outputs: rtmp({ id: 7 }) }, 'id must be a string'],
        [{ outputs: { rtmp: 'rtmp://rtmp.example.com/live' } }, 'rtmp must be an array of at most 5 outputs'],
        [{ outputs: {} }, 'outputs must have an hls output or at least one rtmp output'],
        [{ outputs: { rtmp: [] } }, 'outputs must have an hls output or at least one rtmp output'],
        [{ outputs: { hls: true } }, 'hls must be an object'],
        [{ outputs, streamMode: 'sometimes' }, 'streamMode must be one of auto, manual'],
        [{ outputs, layout: { type: 'grid' } }, 'Invalid layout type'],
        [{ outputs, maxBitrate: 'fast' }, 'maxBitrate must be a number'],
        [{ outputs, multiBroadcastTag: 1 }, 'multiBroadcastTag must be a string'],
      ]) {
        const label = JSON.stringify(options);
        const args = await call((cb) => opentok.startBroadcast(sessionId, options, cb));
        expect(args, label).to.have.length(1);
        expect(args[0].message, label).to.equal(
          'Failed to start broadcast. Error: Bad session ID, token, SIP credentials, or SIP URI (sip:user@domain.tld)',
        );
        expect(args[0].statusCode, label).to.equal(400);
        expect(args[0].body, label).to.deep.equal({ code: 400, message });
      }
      expect([...projectState().broadcasts.values()].filter((broadcast) => broadcast.sessionId === sessionId)).to.deep.equal([]);

      // Control: every resolution the service knows, and RTMP(S) URLs with a host and a port.
      for (const resolution of ['640x480', '1280x720', '1920x1080', '480x640', '720x1280', '1080x1920']) {
        const [err, broadcast] = await call((cb) => opentok.startBroadcast(sessionId, { outputs, resolution, multiBroadcastTag: resolution }, cb));
        expect(err, resolution).to.equal(null);
        expect(broadcast.resolution).to.equal(resolution);
      }
      for (const serverUrl of ['rtmps://live.example.com:443/app', 'rtmp://10.0.0.5:1935/live?key=1']) {
        const [err, broadcast] = await call((cb) => opentok.startBroadcast(sessionId, { outputs: rtmp({ serverUrl }), multiBroadcastTag: serverUrl }, cb));
        expect(err, serverUrl).to.equal(null);
        expect(broadcast.broadcastUrls.rtmp).to.deep.equal([{ id: 'main', serverUrl, streamName: 'stream-key', status: 'live' }]);
      }
    });

    it('refuses a broadcast of a relayed session (400, wrapped)', async () => {
      const session = await createSession();
      emulator.connectClient({ token: session.generateToken() });
      const args = await call((cb) => opentok.startBroadcast(session.sessionId, { outputs }, cb));
      expect(args).to.have.length(1);
      expect(args[0].message).to.equal(
        'Failed to start broadcast. Error: Bad session ID, token, SIP credentials, or SIP URI (sip:user@domain.tld)',
      );
      expect(args[0].statusCode).to.equal(400);
    });
  });

  describe('SIP dial, DTMF and the audio connector', () => {
    it('dials a SIP endpoint: a connection and a stream join the session; playDTMF reaches it', async () => {
      const { session, sessionId } = await routedSessionWithClient();
      const token = session.generateToken({ data: 'sip-leg' });
      const [err, sip, ...rest] = await call((cb) => opentok.dial(sessionId, token, 'sip:user@sip.example.com', { from: 'caller@example.com', secure: true }, cb));
      expect(err).to.equal(null);
      expect(rest).to.deep.equal([]);
      expect(sip).to.be.instanceOf(SipInterconnect);
      expect(sip.id).to.be.a('string');
      const state = projectState().sessions.get(sessionId);
      expect(state.connections.get(sip.connectionId)).to.include({ kind: 'sip', data: 'sip-leg' });
      const [streamErr, stream] = await call((cb) => opentok.getStream(sessionId, sip.streamId, cb));
      expect(streamErr).to.equal(null);
      expect(stream.name).to.equal('caller@example.com');

      expect(await call((cb) => opentok.playDTMF(sessionId, sip.connectionId, '1p2#*', cb))).to.deep.equal([null]);
      expect(await call((cb) => opentok.playDTMF(sessionId, null, '0', cb))).to.deep.equal([null]);
      const [badDigits] = await call((cb) => opentok.playDTMF(sessionId, sip.connectionId, '12a', cb));
      expect(badDigits).to.be.instanceOf(OpenTok.RequestError);
      expect(badDigits.statusCode).to.equal(400);
      const [noConnection] = await call((cb) => opentok.playDTMF(sessionId, 'no-such-connection', '1', cb));
      expect(noConnection).to.be.instanceOf(OpenTok.NotFoundError);
    });

    it('refuses a dial with a bad SIP URI or a token of another session', async () => {
      const { session, sessionId } = await routedSessionWithClient();
      const [badUri] = await call((cb) => opentok.dial(sessionId, session.generateToken(), 'bogus', cb));
      expect(badUri.message).to.equal(
        'Failed to dial endpoint. Error: Unexpected response from OpenTok: "{"message":"Invalid SIP URI (sip:user@domain.tld)"}"',
      );
      const other = await createSession({ mediaMode: 'routed' });
      const [badToken] = await call((cb) => opentok.dial(sessionId, other.generateToken(), 'sip:a@b.example.com', cb));
      expect(badToken).to.be.instanceOf(OpenTok.RequestError);
      expect(badToken.statusCode).to.equal(400);
      expect(badToken.message).to.contain('Invalid token: Token was generated for another session');
    });

    it('connects the audio connector over a WebSocket URI', async () => {
      const { session, sessionId, client } = await routedSessionWithClient();
      const streamId = client.publish();
      const [err, body, ...rest] = await call((cb) =>
        opentok.websocketConnect(sessionId, session.generateToken(), 'wss://ws.example.com/audio', { streams: [streamId], headers: { a: 'b' } }, cb),
      );
      expect(err).to.equal(null);
      expect(rest).to.deep.equal([]);
      expect(Object.keys(body)).to.deep.equal(['id', 'connectionId']);
      expect(projectState().sessions.get(sessionId).connections.get(body.connectionId)).to.include({ kind: 'websocket' });

      const [bad] = await call((cb) => opentok.websocketConnect(sessionId, session.generateToken(), 'https://ws.example.com', cb));
      expect(bad.message).to.equal(
        'Error connecting to websocket: Unexpected response from OpenTok: "{"message":"websocket.uri must be a ws:// or wss:// URL"}"',
      );
    });
  });

  describe('streams and moderation', () => {
    it('gets and lists streams and sets their class lists', async () => {
      const { sessionId, client } = await routedSessionWithClient();
      const camera = client.publish({ name: 'camera', videoType: 'camera' });
      const screen = client.publish({ name: 'screen', videoType: 'screen' });

      const [err, stream, ...rest] = await call((cb) => opentok.getStream(sessionId, screen, cb));
      expect(err).to.equal(null);
      expect(rest).to.deep.equal([]);
      expect({ ...stream }).to.deep.equal({ id: screen, videoType: 'screen', name: 'screen', layoutClassList: [] });

      const [listErr, streams] = await call((cb) => opentok.listStreams(sessionId, cb));
      expect(listErr).to.equal(null);
      expect(streams.map((item) => item.id)).to.deep.equal([camera, screen]);

      const [setErr, setBody, setResponse, ...setRest] = await call((cb) =>
        opentok.setStreamClassLists(sessionId, [{ id: camera, layoutClassList: ['full', 'focus'] }, { id: screen, layoutClassList: [] }], cb),
      );
      expect(setErr).to.equal(null);
      expect(setBody).to.equal('');
      expect(setResponse.status).to.equal(200);
      expect(setRest).to.deep.equal([]);
      const [, updated] = await call((cb) => opentok.getStream(sessionId, camera, cb));
      expect(updated.layoutClassList).to.deep.equal(['full', 'focus']);

      const [unknownSet] = await call((cb) => opentok.setStreamClassLists(sessionId, [{ id: 'nope', layoutClassList: [] }], cb));
      expect(unknownSet).to.be.instanceOf(OpenTok.NotFoundError);
      const [unknown] = await call((cb) => opentok.getStream(sessionId, 'no-such-stream', cb));
      expect(unknown).to.be.instanceOf(OpenTok.NotFoundError);
      expect(unknown.statusCode).to.equal(404);
    });

    it('force-mutes one stream, all but excluded ones, and disables force mute', async () => {
      const { sessionId, client } = await routedSessionWithClient();
      const first = client.publish();
      const second = client.publish();
      const state = projectState().sessions.get(sessionId);

      expect(await call((cb) => opentok.forceMuteStream(sessionId, first, cb))).to.deep.equal([null]);
      expect(state.streams.get(first).muted).to.equal(true);
      expect(state.streams.get(second).muted).to.equal(false);
      const [unknownMute] = await call((cb) => opentok.forceMuteStream(sessionId, 'no-such-stream', cb));
      expect(unknownMute).to.be.instanceOf(OpenTok.NotFoundError);

      expect(await call((cb) => opentok.forceMuteAll(sessionId, { excludedStreamIds: [first] }, cb))).to.deep.equal([null]);
      expect(state.muteAll).to.deep.equal({ active: true, excludedStreamIds: [first] });
      expect(state.streams.get(first).muted).to.equal(false);
      expect(state.streams.get(second).muted).to.equal(true);
      expect(state.streams.get(client.publish()).muted, 'published while muted').to.equal(true);

      expect(await call((cb) => opentok.disableForceMute(sessionId, cb))).to.deep.equal([null]);
      expect(state.muteAll.active).to.equal(false);
      expect(state.streams.get(client.publish()).muted, 'published after disable').to.equal(false);
    });

    it('forceDisconnect disconnects the simulated client and ends its streams', async () => {
      const { sessionId, client } = await routedSessionWithClient();
      const streamId = client.publish();
      expect(await call((cb) => opentok.forceDisconnect(sessionId, client.connectionId, cb))).to.deep.equal([null]);
      expect(client.connected).to.equal(false);
      const [, streams] = await call((cb) => opentok.listStreams(sessionId, cb));
      expect(streams.map((stream) => stream.id)).to.not.include(streamId);
      expect(() => client.publish()).to.throw(EmulatorHttpError, 'The client is not connected');

      const again = await call((cb) => opentok.forceDisconnect(sessionId, client.connectionId, cb));
      expect(again).to.have.length(1);
      expect(again[0]).to.be.instanceOf(OpenTok.ForceDisconnectError);
      expect(again[0].message).to.equal('Session or Connection not found');
    });

    it('signals the session and one connection; an unknown connection is a SignalError', async () => {
      const { sessionId, client } = await routedSessionWithClient();
      expect(await call((cb) => opentok.signal(sessionId, null, { type: 'chat', data: 'hello all' }, cb))).to.deep.equal([null]);
      expect(await call((cb) => opentok.signal(sessionId, client.connectionId, { type: 'chat', data: 'hello you' }, cb))).to.deep.equal([null]);

      const unknown = await call((cb) => opentok.signal(sessionId, 'no-such-connection', { data: 'x' }, cb));
      expect(unknown).to.have.length(1);
      expect(unknown[0]).to.be.instanceOf(OpenTok.SignalError);
      expect(unknown[0].message).to.equal('Session or Connection not found');
      expect(unknown[0].statusCode).to.equal(404);

      const [tooBig] = await call((cb) => opentok.signal(sessionId, null, { type: 't', data: 'x'.repeat(8193) }, cb));
      expect(tooBig).to.be.instanceOf(OpenTok.RequestError);
      expect(tooBig.statusCode).to.equal(413);
    });
  });

  describe('captions, renders and event callbacks', () => {
    it('starts live captions once (409 CaptionsError on the second start) and stops them', async () => {
      const { session, sessionId } = await routedSessionWithClient();
      const [err, captionsId, ...rest] = await call((cb) => opentok.startCaptions(sessionId, session.generateToken(), {}, cb));
      expect(err).to.equal(null);
      expect(rest).to.deep.equal([]);
      expect(captionsId).to.be.a('string');

      const second = await call((cb) => opentok.startCaptions(sessionId, session.generateToken(), { maxDuration: 300 }, cb));
      expect(second).to.have.length(1);
      expect(second[0]).to.be.instanceOf(OpenTok.CaptionsError);
      expect(second[0].message).to.equal('Live captions have already started for this OpenTok Session');
      expect(second[0].statusCode).to.equal(409);

      expect(await call((cb) => opentok.stopCaptions(captionsId, cb))).to.deep.equal([null, true]);
      const [stoppedTwice] = await call((cb) => opentok.stopCaptions(captionsId, cb));
      expect(stoppedTwice).to.be.instanceOf(OpenTok.NotFoundError);

      const [restartErr, restarted] = await call((cb) => opentok.startCaptions(sessionId, session.generateToken(), null, cb));
      expect(restartErr).to.equal(null);
      expect(restarted).to.not.equal(captionsId);
    });

    it('starts, gets, lists and stops an Experience Composer render', async () => {
      const { session, sessionId } = await routedSessionWithClient();
      const [err, render, response] = await call((cb) =>
        opentok.startRender({ sessionId, token: session.generateToken(), url: 'https://app.example.com/view', statusCallbackUrl: 'https://app.example.com/cb' }, cb),
      );
      expect(err).to.equal(null);
      expect(response.status).to.equal(202);
      expect(render).to.include({ sessionId, projectId: emulator.project.apiKey, url: 'https://app.example.com/view', resolution: '1280x720', status: 'started', callbackUrl: 'https://app.example.com/cb' });
      const connectionsWithRender = projectState().sessions.get(sessionId).connections.size;

      const [getErr, got] = await call((cb) => opentok.getRender(render.id, cb));
      expect(getErr).to.equal(null);
      expect(got).to.deep.equal(render);
      const [listErr, list] = await call((cb) => opentok.listRenders({}, cb));
      expect(listErr).to.equal(null);
      expect(list.items.map((item) => item.id)).to.include(render.id);
      expect(list.count).to.equal(list.items.length);

      const stopped = await call((cb) => opentok.stopRender(render.id, cb));
      expect(stopped[0]).to.equal(null);
      expect(stopped[1]).to.equal('');
      expect(stopped[2].status).to.equal(204);
      expect(projectState().sessions.get(sessionId).connections.size).to.equal(connectionsWithRender - 1);
      const [, after] = await call((cb) => opentok.getRender(render.id, cb));
      expect(after).to.include({ status: 'stopped', reason: 'Stop Requested' });

      const unknown = await call((cb) => opentok.getRender('no-such-render', cb));
      expect(unknown).to.have.length(1);
      expect(unknown[0]).to.be.instanceOf(OpenTok.NotFoundError);
    });

    it('registers, lists and unregisters event callbacks', async () => {
      const [err, callback] = await call((cb) => opentok.registerCallback({ group: 'connection', event: 'created', url: 'http://127.0.0.1:9/hook' }, cb));
      expect(err).to.equal(null);
      expect(callback).to.include({ group: 'connection', event: 'created', url: 'http://127.0.0.1:9/hook' });
      expect(callback.id).to.be.a('string');
      expect(callback.createdAt).to.be.a('number');
      const [, second] = await call((cb) => opentok.registerCallback({ group: 'stream', event: 'destroyed', url: 'https://hooks.example.com/s' }, cb));

      const [listErr, callbacks] = await call((cb) => opentok.listCallbacks(cb));
      expect(listErr).to.equal(null);
      expect(callbacks.map((item) => item.id)).to.deep.equal([callback.id, second.id]);

      expect(await call((cb) => opentok.unregisterCallback(callback.id, cb))).to.deep.equal([null]);
      expect(await call((cb) => callbacks[1].unregister(cb))).to.deep.equal([null]);
      const [, none] = await call((cb) => opentok.listCallbacks(cb));
      expect(none).to.deep.equal([]);

      const [unknown] = await call((cb) => opentok.unregisterCallback(callback.id, cb));
      expect(unknown).to.be.instanceOf(OpenTok.NotFoundError);
      const [badGroup] = await call((cb) => opentok.registerCallback({ group: 'nope', event: 'x', url: 'https://a.example.com' }, cb));
      expect(badGroup).to.be.instanceOf(OpenTok.RequestError);
      expect(badGroup.statusCode).to.equal(400);
    });
  });

  describe('Vonage application mode', () => {
    let app;
    let vonage;

    before(() => {
      app = emulator.createApplication();
      vonage = new OpenTok(app.applicationId, app.privateKey, { apiUrl: emulator.url });
    });

    it('authenticates REST calls with RS256 and accepts its RS256 client tokens', async () => {
      const [err, session] = await call((cb) => vonage.createSession({ mediaMode: 'routed' }, cb));
      expect(err).to.equal(null);
      expect(emulator.projects.get(app.applicationId).sessions.has(session.sessionId)).to.equal(true);

      const token = vonage.generateToken(session.sessionId, { role: 'moderator', data: 'vonage-user', initialLayoutClassList: ['x'] });
      expect(jwt.decode(token, { complete: true }).header.alg).to.equal('RS256');
      const client = emulator.connectClient({ token, sessionId: session.sessionId });
      expect(client.role).to.equal('moderator');
      expect(client.data).to.equal('vonage-user');
      const streamId = client.publish();

      const [archiveErr, archive] = await call((cb) => vonage.startArchive(session.sessionId, { name: 'vonage' }, cb));
      expect(archiveErr).to.equal(null);
      expect(archive).to.include({ status: 'started', applicationId: app.applicationId });
      const [streamErr, stream] = await call((cb) => vonage.getStream(session.sessionId, streamId, cb));
      expect(streamErr).to.equal(null);
      expect(stream.layoutClassList).to.deep.equal(['x']);
      expect(await call((cb) => vonage.forceDisconnect(session.sessionId, client.connectionId, cb))).to.deep.equal([null]);
      expect(client.connected).to.equal(false);
    });

    it('refuses another application\'s key and tokens (AuthError, bad-signature, wrong-session)', async () => {
      const other = emulator.createApplication();
      const impostor = new OpenTok(app.applicationId, other.privateKey, { apiUrl: emulator.url });
      const [authErr] = await call((cb) => impostor.createSession(cb));
      expect(authErr).to.be.instanceOf(OpenTok.AuthError);
      expect(authErr.message).to.equal('Failed to createSession. Error: Invalid API key or secret');

      const [, session] = await call((cb) => vonage.createSession({ mediaMode: 'routed' }, cb));
      expect(connectError({ token: impostor.generateToken(session.sessionId), sessionId: session.sessionId }).code).to.equal('bad-signature');
      const [, otherSession] = await call((cb) => vonage.createSession({ mediaMode: 'routed' }, cb));
      expect(connectError({ token: vonage.generateToken(otherSession.sessionId), sessionId: session.sessionId }).code).to.equal('wrong-session');

      // A project's HS256 REST JWT is not accepted for an application.
      const hs = new OpenTok(app.applicationId, emulator.project.apiSecret, { apiUrl: emulator.url });
      const [hsErr] = await call((cb) => hs.listArchives(cb));
      expect(hsErr).to.be.instanceOf(OpenTok.AuthError);
    });
  });

  it('refuses REST calls of one project on another project\'s resources', async () => {
    const second = emulator.createProject();
    const ot2 = new OpenTok(second.apiKey, second.apiSecret, { apiUrl: emulator.url });
    const { sessionId } = await routedSessionWithClient();
    const [, archive] = await call((cb) => opentok.startArchive(sessionId, { multiArchiveTag: 'cross' }, cb));
    const [notFound] = await call((cb) => ot2.getArchive(archive.id, cb));
    expect(notFound).to.be.instanceOf(OpenTok.NotFoundError);
    const [noSession] = await call((cb) => ot2.startArchive(sessionId, cb));
    expect(noSession).to.be.instanceOf(OpenTok.ArchiveError);
    expect(noSession.message).to.equal('Session not found');
    // A raw request with project 2's JWT on project 1's path is refused outright.
    const response = await request(emulator.url, {
      path: `/v2/project/${emulator.project.apiKey}/archive/${archive.id}`,
      headers: { 'X-OPENTOK-AUTH': ot2.generateJwt() },
    });
    expect(response.status).to.equal(403);
    expect(response.json).to.deep.equal({ code: 403, message: 'The token does not grant access to this project' });
  });
});
