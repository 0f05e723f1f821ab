'use strict';
// A test suite as our users write them for opentok 2.x: nock interceptors in the style of 2.x's own
// tests (`matchHeader` functions that read the JWT as `value[0]`, exact form and JSON bodies,
// reply functions reading `this.req.headers`). The same suite runs against 2.23.2 (proof that it
// is a suite 2.x passes) and against this package, which must pass it unchanged.
const crypto = require('crypto');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const nock = require('nock');
const sinon = require('sinon');
const { promisify } = require('util');

const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const SESSION_ID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const APPLICATION_ID = 'b5c7e4a2-9f31-4d2e-8a6b-3c1d0e9f7a55';
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** 2.x's tests verify the auth JWT in a header matcher, reading the value nock hands over as `value[0]`. */
function validJwt(value) {
  try {
    jwt.verify(value[0], API_SECRET, { issuer: API_KEY });
    return true;
  } catch {
    return false;
  }
}

function validBearer(value) {
  try {
    return value[0].startsWith('Bearer ') && Boolean(jwt.verify(value[0].slice(7), publicKey, { algorithms: ['RS256'] }));
  } catch {
    return false;
  }
}

const PACKAGES = [
  ['opentok 2.23.2 (the suite is one 2.x passes)', () => require('opentok-2')],
  ['this package (drop-in)', () => require('../..')],
];

