'use strict';
// Archives: startArchive, stopArchive, getArchive, deleteArchive, listArchives and the Archive
// object, with the generic status mapping (401/403 → AuthError, 404 → NotFoundError, any other
// non-2xx → RequestError) and a few transport-failure and malformed-body cases, as they apply to
// these methods.
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const {
  API_KEY,
  API_URL,
  PROJECT_PATH,
  SESSION_ID,
  callbackArgs,
  expectAuthHeaders,
  useNock,
} = require('./helpers');
const {
  newOpenTok,
  invokeAsync,
  exchange,
  expectError,
  expectThrowsNoRequest,
  expectSyncArgumentError,
  expectJsonPost,
  expectNoBodyRequest,
} = require('./support/wire-harness');

const ARCHIVE_ID = 'a/b c';
const ENCODED_ARCHIVE_ID = 'a%2Fb%20c';
const UUID = '78d335fa-323d-0114-9c3d-d6f0d48968cf';
const FALSY_VALUES = ['', null, undefined, 0, false, NaN];
const JSON_HEADERS = { 'Content-Type': 'application/json' };

function archiveJson(overrides = {}) {
  return {
    createdAt: 1384221730555,
    duration: 0,
    hasAudio: true,
    hasVideo: true,
    id: UUID,
    name: 'Important Presentation',
    outputMode: 'composed',
    projectId: Number(API_KEY),
    reason: '',
    resolution: '640x480',
    sessionId: SESSION_ID,
    size: 0,
    status: 'started',
    streamMode: 'auto',
    url: null,
    ...overrides,
  };
}

function expectArchiveResult(args, json) {
  expect(args, 'callback arguments').to.have.length(2);
  expect(args[0]).to.equal(null);
  const archive = args[1];
  expect(archive).to.be.an('object');
  expect(archive).to.be.an.instanceof(Object);
  for (const [key, value] of Object.entries(json)) {
    expect(Object.prototype.hasOwnProperty.call(archive, key), `own key ${key}`).to.equal(true);
    expect(archive[key], key).to.deep.equal(value);
  }
  expect(archive.stop).to.be.a('function');
  expect(archive.delete).to.be.a('function');
  return archive;
}

const STARTED_PATH = `${PROJECT_PATH}/archive`;