for (const [label, load] of PACKAGES) {
  describe(`A 2.x-style nock test suite, run against ${label}`, function () {
    const OpenTok = load();
    let opentok;

    before(() => nock.disableNetConnect());
    beforeEach(() => {
      opentok = new OpenTok(API_KEY, API_SECRET);
    });
    afterEach(() => nock.cleanAll());
    after(() => nock.enableNetConnect());

    it('createSession: the JWT verifies as value[0], the User-Agent matches, the form body is exact', function (done) {
      const scope = nock('https://api.opentok.com')
        .matchHeader('x-opentok-auth', validJwt)
        .matchHeader('user-agent', /^OpenTok-Node-SDK\/\d+\.\d+\.\d+$/)
        .matchHeader('content-type', (value) => value[0] === 'application/x-www-form-urlencoded')
        .post('/session/create', 'archiveMode=always&p2p.preference=disabled')
        .reply(200, [{ session_id: SESSION_ID, project_id: API_KEY, partner_id: API_KEY, create_dt: 'Fri Nov 18 15:50:36 PST 2016', media_server_url: '' }]);
      opentok.createSession({ mediaMode: 'routed', archiveMode: 'always' }, function (err, session) {
        if (err) return done(err);
        expect(session.sessionId).to.equal(SESSION_ID);
        scope.done();
        done();
      });
    });

    it('startArchive: a JSON body matched as an object; the reply function reads this.req.headers[...][0]', function (done) {
      let seen;
      const scope = nock('https://api.opentok.com')
        .matchHeader('x-opentok-auth', validJwt)
        .post(`/v2/project/${API_KEY}/archive`, { sessionId: SESSION_ID, name: 'Important Presentation' })
        .reply(function () {
          seen = {
            auth: jwt.verify(this.req.headers['x-opentok-auth'][0], API_SECRET).iss,
            contentType: this.req.headers['content-type'][0],
            accept: this.req.headers.accept[0],
          };
          return [200, { id: 'ARCHIVE-ID', status: 'started', name: 'Important Presentation', sessionId: SESSION_ID, createdAt: 1, size: 0, duration: 0 }];
        });
      opentok.startArchive(SESSION_ID, { name: 'Important Presentation' }, function (err, archive) {
        if (err) return done(err);
        expect(archive.id).to.equal('ARCHIVE-ID');
        expect(seen).to.deep.equal({ auth: API_KEY, contentType: 'application/json', accept: 'application/json' });
        scope.done();
        done();
      });
    });

    it('listArchives: the query string matched with .query()', function (done) {
      const scope = nock('https://api.opentok.com')
        .matchHeader('x-opentok-auth', validJwt)
        .get(`/v2/project/${API_KEY}/archive`)
        .query({ offset: '5', count: '10', sessionId: SESSION_ID })
        .reply(200, { count: 1, items: [{ id: 'A', status: 'available' }] });
      opentok.listArchives({ offset: 5, count: 10, sessionId: SESSION_ID }, function (err, archives, total) {
        if (err) return done(err);
        expect(archives.map((archive) => archive.id)).to.deep.equal(['A']);
        expect(total).to.equal(1);
        scope.done();
        done();
      });
    });

    it('getArchive: a 404 reaches the callback as an error with the documented message', function (done) {
      const scope = nock('https://api.opentok.com').matchHeader('x-opentok-auth', validJwt).get(`/v2/project/${API_KEY}/archive/NOPE`).reply(404, { message: 'not found' });
      opentok.getArchive('NOPE', function (err, archive) {
        expect(err).to.be.an.instanceof(OpenTok.NotFoundError);
        expect(err.message).to.equal('Archive not found');
        expect(archive).to.equal(undefined);
        scope.done();
        done();
      });
    });

    it('signal and forceDisconnect: exact bodies and paths, 204 replies', function (done) {
      const scope = nock('https://api.opentok.com')
        .matchHeader('x-opentok-auth', validJwt)
        .post(`/v2/project/${API_KEY}/session/${SESSION_ID}/connection/CONN/signal`, { type: 'chat', data: 'Hello!' })
        .reply(204)
        .delete(`/v2/project/${API_KEY}/session/${SESSION_ID}/connection/CONN`)
        .reply(204);
      opentok.signal(SESSION_ID, 'CONN', { type: 'chat', data: 'Hello!' }, function (err) {
        if (err) return done(err);
        opentok.forceDisconnect(SESSION_ID, 'CONN', function (error) {
          if (error) return done(error);
          scope.done();
          done();
        });
      });
    });

    it('sinon doubles: on OpenTok.prototype for the prototype methods, on the instance for the others', function (done) {
      const created = sinon.stub(OpenTok.prototype, 'createSession').callsFake((options, callback) => callback(null, { sessionId: 'stubbed' }));
      const token = sinon.stub(OpenTok.prototype, 'generateToken').returns('stubbed-token');
      const started = sinon.stub(opentok, 'startArchive').callsFake((sessionId, options, callback) => callback(null, { id: 'A' }));
      try {
        expect(opentok.generateToken(SESSION_ID)).to.equal('stubbed-token');
        opentok.createSession({}, (err, session) => {
          expect(session.sessionId).to.equal('stubbed');
          opentok.startArchive(SESSION_ID, {}, (error, archive) => {
            expect(archive.id).to.equal('A');
            expect(created.calledOnce && token.calledOnce && started.calledOnce).to.equal(true);
            done();
          });
        });
      } finally {
        created.restore();
        token.restore();
        started.restore();
      }
    });

    it('util.promisify on methods taken off the client and off an archive', async function () {
      const scope = nock('https://api.opentok.com')
        .matchHeader('x-opentok-auth', validJwt)
        .get(`/v2/project/${API_KEY}/archive/A`)
        .reply(200, { id: 'A', status: 'started' })
        .post(`/v2/project/${API_KEY}/archive/A/stop`, {})
        .reply(200, { id: 'A', status: 'stopped' });
      const getArchive = promisify(opentok.getArchive);
      const archive = await getArchive('A');
      const stopped = await promisify(archive.stop)();
      expect(stopped.status).to.equal('stopped');
      scope.done();
    });

    it('Vonage application credentials: the Authorization header is a bearer JWT read as value[0]', function (done) {
      const vonage = new OpenTok(APPLICATION_ID, privateKey);
      const scope = nock('https://video.api.vonage.com')
        .matchHeader('authorization', validBearer)
        .get(`/v2/project/${APPLICATION_ID}/archive/A`)
        .reply(200, { id: 'A', status: 'available' });
      vonage.getArchive('A', function (err, archive) {
        if (err) return done(err);
        expect(archive.status).to.equal('available');
        scope.done();
        done();
      });
    });
  });
}