describe('archives', () => {
  useNock();

  describe('startArchive', () => {
    describe('missing callback', () => {
      it('throws ArgumentError "No callback given to startArchive" without options', () =>
        expectThrowsNoRequest(() => newOpenTok().startArchive(SESSION_ID), 'No callback given to startArchive'));

      it('throws with options but no callback', () =>
        expectThrowsNoRequest(
          () => newOpenTok().startArchive(SESSION_ID, { name: 'N' }),
          'No callback given to startArchive',
        ));

      it('throws when the callback position holds a non-function', () =>
        expectThrowsNoRequest(
          () => newOpenTok().startArchive(SESSION_ID, { name: 'N' }, 'not a function'),
          'No callback given to startArchive',
        ));

      it('checks the callback before the session ID', () =>
        expectThrowsNoRequest(() => newOpenTok().startArchive(undefined), 'No callback given to startArchive'));
    });

    describe('falsy sessionId', () => {
      for (const value of FALSY_VALUES) {
        it(`reports "No session ID given" synchronously for ${String(value) || "''"} (no options)`, () =>
          expectSyncArgumentError((cb) => newOpenTok().startArchive(value, cb), 'No session ID given'));

        it(`reports "No session ID given" synchronously for ${String(value) || "''"} (with options)`, () =>
          expectSyncArgumentError((cb) => newOpenTok().startArchive(value, { name: 'N' }, cb), 'No session ID given'));
      }
    });

    describe('request', () => {
      const cases = [
        ['name only', { name: 'N' }, `{"sessionId":"${SESSION_ID}","name":"N"}`],
        ['hasAudio/hasVideo', { hasAudio: true, hasVideo: false }, `{"sessionId":"${SESSION_ID}","hasAudio":true,"hasVideo":false}`],
        ['outputMode', { outputMode: 'individual' }, `{"sessionId":"${SESSION_ID}","outputMode":"individual"}`],
        [
          'every documented option, in the caller\'s key order',
          {
            resolution: '1280x720',
            name: 'N',
            layout: { type: 'bestFit', screenshareType: 'pip' },
            streamMode: 'manual',
            multiArchiveTag: 'tag',
            maxBitrate: 300000,
            quantizationParameter: 25,
            hasVideo: true,
            hasAudio: false,
            outputMode: 'composed',
          },
          `{"sessionId":"${SESSION_ID}","resolution":"1280x720","name":"N","layout":{"type":"bestFit","screenshareType":"pip"},` +
            '"streamMode":"manual","multiArchiveTag":"tag","maxBitrate":300000,"quantizationParameter":25,' +
            '"hasVideo":true,"hasAudio":false,"outputMode":"composed"}',
        ],
        ['unknown keys verbatim, no validation', { foo: 'bar', hasVideo: 'nope' }, `{"sessionId":"${SESSION_ID}","foo":"bar","hasVideo":"nope"}`],
        ['undefined values dropped by JSON.stringify', { name: undefined, hasAudio: false }, `{"sessionId":"${SESSION_ID}","hasAudio":false}`],
        ['an options sessionId overrides, keeping the first position', { name: 'N', sessionId: 'OTHER' }, '{"sessionId":"OTHER","name":"N"}'],
        ['empty options', {}, `{"sessionId":"${SESSION_ID}"}`],
        ['null options', null, `{"sessionId":"${SESSION_ID}"}`],
        ['undefined options', undefined, `{"sessionId":"${SESSION_ID}"}`],
      ];
      for (const [label, options, expectedBody] of cases) {
        it(`POSTs ${PROJECT_PATH}/archive with the exact JSON body: ${label}`, async () => {
          const { args, seen } = await exchange('POST', [200, archiveJson()], (cb) =>
            newOpenTok().startArchive(SESSION_ID, options, cb),
          );
          expectJsonPost(seen, STARTED_PATH, expectedBody);
          expectArchiveResult(args, archiveJson());
        });
      }

      it('sends {"sessionId":S} when called without options (callback second)', async () => {
        const { args, seen } = await exchange('POST', [200, archiveJson()], (cb) => newOpenTok().startArchive(SESSION_ID, cb));
        expectJsonPost(seen, STARTED_PATH, `{"sessionId":"${SESSION_ID}"}`);
        expectArchiveResult(args, archiveJson());
      });

      it('does not modify the options object', async () => {
        const options = {
          name: 'N',
          hasAudio: true,
          hasVideo: false,
          layout: { type: 'custom', stylesheet: 'stream { }' },
          resolution: '1920x1080',
        };
        const before = JSON.parse(JSON.stringify(options));
        const layout = options.layout;
        const { args, seen } = await exchange('POST', [200, archiveJson()], (cb) =>
          newOpenTok().startArchive(SESSION_ID, options, cb),
        );
        expect(options).to.deep.equal(before);
        expect(Object.keys(options)).to.deep.equal(Object.keys(before));
        expect(options.layout).to.equal(layout);
        expect(options).to.not.have.property('sessionId');
        expectJsonPost(
          seen,
          STARTED_PATH,
          `{"sessionId":"${SESSION_ID}","name":"N","hasAudio":true,"hasVideo":false,` +
            '"layout":{"type":"custom","stylesheet":"stream { }"},"resolution":"1920x1080"}',
        );
        expectArchiveResult(args, archiveJson());
      });

      it('accepts a deeply frozen options object', async () => {
        const options = Object.freeze({ name: 'N', layout: Object.freeze({ type: 'pip' }) });
        const { args, seen } = await exchange('POST', [200, archiveJson()], (cb) =>
          newOpenTok().startArchive(SESSION_ID, options, cb),
        );
        expectJsonPost(seen, STARTED_PATH, `{"sessionId":"${SESSION_ID}","name":"N","layout":{"type":"pip"}}`);
        expect(options).to.deep.equal({ name: 'N', layout: { type: 'pip' } });
        expectArchiveResult(args, archiveJson());
      });

      it('works with the seed-doc snippet (name option, archive.id)', async () => {
        const { args } = await exchange('POST', [200, archiveJson({ id: 'seed-id' })], (cb) =>
          newOpenTok().startArchive(SESSION_ID, { name: 'Important Presentation' }, cb),
        );
        expect(args[0]).to.equal(null);
        expect(args[1].id).to.equal('seed-id');
      });
    });

    describe('responses', () => {
      it('2xx with status "started" → (null, Archive), every key copied', async () => {
        const json = archiveJson({ partnerId: 123, sha256sum: 'abc', password: 'pw', foo: { bar: [1] } });
        const { args } = await exchange('POST', [200, json], (cb) => newOpenTok().startArchive(SESSION_ID, cb));
        expectArchiveResult(args, json);
      });

      it('201 with status "started" is a success too', async () => {
        const { args } = await exchange('POST', [201, archiveJson()], (cb) => newOpenTok().startArchive(SESSION_ID, cb));
        expectArchiveResult(args, archiveJson());
      });

      it('2xx with another status → RequestError with the JSON body, no extra quotes', async () => {
        const { args } = await exchange('POST', [200, { id: 'x', status: 'stopped' }], (cb) =>
          newOpenTok().startArchive(SESSION_ID, { name: 'N' }, cb),
        );
        expectError(args, 'RequestError', 'Unexpected response from OpenTok: {"id":"x","status":"stopped"}', {
          statusCode: 200,
          body: { id: 'x', status: 'stopped' },
        });
      });

      it('2xx with an empty JSON body → RequestError "...: null"', async () => {
        const { args } = await exchange('POST', [200, '', JSON_HEADERS], (cb) => newOpenTok().startArchive(SESSION_ID, cb));
        expectError(args, 'RequestError', 'Unexpected response from OpenTok: null', { statusCode: 200 });
      });

      it('2xx with an empty body → RequestError that shows the status, as 2.x did ({"status":204})', async () => {
        const { args } = await exchange('POST', [204, ''], (cb) => newOpenTok().startArchive(SESSION_ID, cb));
        expectError(args, 'RequestError', 'Unexpected response from OpenTok: {"status":204}', { statusCode: 204 });
      });

      it('404 → ArchiveError("Session not found")', async () => {
        const { args } = await exchange('POST', [404, { message: 'Not found' }], (cb) =>
          newOpenTok().startArchive(SESSION_ID, cb),
        );
        const err = expectError(args, 'ArchiveError', 'Session not found', { statusCode: 404, body: { message: 'Not found' } });
        expect(err).to.not.be.an.instanceof(OpenTok.NotFoundError);
      });

      it('404 with an empty body → ArchiveError without body', async () => {
        const { args } = await exchange('POST', [404, ''], (cb) => newOpenTok().startArchive(SESSION_ID, cb));
        expectError(args, 'ArchiveError', 'Session not found', { statusCode: 404 });
      });

      it('409 → ArchiveError (one argument; 2.23.2 passed two)', async () => {
        const { args } = await exchange('POST', [409, { message: 'Conflict' }], (cb) =>
          newOpenTok().startArchive(SESSION_ID, { name: 'N' }, cb),
        );
        expectError(args, 'ArchiveError', 'Recording already in progress or session not using OpenTok Media Router', {
          statusCode: 409,
          body: { message: 'Conflict' },
        });
      });

      it('400 → generic RequestError (not an ArchiveError)', async () => {
        const { args } = await exchange('POST', [400, { message: 'Invalid layout' }], (cb) =>
          newOpenTok().startArchive(SESSION_ID, cb),
        );
        const err = expectError(args, 'RequestError', 'Unexpected response from OpenTok: "{"message":"Invalid layout"}"', {
          statusCode: 400,
          body: { message: 'Invalid layout' },
        });
        expect(err).to.not.be.an.instanceof(OpenTok.ArchiveError);
      });
    });
  });

  describe('stopArchive', () => {
    it('throws "No callback given to stopArchive" without a callback', () =>
      expectThrowsNoRequest(() => newOpenTok().stopArchive(UUID), 'No callback given to stopArchive'));

    it('throws when the callback is not a function', () =>
      expectThrowsNoRequest(() => newOpenTok().stopArchive(UUID, {}), 'No callback given to stopArchive'));

    it('checks the callback before the archive ID', () =>
      expectThrowsNoRequest(() => newOpenTok().stopArchive(), 'No callback given to stopArchive'));

    for (const value of FALSY_VALUES) {
      it(`reports "No archive ID given" synchronously for ${String(value) || "''"}`, () =>
        expectSyncArgumentError((cb) => newOpenTok().stopArchive(value, cb), 'No archive ID given'));
    }

    it('lets an exception of the validation callback propagate out of the call', () => {
      const boom = new Error('boom');
      let calls = 0;
      expect(() =>
        newOpenTok().stopArchive('', () => {
          calls += 1;
          throw boom;
        }),
      ).to.throw(boom);
      expect(calls).to.equal(1);
    });

    it('POSTs P/archive/{encodeURIComponent(id)}/stop with body {}', async () => {
      const json = archiveJson({ id: ARCHIVE_ID, status: 'stopped' });
      const { args, seen } = await exchange('POST', [200, json], (cb) => newOpenTok().stopArchive(ARCHIVE_ID, cb));
      expectJsonPost(seen, `${PROJECT_PATH}/archive/${ENCODED_ARCHIVE_ID}/stop`, '{}');
      expectArchiveResult(args, json);
    });

    it('encodes every reserved character of the archive ID', async () => {
      const { seen } = await exchange('POST', [200, archiveJson()], (cb) => newOpenTok().stopArchive('x?y#z&w', cb));
      expect(seen.path).to.equal(`${PROJECT_PATH}/archive/x%3Fy%23z%26w/stop`);
    });

    it('2xx with a non-object body → malformed-body RequestError', async () => {
      const { args } = await exchange('POST', [200, 'ok'], (cb) => newOpenTok().stopArchive(UUID, cb));
      expectError(args, 'RequestError', 'Unexpected response from OpenTok: "ok"', { statusCode: 200, body: 'ok' });
    });

    it('404 → ArchiveError("Archive not found")', async () => {
      const { args } = await exchange('POST', [404, ''], (cb) => newOpenTok().stopArchive(UUID, cb));
      const err = expectError(args, 'ArchiveError', 'Archive not found', { statusCode: 404 });
      expect(err).to.not.be.an.instanceof(OpenTok.NotFoundError);
    });

    it('409 → ArchiveError(body.message)', async () => {
      const body = { code: 409, message: 'Conflict. You are trying to stop an archive that is not recording.' };
      const { args } = await exchange('POST', [409, body], (cb) => newOpenTok().stopArchive(UUID, cb));
      expectError(args, 'ArchiveError', 'Conflict. You are trying to stop an archive that is not recording.', {
        statusCode: 409,
        body,
      });
    });

    it('409 with an empty JSON body → ArchiveError("Unknown archive error")', async () => {
      const { args } = await exchange('POST', [409, '', JSON_HEADERS], (cb) => newOpenTok().stopArchive(UUID, cb));
      expectError(args, 'ArchiveError', 'Unknown archive error', { statusCode: 409 });
    });

    it('409 with an empty non-JSON body → ArchiveError("Unknown archive error")', async () => {
      const { args } = await exchange('POST', [409, ''], (cb) => newOpenTok().stopArchive(UUID, cb));
      expectError(args, 'ArchiveError', 'Unknown archive error', { statusCode: 409 });
    });

    it('409 with a JSON body lacking message → ArchiveError("Unknown archive error")', async () => {
      const { args } = await exchange('POST', [409, { code: 409 }], (cb) => newOpenTok().stopArchive(UUID, cb));
      expectError(args, 'ArchiveError', 'Unknown archive error', { statusCode: 409, body: { code: 409 } });
    });

    it('405 → the generic RequestError unchanged', async () => {
      const { args } = await exchange('POST', [405, { message: 'Method not allowed' }], (cb) =>
        newOpenTok().stopArchive(UUID, cb),
      );
      expectError(args, 'RequestError', 'Unexpected response from OpenTok: "{"message":"Method not allowed"}"', {
        statusCode: 405,
        body: { message: 'Method not allowed' },
      });
    });
  });

  describe('getArchive', () => {
    it('throws "No callback given to getArchive" without a callback', () =>
      expectThrowsNoRequest(() => newOpenTok().getArchive(UUID), 'No callback given to getArchive'));

    it('checks the callback before the archive ID', () =>
      expectThrowsNoRequest(() => newOpenTok().getArchive(''), 'No callback given to getArchive'));

    for (const value of FALSY_VALUES) {
      it(`reports "No archive ID given" synchronously for ${String(value) || "''"}`, () =>
        expectSyncArgumentError((cb) => newOpenTok().getArchive(value, cb), 'No archive ID given'));
    }

    it('GETs P/archive/{encodeURIComponent(id)} without body or content type', async () => {
      const json = archiveJson({ id: ARCHIVE_ID, status: 'available', url: 'https://example.com/a.mp4' });
      const { args, seen } = await exchange('GET', [200, json], (cb) => newOpenTok().getArchive(ARCHIVE_ID, cb));
      expectNoBodyRequest(seen, 'GET', `${PROJECT_PATH}/archive/${ENCODED_ARCHIVE_ID}`);
      expectArchiveResult(args, json);
    });

    it('converts a non-string ID with String() before encoding', async () => {
      const { seen } = await exchange('GET', [200, archiveJson()], (cb) => newOpenTok().getArchive(42, cb));
      expect(seen.path).to.equal(`${PROJECT_PATH}/archive/42`);
    });

    it('404 → NotFoundError("Archive not found"), not an ArchiveError', async () => {
      const { args } = await exchange('GET', [404, { message: 'Archive not found' }], (cb) =>
        newOpenTok().getArchive(UUID, cb),
      );
      const err = expectError(args, 'NotFoundError', 'Archive not found', {
        statusCode: 404,
        body: { message: 'Archive not found' },
      });
      expect(err).to.not.be.an.instanceof(OpenTok.ArchiveError);
    });

    it('404 with an empty body → NotFoundError("Archive not found") without body', async () => {
      const { args } = await exchange('GET', [404, ''], (cb) => newOpenTok().getArchive(UUID, cb));
      const err = expectError(args, 'NotFoundError', 'Archive not found', { statusCode: 404 });
      expect(err).to.not.be.an.instanceof(OpenTok.ArchiveError);
    });

    it('500 JSON without a truthy message uses the raw text as message', async () => {
      const { args } = await exchange('GET', [500, '{"code":1}', JSON_HEADERS], (cb) => newOpenTok().getArchive(UUID, cb));
      expectError(args, 'RequestError', 'Unexpected response from OpenTok: "{"message":"{\\"code\\":1}"}"', {
        statusCode: 500,
        body: { code: 1 },
      });
    });
  });

  describe('deleteArchive', () => {
    it('throws "No callback given to deleteArchive" without a callback', () =>
      expectThrowsNoRequest(() => newOpenTok().deleteArchive(UUID), 'No callback given to deleteArchive'));

    it('checks the callback before the archive ID', () =>
      expectThrowsNoRequest(() => newOpenTok().deleteArchive(null, null), 'No callback given to deleteArchive'));

    for (const value of FALSY_VALUES) {
      it(`reports "No archive ID given" synchronously for ${String(value) || "''"}`, () =>
        expectSyncArgumentError((cb) => newOpenTok().deleteArchive(value, cb), 'No archive ID given'));
    }

    it('DELETEs P/archive/{encodeURIComponent(id)}; 204 → callback(null) with one argument', async () => {
      const { args, seen } = await exchange('DELETE', [204, ''], (cb) => newOpenTok().deleteArchive(ARCHIVE_ID, cb));
      expectNoBodyRequest(seen, 'DELETE', `${PROJECT_PATH}/archive/${ENCODED_ARCHIVE_ID}`);
      expect(args).to.deep.equal([null]);
      expect(args).to.have.length(1);
    });

    it('any 2xx (200 with a body) → callback(null)', async () => {
      const { args } = await exchange('DELETE', [200, { ok: true }], (cb) => newOpenTok().deleteArchive(UUID, cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.equal(null);
    });

    it('404 → ArchiveError("Archive not found")', async () => {
      const { args } = await exchange('DELETE', [404, { message: 'nope' }], (cb) => newOpenTok().deleteArchive(UUID, cb));
      const err = expectError(args, 'ArchiveError', 'Archive not found', { statusCode: 404, body: { message: 'nope' } });
      expect(err).to.not.be.an.instanceof(OpenTok.NotFoundError);
    });

    it('409 → the generic RequestError (no ArchiveError here)', async () => {
      const { args } = await exchange('DELETE', [409, { message: 'busy' }], (cb) => newOpenTok().deleteArchive(UUID, cb));
      const err = expectError(args, 'RequestError', 'Unexpected response from OpenTok: "{"message":"busy"}"', {
        statusCode: 409,
        body: { message: 'busy' },
      });
      expect(err).to.not.be.an.instanceof(OpenTok.ArchiveError);
    });
  });

  describe('listArchives', () => {
    const listBody = () => ({
      count: 3,
      items: [
        archiveJson({ id: 'first', status: 'available', url: 'https://example.com/1.mp4' }),
        archiveJson({ id: 'x/y z', status: 'started', foo: 'bar' }),
      ],
    });

    it('throws "No callback given to listArchives" without arguments', () =>
      expectThrowsNoRequest(() => newOpenTok().listArchives(), 'No callback given to listArchives'));

    it('throws with options but no callback', () =>
      expectThrowsNoRequest(() => newOpenTok().listArchives({ count: 5 }), 'No callback given to listArchives'));

    it('throws when the callback position holds a non-function', () =>
      expectThrowsNoRequest(() => newOpenTok().listArchives({}, 5), 'No callback given to listArchives'));

    const queryCases = [
      ['no options (callback first)', undefined, ''],
      ['empty options', {}, ''],
      ['null options', null, ''],
      ['offset 0 omitted', { offset: 0 }, ''],
      ['falsy values omitted', { offset: 0, count: 0, sessionId: '' }, ''],
      ['count only', { count: 5 }, '?count=5'],
      ['offset only', { offset: 10 }, '?offset=10'],
      ['sessionId only', { sessionId: SESSION_ID }, `?sessionId=${SESSION_ID}`],
      ['all three, fixed order', { offset: 10, count: 5, sessionId: SESSION_ID }, `?offset=10&count=5&sessionId=${SESSION_ID}`],
      [
        'all three, reverse insertion order still offset, count, sessionId',
        { sessionId: SESSION_ID, count: 5, offset: 10 },
        `?offset=10&count=5&sessionId=${SESSION_ID}`,
      ],
      ['values as given, not parsed', { offset: '010', count: '1e2' }, '?offset=010&count=1e2'],
      ['URLSearchParams encoding', { sessionId: 'a b/c&d' }, '?sessionId=a+b%2Fc%26d'],
      ['unknown keys ignored', { foo: 'bar', count: 2 }, '?count=2'],
    ];
    for (const [label, options, query] of queryCases) {
      it(`GETs P/archive${query || ' (no "?")'}: ${label}`, async () => {
        const invoke =
          label === 'no options (callback first)'
            ? (cb) => newOpenTok().listArchives(cb)
            : (cb) => newOpenTok().listArchives(options, cb);
        const { args, seen } = await exchange('GET', [200, { count: 0, items: [] }], invoke);
        expectNoBodyRequest(seen, 'GET', `${PROJECT_PATH}/archive${query}`);
        expect(args).to.have.length(3);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.deep.equal([]);
        expect(args[2]).to.equal(0);
      });
    }

    it('does not modify the options object', async () => {
      const options = Object.freeze({ offset: 0, count: 5 });
      const { seen } = await exchange('GET', [200, { count: 0, items: [] }], (cb) => newOpenTok().listArchives(options, cb));
      expect(seen.path).to.equal(`${PROJECT_PATH}/archive?count=5`);
      expect(options).to.deep.equal({ offset: 0, count: 5 });
    });

    it('success → (null, Archive[], totalCount) with exactly three arguments', async () => {
      const body = listBody();
      const { args } = await exchange('GET', [200, body], (cb) => newOpenTok().listArchives(cb));
      expect(args).to.have.length(3);
      expect(args[0]).to.equal(null);
      expect(args[1]).to.be.an('array').with.length(2);
      expectArchiveResult([null, args[1][0]], body.items[0]);
      expectArchiveResult([null, args[1][1]], body.items[1]);
      expect(args[2]).to.equal(3);
    });

    it('items are the same Archive class as getArchive results', async () => {
      const listed = await exchange('GET', [200, listBody()], (cb) => newOpenTok().listArchives(cb));
      const got = await exchange('GET', [200, archiveJson()], (cb) => newOpenTok().getArchive(UUID, cb));
      expect(Object.getPrototypeOf(listed.args[1][0])).to.equal(Object.getPrototypeOf(got.args[1]));
    });

    it('totalCount is 0 when body.count is missing', async () => {
      const { args } = await exchange('GET', [200, { items: [archiveJson()] }], (cb) => newOpenTok().listArchives({}, cb));
      expect(args).to.have.length(3);
      expect(args[1]).to.have.length(1);
      expect(args[2]).to.equal(0);
    });

    it('totalCount is 0 when body.count is null', async () => {
      const { args } = await exchange('GET', [200, { count: null, items: [] }], (cb) => newOpenTok().listArchives(cb));
      expect(args).to.have.length(3);
      expect(args[2]).to.equal(0);
    });

    it('listed archives have a working stop()', async () => {
      const { args } = await exchange('GET', [200, listBody()], (cb) => newOpenTok().listArchives(cb));
      const archive = args[1][1];
      const stopped = archiveJson({ id: 'x/y z', status: 'stopped' });
      const result = await exchange('POST', [200, stopped], (cb) => archive.stop(cb));
      expectJsonPost(result.seen, `${PROJECT_PATH}/archive/x%2Fy%20z/stop`, '{}');
      expectArchiveResult(result.args, stopped);
    });

    it('listed archives have a working delete()', async () => {
      const { args } = await exchange('GET', [200, listBody()], (cb) => newOpenTok().listArchives(cb));
      const result = await exchange('DELETE', [204, ''], (cb) => args[1][0].delete(cb));
      expectNoBodyRequest(result.seen, 'DELETE', `${PROJECT_PATH}/archive/first`);
      expect(result.args).to.deep.equal([null]);
    });

    it('2xx body without items → RequestError with the JSON body', async () => {
      const { args } = await exchange('GET', [200, { count: 1 }], (cb) => newOpenTok().listArchives(cb));
      expectError(args, 'RequestError', 'Unexpected response from OpenTok: {"count":1}', { statusCode: 200, body: { count: 1 } });
    });

    it('2xx body whose items is not an array → RequestError', async () => {
      const body = { count: 1, items: { id: 'x' } };
      const { args } = await exchange('GET', [200, body], (cb) => newOpenTok().listArchives(cb));
      expectError(args, 'RequestError', 'Unexpected response from OpenTok: {"count":1,"items":{"id":"x"}}', {
        statusCode: 200,
        body,
      });
    });

    it('2xx empty JSON body → RequestError "...: null"', async () => {
      const { args } = await exchange('GET', [200, '', JSON_HEADERS], (cb) => newOpenTok().listArchives(cb));
      expectError(args, 'RequestError', 'Unexpected response from OpenTok: null', { statusCode: 200 });
    });

    it('404 → generic NotFoundError("Not Found") with one argument', async () => {
      const { args } = await exchange('GET', [404, ''], (cb) => newOpenTok().listArchives({ count: 1 }, cb));
      expectError(args, 'NotFoundError', 'Not Found', { statusCode: 404 });
    });
  });

  describe('generic status mapping of every archive method', () => {
    const methods = [
      ['startArchive', 'POST', (ot, cb) => ot.startArchive(SESSION_ID, { name: 'N' }, cb)],
      ['stopArchive', 'POST', (ot, cb) => ot.stopArchive(ARCHIVE_ID, cb)],
      ['getArchive', 'GET', (ot, cb) => ot.getArchive(ARCHIVE_ID, cb)],
      ['deleteArchive', 'DELETE', (ot, cb) => ot.deleteArchive(ARCHIVE_ID, cb)],
      ['listArchives', 'GET', (ot, cb) => ot.listArchives({ count: 2 }, cb)],
    ];
    const statuses = [
      ['401', [401, ''], 'AuthError', 'Invalid API key or secret', { statusCode: 401 }],
      ['401 with a JSON body', [401, { message: 'bad' }], 'AuthError', 'Invalid API key or secret', { statusCode: 401, body: { message: 'bad' } }],
      ['403', [403, { code: 403 }], 'AuthError', 'Invalid API key or secret', { statusCode: 403, body: { code: 403 } }],
      [
        '500 JSON { "message" : "Some error." }',
        [500, '{ "message" : "Some error." }', JSON_HEADERS],
        'RequestError',
        'Unexpected response from OpenTok: "{"message":"Some error."}"',
        { statusCode: 500, body: { message: 'Some error.' } },
      ],
      ['503 non-JSON empty body', [503, ''], 'RequestError', 'Unexpected response from OpenTok: "{"message":""}"', { statusCode: 503 }],
      [
        '500 application/json with an empty body (read as message "")',
        [500, '', JSON_HEADERS],
        'RequestError',
        'Unexpected response from OpenTok: "{"message":""}"',
        { statusCode: 500 },
      ],
      [
        '502 plain-text body',
        [502, 'Bad Gateway', { 'Content-Type': 'text/plain; charset=utf-8' }],
        'RequestError',
        'Unexpected response from OpenTok: "{"message":"Bad Gateway"}"',
        { statusCode: 502, body: 'Bad Gateway' },
      ],
    ];
    for (const [name, httpMethod, invoke] of methods) {
      for (const [label, reply, className, message, props] of statuses) {
        it(`${name}: ${label} → ${className}`, async () => {
          const { args } = await exchange(httpMethod, reply, (cb) => invoke(newOpenTok(), cb));
          expectError(args, className, message, props);
        });
      }
    }
  });

  describe('transport failures and malformed bodies', () => {
    it('startArchive: a network error → RequestError with cause, no statusCode', async () => {
      const failure = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      nock(API_URL).post(STARTED_PATH).replyWithError(failure);
      const { args, sync } = await invokeAsync((cb) => newOpenTok().startArchive(SESSION_ID, cb));
      expect(sync).to.equal(false);
      expect(args).to.have.length(1);
      const err = args[0];
      expect(err).to.be.an.instanceof(OpenTok.RequestError);
      expect(err.name).to.equal('RequestError');
      expect(err.message).to.equal(`request to ${API_URL}${STARTED_PATH} failed, reason: connect ECONNREFUSED`);
      expect(err.cause).to.be.an.instanceof(Error);
      expect(err.cause.code).to.equal('ECONNREFUSED');
      expect(err.statusCode).to.equal(undefined);
    });

    it('getArchive: unparseable JSON body → RequestError with SyntaxError cause and statusCode', async () => {
      const { args } = await exchange('GET', [200, '{"id":', JSON_HEADERS], (cb) => newOpenTok().getArchive(UUID, cb));
      expect(args).to.have.length(1);
      const err = args[0];
      expect(err).to.be.an.instanceof(OpenTok.RequestError);
      expect(err.cause).to.be.an.instanceof(SyntaxError);
      expect(err.message).to.equal(err.cause.message);
      expect(err.statusCode).to.equal(200);
    });

    it('listArchives: unparseable JSON error body → one-argument RequestError', async () => {
      const { args } = await exchange('GET', [500, 'not json', JSON_HEADERS], (cb) => newOpenTok().listArchives(cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
      expect(args[0].cause).to.be.an.instanceof(SyntaxError);
      expect(args[0].statusCode).to.equal(500);
    });
  });

  describe('Archive object', () => {
    const fullJson = archiveJson({
      id: ARCHIVE_ID,
      status: 'available',
      partnerId: 123456,
      updatedAt: 1384221730999,
      sha256sum: 'a3f1c0',
      password: 'secret-pw',
      foo: 'bar',
      nested: { deep: [1, { two: 2 }] },
      streams: [{ streamId: 's1', hasAudio: true, hasVideo: false }],
      maxBitrate: 2000000,
      url: 'https://example.com/archive.mp4',
      name: null,
    });

    it('copies every response key as an own enumerable property, and nothing else', async () => {
      const { args } = await exchange('GET', [200, fullJson], (cb) => newOpenTok().getArchive(ARCHIVE_ID, cb));
      const archive = expectArchiveResult(args, fullJson);
      const dataKeys = Object.keys(archive).filter((key) => typeof archive[key] !== 'function');
      expect(dataKeys).to.have.members(Object.keys(fullJson));
      expect(archive).to.be.an.instanceof(Object);
      expect(archive.name).to.equal(null);
    });

    it('a "__proto__" key in the response does not change the prototype', async () => {
      const reference = (await exchange('GET', [200, archiveJson()], (cb) => newOpenTok().getArchive(UUID, cb))).args[1];
      const raw = `{"id":"${UUID}","status":"available","__proto__":{"stop":"nope","delete":"nope","polluted":true}}`;
      const { args } = await exchange('GET', [200, raw, JSON_HEADERS], (cb) => newOpenTok().getArchive(UUID, cb));
      expect(args).to.have.length(2);
      const archive = args[1];
      expect(Object.getPrototypeOf(archive)).to.equal(Object.getPrototypeOf(reference));
      expect(archive.stop).to.be.a('function');
      expect(archive.delete).to.be.a('function');
      expect(archive.polluted).to.equal(undefined);
      expect({}.polluted).to.equal(undefined);
      expect(archive).to.be.an.instanceof(Object);
      expect(archive.id).to.equal(UUID);

      const stopped = await exchange('POST', [200, archiveJson({ status: 'stopped' })], (cb) => archive.stop(cb));
      expectJsonPost(stopped.seen, `${PROJECT_PATH}/archive/${UUID}/stop`, '{}');
      expectArchiveResult(stopped.args, archiveJson({ status: 'stopped' }));
    });

    const sources = [
      ['startArchive', 'POST', (ot, cb) => ot.startArchive(SESSION_ID, cb), archiveJson({ id: ARCHIVE_ID, status: 'started' })],
      ['stopArchive', 'POST', (ot, cb) => ot.stopArchive(ARCHIVE_ID, cb), archiveJson({ id: ARCHIVE_ID, status: 'stopped' })],
      ['getArchive', 'GET', (ot, cb) => ot.getArchive(ARCHIVE_ID, cb), archiveJson({ id: ARCHIVE_ID, status: 'available' })],
      [
        'listArchives',
        'GET',
        (ot, cb) => ot.listArchives((err, archives, total) => cb(err, archives && archives[0], total)),
        { count: 1, items: [archiveJson({ id: ARCHIVE_ID, status: 'started' })] },
      ],
    ];
    for (const [source, httpMethod, obtain, reply] of sources) {
      const fetchArchive = async () => {
        const { args } = await exchange(httpMethod, [200, reply], (cb) => obtain(newOpenTok(), cb));
        expect(args[0]).to.equal(null);
        expect(args[1].id).to.equal(ARCHIVE_ID);
        return args[1];
      };

      it(`archive.stop(cb) ≡ stopArchive(id) on an archive from ${source}`, async () => {
        const archive = await fetchArchive();
        const stopped = archiveJson({ id: ARCHIVE_ID, status: 'stopped', reason: 'user initiated' });
        const { args, seen } = await exchange('POST', [200, stopped], (cb) => archive.stop(cb));
        expectJsonPost(seen, `${PROJECT_PATH}/archive/${ENCODED_ARCHIVE_ID}/stop`, '{}');
        const result = expectArchiveResult(args, stopped);
        expect(result.stop).to.be.a('function');
      });

      it(`archive.delete(cb) ≡ deleteArchive(id) on an archive from ${source}`, async () => {
        const archive = await fetchArchive();
        const { args, seen } = await exchange('DELETE', [204, ''], (cb) => archive.delete(cb));
        expectNoBodyRequest(seen, 'DELETE', `${PROJECT_PATH}/archive/${ENCODED_ARCHIVE_ID}`);
        expect(args).to.deep.equal([null]);
      });
    }

    it('archive.stop maps errors like stopArchive (409 → ArchiveError(body.message))', async () => {
      const archive = (await exchange('GET', [200, archiveJson()], (cb) => newOpenTok().getArchive(UUID, cb))).args[1];
      const { args } = await exchange('POST', [409, { message: 'Not recording' }], (cb) => archive.stop(cb));
      expectError(args, 'ArchiveError', 'Not recording', { statusCode: 409, body: { message: 'Not recording' } });
    });

    it('archive.delete maps errors like deleteArchive (404 → ArchiveError("Archive not found"))', async () => {
      const archive = (await exchange('GET', [200, archiveJson()], (cb) => newOpenTok().getArchive(UUID, cb))).args[1];
      const { args } = await exchange('DELETE', [404, ''], (cb) => archive.delete(cb));
      expectError(args, 'ArchiveError', 'Archive not found', { statusCode: 404 });
    });

    it('archive.stop / archive.delete without a callback throw like the opentok methods', async () => {
      const archive = (await exchange('GET', [200, archiveJson()], (cb) => newOpenTok().getArchive(UUID, cb))).args[1];
      await expectThrowsNoRequest(() => archive.stop(), 'No callback given to stopArchive');
      await expectThrowsNoRequest(() => archive.delete(), 'No callback given to deleteArchive');
    });

    it('uses the ID of construction time even if archive.id is reassigned', async () => {
      const archive = (await exchange('GET', [200, archiveJson()], (cb) => newOpenTok().getArchive(UUID, cb))).args[1];
      archive.id = 'changed';
      const stop = await exchange('POST', [200, archiveJson({ status: 'stopped' })], (cb) => archive.stop(cb));
      expect(stop.seen.path).to.equal(`${PROJECT_PATH}/archive/${UUID}/stop`);
      const del = await exchange('DELETE', [204, ''], (cb) => archive.delete(cb));
      expect(del.seen.path).to.equal(`${PROJECT_PATH}/archive/${UUID}`);
    });

    it('archives are bound to the OpenTok instance that produced them (its key, secret and base URL)', async () => {
      const otherKey = '654321';
      const otherSecret = 'fedcba0987654321fedcba0987654321fedcba09';
      const otherUrl = 'https://other.example.com';
      const ot = new OpenTok(otherKey, otherSecret, otherUrl);
      nock(otherUrl).get(`/v2/project/${otherKey}/archive/${UUID}`).reply(200, archiveJson());
      const got = await callbackArgs((cb) => ot.getArchive(UUID, cb));
      expect(got[0]).to.equal(null);
      let headers;
      nock(otherUrl)
        .delete(`/v2/project/${otherKey}/archive/${UUID}`)
        .reply(function () {
          headers = this.req.headers;
          return [204, ''];
        });
      const args = await callbackArgs((cb) => got[1].delete(cb));
      expect(args).to.deep.equal([null]);
      expectAuthHeaders(headers, { apiKey: otherKey, secret: otherSecret });
    });
  });
});
