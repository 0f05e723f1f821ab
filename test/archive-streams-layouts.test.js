'use strict';
// Archive stream patching (addArchiveStream, removeArchiveStream) and the layout methods
// setArchiveLayout and setBroadcastLayout, whose pass-through callbacks forward the HTTP layer's
// (err, body, response) unchanged: (null, body, response) on success, (err, body, response) on an
// HTTP error (body null for 401/403/404), (err, null, null) on a transport failure.
const net = require('net');
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const {
  API_KEY,
  API_SECRET,
  API_URL,
  PROJECT_PATH,
  callbackArgs,
  useNock,
} = require('./helpers');
const {
  invokeAsync,
  exchange,
  expectError,
  expectJsonRequest,
  expectPlainError,
  expectThrowsNoRequest,
  expectSyncReport,
  expectSyncArgumentError,
} = require('./support/wire-harness');

const ARCHIVE_ID = 'a/b c';
const ENCODED_ARCHIVE_ID = 'a%2Fb%20c';
const UUID = '78d335fa-323d-0114-9c3d-d6f0d48968cf';
const STREAM_ID = '4072fe0f-d499-4f2f-8237-64f5a9d936f6';
const FALSY_VALUES = ['', null, undefined, 0, false, NaN];
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const STYLESHEET = 'stream.instructor {position: absolute; width: 100%;  height:50%;}';

function newOpenTok(options) {
  return new OpenTok(API_KEY, API_SECRET, options);
}

function label(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `array ${JSON.stringify(value)}`;
  if (value !== null && typeof value === 'object') return `object ${JSON.stringify(value)}`;
  return String(value);
}

/** A function that records its calls; used as a "not the callback" argument or a decoy. */
function spy() {
  const calls = [];
  const fn = (...args) => calls.push(args);
  fn.calls = calls;
  return fn;
}

/** A layout validation error: a plain `Error(message)`, not an SDK class. */
const checkPlainError = (message) => (err) => expectPlainError(err, message);

/** Resolves with a local TCP port that nothing listens on. */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------

describe('archive streams and layouts', () => {
  useNock();

  describe('addArchiveStream / removeArchiveStream', () => {
    const streamsPath = (encodedId) => `${PROJECT_PATH}/archive/${encodedId}/streams`;

    describe('missing callback', () => {
      it('addArchiveStream(id, streamId) throws "No callback given to addArchiveStream"', () =>
        expectThrowsNoRequest(() => newOpenTok().addArchiveStream(UUID, STREAM_ID), 'No callback given to addArchiveStream'));

      it('addArchiveStream(id, streamId, options) throws', () =>
        expectThrowsNoRequest(
          () => newOpenTok().addArchiveStream(UUID, STREAM_ID, { hasAudio: false }),
          'No callback given to addArchiveStream',
        ));

      it('addArchiveStream(id, streamId, options, non-function) throws', () =>
        expectThrowsNoRequest(
          () => newOpenTok().addArchiveStream(UUID, STREAM_ID, {}, 'callback'),
          'No callback given to addArchiveStream',
        ));

      it('addArchiveStream checks the callback before the IDs', () =>
        expectThrowsNoRequest(() => newOpenTok().addArchiveStream(), 'No callback given to addArchiveStream'));

      it('removeArchiveStream(id, streamId) throws "No callback given to removeArchiveStream"', () =>
        expectThrowsNoRequest(
          () => newOpenTok().removeArchiveStream(UUID, STREAM_ID),
          'No callback given to removeArchiveStream',
        ));

      it('removeArchiveStream(id, streamId, non-function) throws', () =>
        expectThrowsNoRequest(
          () => newOpenTok().removeArchiveStream(UUID, STREAM_ID, {}),
          'No callback given to removeArchiveStream',
        ));

      it('removeArchiveStream has no options: a callback in 4th position does not count', () => {
        const cb = spy();
        return expectThrowsNoRequest(
          () => newOpenTok().removeArchiveStream(UUID, STREAM_ID, {}, cb),
          'No callback given to removeArchiveStream',
        ).then(() => expect(cb.calls).to.have.length(0));
      });

      it('removeArchiveStream checks the callback before the IDs', () =>
        expectThrowsNoRequest(() => newOpenTok().removeArchiveStream(''), 'No callback given to removeArchiveStream'));
    });

    describe('validation (synchronous, one argument, no request, stops at the first error)', () => {
      const forms = [
        ['addArchiveStream (no options)', (ot, id, sid, cb) => ot.addArchiveStream(id, sid, cb)],
        ['addArchiveStream (with options)', (ot, id, sid, cb) => ot.addArchiveStream(id, sid, { hasAudio: false }, cb)],
        ['removeArchiveStream', (ot, id, sid, cb) => ot.removeArchiveStream(id, sid, cb)],
      ];
      for (const [name, call] of forms) {
        for (const value of FALSY_VALUES) {
          it(`${name}: archiveId ${label(value)} → ArgumentError("No Archive ID given")`, () =>
            expectSyncArgumentError((cb) => call(newOpenTok(), value, STREAM_ID, cb), 'No Archive ID given'));

          it(`${name}: streamId ${label(value)} → ArgumentError("Need one of addStream or removeStream")`, () =>
            expectSyncArgumentError((cb) => call(newOpenTok(), UUID, value, cb), 'Need one of addStream or removeStream'));
        }

        it(`${name}: both IDs missing → only the archive ID error is reported`, () =>
          expectSyncArgumentError((cb) => call(newOpenTok(), '', undefined, cb), 'No Archive ID given'));
      }

      it('lets an exception of the validation callback propagate out of the call', () => {
        const boom = new Error('boom');
        let calls = 0;
        expect(() =>
          newOpenTok().addArchiveStream('', STREAM_ID, () => {
            calls += 1;
            throw boom;
          }),
        ).to.throw(boom);
        expect(calls).to.equal(1);
      });
    });

    describe('request', () => {
      const addCases = [
        ['no options (callback third)', undefined, '{"hasAudio":true,"hasVideo":true,"addStream":"S"}'],
        ['empty options', {}, '{"hasAudio":true,"hasVideo":true,"addStream":"S"}'],
        ['null options', null, '{"hasAudio":true,"hasVideo":true,"addStream":"S"}'],
        ['undefined options', 'undefined', '{"hasAudio":true,"hasVideo":true,"addStream":"S"}'],
        ['{hasAudio:false}', { hasAudio: false }, '{"hasAudio":false,"hasVideo":true,"addStream":"S"}'],
        ['{hasVideo:false}', { hasVideo: false }, '{"hasAudio":true,"hasVideo":false,"addStream":"S"}'],
        ['{hasVideo:0}', { hasVideo: 0 }, '{"hasAudio":true,"hasVideo":false,"addStream":"S"}'],
        ['{hasAudio:""}', { hasAudio: '' }, '{"hasAudio":false,"hasVideo":true,"addStream":"S"}'],
        ['{hasAudio:null, hasVideo:NaN}', { hasAudio: null, hasVideo: NaN }, '{"hasAudio":false,"hasVideo":false,"addStream":"S"}'],
        ['own key with value undefined counts as present', { hasAudio: undefined }, '{"hasAudio":false,"hasVideo":true,"addStream":"S"}'],
        ['{hasAudio:"yes"}', { hasAudio: 'yes' }, '{"hasAudio":true,"hasVideo":true,"addStream":"S"}'],
        ['{hasAudio:1, hasVideo:{}}', { hasAudio: 1, hasVideo: {} }, '{"hasAudio":true,"hasVideo":true,"addStream":"S"}'],
        ['both false', { hasAudio: false, hasVideo: false }, '{"hasAudio":false,"hasVideo":false,"addStream":"S"}'],
        [
          'fixed key order whatever the options order, unknown keys ignored',
          { hasVideo: false, foo: 'bar', hasAudio: true, addStream: 'OTHER' },
          '{"hasAudio":true,"hasVideo":false,"addStream":"S"}',
        ],
        [
          'inherited keys do not count (Object.create({hasAudio:false}))',
          Object.create({ hasAudio: false, hasVideo: false }),
          '{"hasAudio":true,"hasVideo":true,"addStream":"S"}',
        ],
      ];
      for (const [name, options, body] of addCases) {
        it(`addArchiveStream PATCHes P/archive/{encoded id}/streams with ${body}: ${name}`, async () => {
          const { args, seen } = await exchange('PATCH', [204, ''], (cb) => {
            const ot = newOpenTok();
            if (options === undefined) ot.addArchiveStream(ARCHIVE_ID, 'S', cb);
            else ot.addArchiveStream(ARCHIVE_ID, 'S', options === 'undefined' ? undefined : options, cb);
          });
          expectJsonRequest(seen, 'PATCH', streamsPath(ENCODED_ARCHIVE_ID), body);
          expect(args).to.deep.equal([null]);
        });
      }

      it('removeArchiveStream PATCHes P/archive/{encoded id}/streams with {"removeStream":"S"}', async () => {
        const { args, seen } = await exchange('PATCH', [204, ''], (cb) =>
          newOpenTok().removeArchiveStream(ARCHIVE_ID, 'S', cb),
        );
        expectJsonRequest(seen, 'PATCH', streamsPath(ENCODED_ARCHIVE_ID), '{"removeStream":"S"}');
        expect(args).to.deep.equal([null]);
      });

      it('encodes every reserved character of the archive ID (add and remove)', async () => {
        const id = 'x?y#z&w:v,u';
        const encoded = encodeURIComponent(id);
        expect(encoded).to.equal('x%3Fy%23z%26w%3Av%2Cu');
        const add = await exchange('PATCH', [204, ''], (cb) => newOpenTok().addArchiveStream(id, STREAM_ID, cb));
        expect(add.seen.path).to.equal(streamsPath(encoded));
        const remove = await exchange('PATCH', [204, ''], (cb) => newOpenTok().removeArchiveStream(id, STREAM_ID, cb));
        expect(remove.seen.path).to.equal(streamsPath(encoded));
      });

      it('uses the configured apiUrl', async () => {
        const base = 'https://other.example.com';
        let seenPath;
        nock(base)
          .patch(() => true)
          .reply(function (uri) {
            seenPath = uri;
            return [204, ''];
          });
        const args = await callbackArgs((cb) => newOpenTok({ apiUrl: base }).removeArchiveStream(UUID, STREAM_ID, cb));
        expect(args).to.deep.equal([null]);
        expect(seenPath).to.equal(streamsPath(UUID));
      });

      it('does not modify the options object and accepts a frozen one', async () => {
        const options = { hasVideo: 0, hasAudio: 'yes', extra: { nested: true } };
        const before = JSON.parse(JSON.stringify(options));
        const extra = options.extra;
        const { args, seen } = await exchange('PATCH', [204, ''], (cb) =>
          newOpenTok().addArchiveStream(UUID, 'S', options, cb),
        );
        expect(options).to.deep.equal(before);
        expect(Object.keys(options)).to.deep.equal(['hasVideo', 'hasAudio', 'extra']);
        expect(options.extra).to.equal(extra);
        expect(options).to.not.have.property('addStream');
        expect(seen.body).to.equal('{"hasAudio":true,"hasVideo":false,"addStream":"S"}');
        expect(args).to.deep.equal([null]);

        const frozen = Object.freeze({ hasAudio: false });
        const second = await exchange('PATCH', [204, ''], (cb) => newOpenTok().addArchiveStream(UUID, 'S', frozen, cb));
        expect(second.seen.body).to.equal('{"hasAudio":false,"hasVideo":true,"addStream":"S"}');
        expect(second.args).to.deep.equal([null]);
      });
    });

    describe('responses', () => {
      const methods = [
        ['addArchiveStream', (ot, cb) => ot.addArchiveStream(UUID, STREAM_ID, { hasAudio: false }, cb)],
        ['removeArchiveStream', (ot, cb) => ot.removeArchiveStream(UUID, STREAM_ID, cb)],
      ];
      for (const [name, invoke] of methods) {
        describe(name, () => {
          it('204 → callback(null) with exactly one argument', async () => {
            const { args } = await exchange('PATCH', [204, ''], (cb) => invoke(newOpenTok(), cb));
            expect(args).to.have.length(1);
            expect(args[0]).to.equal(null);
          });

          it('200 with a JSON body → callback(null) with exactly one argument', async () => {
            const { args } = await exchange('PATCH', [200, { ignored: true }], (cb) => invoke(newOpenTok(), cb));
            expect(args).to.have.length(1);
            expect(args[0]).to.equal(null);
          });

          it('400 with a JSON body → ArgumentError("Invalid request: " + JSON.stringify(body))', async () => {
            const body = { code: 400, message: 'Stream already in archive' };
            const { args } = await exchange('PATCH', [400, body], (cb) => invoke(newOpenTok(), cb));
            expectError(args, 'ArgumentError', 'Invalid request: {"code":400,"message":"Stream already in archive"}', {
              statusCode: 400,
              body,
            });
          });

          it('400 with an empty non-JSON body → ArgumentError(\'Invalid request: ""\')', async () => {
            const { args } = await exchange('PATCH', [400, ''], (cb) => invoke(newOpenTok(), cb));
            expectError(args, 'ArgumentError', 'Invalid request: ""', { statusCode: 400 });
          });

          it('400 with an empty JSON body → ArgumentError("Invalid request: null")', async () => {
            const { args } = await exchange('PATCH', [400, '', JSON_HEADERS], (cb) => invoke(newOpenTok(), cb));
            expectError(args, 'ArgumentError', 'Invalid request: null', { statusCode: 400 });
          });

          it('405 → ArchiveError("Unsupported Stream Mode")', async () => {
            const body = { message: 'Archive is in auto stream mode' };
            const { args } = await exchange('PATCH', [405, body], (cb) => invoke(newOpenTok(), cb));
            expectError(args, 'ArchiveError', 'Unsupported Stream Mode', { statusCode: 405, body });
          });

          it('404 → ArchiveError("Archive or stream not found"), not a NotFoundError', async () => {
            const { args } = await exchange('PATCH', [404, ''], (cb) => invoke(newOpenTok(), cb));
            const err = expectError(args, 'ArchiveError', 'Archive or stream not found', { statusCode: 404 });
            expect(err).to.not.be.an.instanceof(OpenTok.NotFoundError);
          });

          it('404 with a JSON body → ArchiveError carrying the body', async () => {
            const body = { message: 'Not found' };
            const { args } = await exchange('PATCH', [404, body], (cb) => invoke(newOpenTok(), cb));
            expectError(args, 'ArchiveError', 'Archive or stream not found', { statusCode: 404, body });
          });

          it('401 → AuthError("Invalid API key or secret")', async () => {
            const { args } = await exchange('PATCH', [401, ''], (cb) => invoke(newOpenTok(), cb));
            expectError(args, 'AuthError', 'Invalid API key or secret', { statusCode: 401 });
          });

          it('403 with a JSON body → AuthError carrying the body', async () => {
            const body = { code: 403 };
            const { args } = await exchange('PATCH', [403, body], (cb) => invoke(newOpenTok(), cb));
            expectError(args, 'AuthError', 'Invalid API key or secret', { statusCode: 403, body });
          });

          it('500 → generic RequestError', async () => {
            const { args } = await exchange('PATCH', [500, '{ "message" : "Some error." }', JSON_HEADERS], (cb) =>
              invoke(newOpenTok(), cb),
            );
            expectError(args, 'RequestError', 'Unexpected response from OpenTok: "{"message":"Some error."}"', {
              statusCode: 500,
              body: { message: 'Some error.' },
            });
          });

          it('409 → generic RequestError (no method-specific mapping)', async () => {
            const { args } = await exchange('PATCH', [409, ''], (cb) => invoke(newOpenTok(), cb));
            expectError(args, 'RequestError', 'Unexpected response from OpenTok: "{"message":""}"', {
              statusCode: 409,
            });
          });

          it('a network error → one-argument RequestError with cause', async () => {
            nock(API_URL)
              .patch(() => true)
              .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
            const { args, sync } = await invokeAsync((cb) => invoke(newOpenTok(), cb));
            expect(sync).to.equal(false);
            expect(args).to.have.length(1);
            expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
            expect(args[0].message).to.equal(
              `request to ${API_URL}${streamsPath(UUID)} failed, reason: connect ECONNREFUSED`,
            );
            expect(args[0].cause.code).to.equal('ECONNREFUSED');
            expect(args[0].statusCode).to.equal(undefined);
          });
        });
      }
    });
  });

  // -------------------------------------------------------------------------------------------

  const LAYOUT_METHODS = [
    {
      name: 'setArchiveLayout',
      resource: 'archive',
      idMessage: 'Invalid arguments -- must provide an archiveId string.',
    },
    {
      name: 'setBroadcastLayout',
      resource: 'broadcast',
      idMessage: 'Invalid arguments -- must provide an broadcastId string.',
    },
  ];

  for (const { name, resource, idMessage } of LAYOUT_METHODS) {
    const layoutPath = (id) => `${PROJECT_PATH}/${resource}/${id}/layout`;
    const call = (ot, ...args) => ot[name](...args);

    describe(name, () => {
      describe('missing callback', () => {
        const noCallbackForms = [
          ['(id, type)', [UUID, 'bestFit']],
          ['(id, type, stylesheet)', [UUID, 'custom', STYLESHEET]],
          ['(id, type, stylesheet, screenshareType)', [UUID, 'bestFit', null, 'pip']],
          ['(id, type, stylesheet, screenshareType, non-function)', [UUID, 'bestFit', 'css', 'pip', 'callback']],
          ['(id, type, null, null, {})', [UUID, 'bestFit', null, null, {}]],
          ['invalid id and type (checked after the callback)', [123, 456]],
          ['no arguments', []],
        ];
        for (const [form, args] of noCallbackForms) {
          it(`${form} throws ArgumentError("Invalid arguments -- must provide a callback function.")`, () =>
            expectThrowsNoRequest(
              () => call(newOpenTok(), ...args),
              'Invalid arguments -- must provide a callback function.',
            ));
        }
      });

      describe('validation (plain Error, synchronous, one argument, no request)', () => {
        const checkId = checkPlainError(idMessage);
        const TYPE_MSG = 'Invalid arguments -- must provide a type string.';
        const SS_FN_MSG = 'Invalid arguments -- stylesheet cannot be a function.';
        const SS_STR_MSG = 'Invalid arguments -- stylesheet must be a string.';
        const ST_FN_MSG = 'Invalid arguments -- screenshareType cannot be a function.';
        const ST_STR_MSG = 'Invalid arguments -- screenshareType must be a string.';
        const BESTFIT_MSG = 'Invalid arguments -- type must be set to "bestFit" if you set screenshareType.';

        for (const id of [123, null, undefined, {}, ['x'], true, Object('abc')]) {
          it(`id ${label(id)} → "${idMessage}" (callback third)`, () =>
            expectSyncReport((cb) => call(newOpenTok(), id, 'bestFit', cb), checkId));

          it(`id ${label(id)} → "${idMessage}" (callback fifth)`, () =>
            expectSyncReport((cb) => call(newOpenTok(), id, 'bestFit', null, 'pip', cb), checkId));
        }

        it('id error comes before every other error', () =>
          expectSyncReport((cb) => call(newOpenTok(), 42, 7, spy(), spy(), cb), checkId));

        for (const type of [undefined, null, 1, {}, ['bestFit'], true, Object('bestFit')]) {
          it(`type ${label(type)} → "${TYPE_MSG}"`, () =>
            expectSyncReport((cb) => call(newOpenTok(), UUID, type, cb), checkPlainError(TYPE_MSG)));
        }

        it('type error comes before stylesheet and screenshareType errors', () =>
          expectSyncReport((cb) => call(newOpenTok(), UUID, 5, 1, 2, cb), checkPlainError(TYPE_MSG)));

        it('stylesheet a function that is not the callback: (id, "custom", fnA, "x", cbB) → cannot be a function', async () => {
          const fnA = spy();
          await expectSyncReport((cb) => call(newOpenTok(), UUID, 'custom', fnA, 'x', cb), checkPlainError(SS_FN_MSG));
          expect(fnA.calls, 'the stylesheet function is never called').to.have.length(0);
        });

        it('stylesheet and screenshareType both functions with a 5th callback → the stylesheet error goes to the 5th', async () => {
          const fnA = spy();
          const fnB = spy();
          await expectSyncReport((cb) => call(newOpenTok(), UUID, 'bestFit', fnA, fnB, cb), checkPlainError(SS_FN_MSG));
          expect(fnA.calls).to.have.length(0);
          expect(fnB.calls).to.have.length(0);
        });

        for (const stylesheet of [1, true, {}, [], ['a'], Object('css')]) {
          it(`stylesheet ${label(stylesheet)} → "${SS_STR_MSG}" (callback fourth)`, () =>
            expectSyncReport((cb) => call(newOpenTok(), UUID, 'custom', stylesheet, cb), checkPlainError(SS_STR_MSG)));

          it(`stylesheet ${label(stylesheet)} → "${SS_STR_MSG}" (callback fifth)`, () =>
            expectSyncReport(
              (cb) => call(newOpenTok(), UUID, 'custom', stylesheet, undefined, cb),
              checkPlainError(SS_STR_MSG),
            ));
        }

        it('stylesheet error comes before the screenshareType errors', () =>
          expectSyncReport((cb) => call(newOpenTok(), UUID, 'pip', 1, 2, cb), checkPlainError(SS_STR_MSG)));

        it('screenshareType a function that is not the callback: (id, "bestFit", null, fnA, cbB)', async () => {
          const fnA = spy();
          await expectSyncReport((cb) => call(newOpenTok(), UUID, 'bestFit', null, fnA, cb), checkPlainError(ST_FN_MSG));
          expect(fnA.calls).to.have.length(0);
        });

        it('(id, type, cbA, fnB): the 3rd argument is the callback and the 4th a screenshareType function', async () => {
          const fnB = spy();
          await expectSyncReport((cb) => call(newOpenTok(), UUID, 'bestFit', cb, fnB), checkPlainError(ST_FN_MSG));
          expect(fnB.calls, 'the 4th-position function is not the callback').to.have.length(0);
        });

        it('(id, type, cbA, fnB, "x"): a non-function 5th argument changes nothing', async () => {
          const fnB = spy();
          await expectSyncReport((cb) => call(newOpenTok(), UUID, 'bestFit', cb, fnB, 'x'), checkPlainError(ST_FN_MSG));
          expect(fnB.calls).to.have.length(0);
        });

        it('screenshareType function error is reported even when type is not bestFit', () =>
          expectSyncReport((cb) => call(newOpenTok(), UUID, 'pip', null, spy(), cb), checkPlainError(ST_FN_MSG)));

        for (const screenshareType of [1, true, {}, ['pip'], Object('pip')]) {
          it(`screenshareType ${label(screenshareType)} → "${ST_STR_MSG}"`, () =>
            expectSyncReport(
              (cb) => call(newOpenTok(), UUID, 'bestFit', null, screenshareType, cb),
              checkPlainError(ST_STR_MSG),
            ));
        }

        it('"must be a string" comes before the bestFit check', () =>
          expectSyncReport((cb) => call(newOpenTok(), UUID, 'pip', null, 7, cb), checkPlainError(ST_STR_MSG)));

        for (const type of ['pip', 'custom', 'focus', 'verticalPresentation', 'BestFit', 'bestfit', '']) {
          it(`screenshareType "pip" with type ${JSON.stringify(type)} → "${BESTFIT_MSG}"`, () =>
            expectSyncReport((cb) => call(newOpenTok(), UUID, type, null, 'pip', cb), checkPlainError(BESTFIT_MSG)));
        }

        it('the bestFit check also applies with a stylesheet and with the callback third: (id, "custom", cb, "pip")', () =>
          expectSyncReport((cb) => call(newOpenTok(), UUID, 'custom', cb, 'pip'), checkPlainError(BESTFIT_MSG)));

        it('the bestFit check applies with a stylesheet given: (id, "custom", css, "pip", cb)', () =>
          expectSyncReport(
            (cb) => call(newOpenTok(), UUID, 'custom', STYLESHEET, 'pip', cb),
            checkPlainError(BESTFIT_MSG),
          ));

        it('lets an exception of the validation callback propagate out of the call', () => {
          const boom = new Error('boom');
          let calls = 0;
          expect(() =>
            call(newOpenTok(), 42, 'bestFit', () => {
              calls += 1;
              throw boom;
            }),
          ).to.throw(boom);
          expect(calls).to.equal(1);
        });
      });

      describe('callback resolution and request body', () => {
        const ok = [200, { id: UUID, type: 'bestFit' }];
        const cases = [
          ['(id, "bestFit", cb)', (cb) => [UUID, 'bestFit', cb], '{"type":"bestFit"}'],
          ['(id, "pip", cb): the callback in stylesheet position counts as absent', (cb) => [UUID, 'pip', cb], '{"type":"pip"}'],
          [
            '(id, "custom", stylesheet, cb)',
            (cb) => [UUID, 'custom', STYLESHEET, cb],
            `{"type":"custom","stylesheet":"${STYLESHEET}"}`,
          ],
          [
            '(id, "custom", null, cb): the callback in screenshareType position counts as absent (no bestFit error)',
            (cb) => [UUID, 'custom', null, cb],
            '{"type":"custom"}',
          ],
          ['(id, "bestFit", null, "pip", cb)', (cb) => [UUID, 'bestFit', null, 'pip', cb], '{"type":"bestFit","screenshareType":"pip"}'],
          [
            '(id, "bestFit", stylesheet, "verticalPresentation", cb)',
            (cb) => [UUID, 'bestFit', 'css', 'verticalPresentation', cb],
            '{"type":"bestFit","stylesheet":"css","screenshareType":"verticalPresentation"}',
          ],
          [
            '(id, "bestFit", cb, "pip"): callback third, screenshareType fourth',
            (cb) => [UUID, 'bestFit', cb, 'pip'],
            '{"type":"bestFit","screenshareType":"pip"}',
          ],
          [
            '(id, "custom", stylesheet, cb, "junk"): a non-function 5th argument is ignored',
            (cb) => [UUID, 'custom', 'css', cb, 'junk'],
            '{"type":"custom","stylesheet":"css"}',
          ],
          [
            '(id, "bestFit", cb, undefined, {}): a non-function 5th argument is ignored',
            (cb) => [UUID, 'bestFit', cb, undefined, {}],
            '{"type":"bestFit"}',
          ],
          ['falsy stylesheet "" omitted', (cb) => [UUID, 'pip', '', cb], '{"type":"pip"}'],
          ['falsy stylesheet 0 omitted', (cb) => [UUID, 'pip', 0, cb], '{"type":"pip"}'],
          ['falsy stylesheet false omitted', (cb) => [UUID, 'pip', false, cb], '{"type":"pip"}'],
          ['falsy stylesheet undefined omitted', (cb) => [UUID, 'pip', undefined, cb], '{"type":"pip"}'],
          ['falsy stylesheet NaN omitted', (cb) => [UUID, 'pip', NaN, undefined, cb], '{"type":"pip"}'],
          ['null stylesheet and null screenshareType omitted', (cb) => [UUID, 'pip', null, null, cb], '{"type":"pip"}'],
          ['falsy screenshareType "" omitted (no bestFit error)', (cb) => [UUID, 'custom', 'css', '', cb], '{"type":"custom","stylesheet":"css"}'],
          ['falsy screenshareType 0 / false omitted', (cb) => [UUID, 'focus', false, 0, cb], '{"type":"focus"}'],
          ['type "" is a string', (cb) => [UUID, '', cb], '{"type":""}'],
          ['type passed through unvalidated', (cb) => [UUID, 'whatever', cb], '{"type":"whatever"}'],
        ];
        for (const [form, argsOf, body] of cases) {
          it(`${form} → PUT ${resource}/{id}/layout with ${body}`, async () => {
            const { args, seen } = await exchange('PUT', ok, (cb) => call(newOpenTok(), ...argsOf(cb)));
            expectJsonRequest(seen, 'PUT', layoutPath(UUID), body);
            expect(args).to.have.length(3);
            expect(args[0]).to.equal(null);
            expect(args[1]).to.deep.equal(ok[1]);
          });
        }
      });

      describe('path: the ID is inserted without encodeURIComponent', () => {
        const ok = [200, { ok: true }];
        for (const id of ['abc:def', 'a,b', 'abc:def,ghi@jkl$mno;p=q+r&s']) {
          it(`id ${JSON.stringify(id)} reaches the server as-is`, async () => {
            expect(encodeURIComponent(id), 'encodeURIComponent would change this ID').to.not.equal(id);
            const { args, seen } = await exchange('PUT', ok, (cb) => call(newOpenTok(), id, 'bestFit', cb));
            expect(seen.path).to.equal(layoutPath(id));
            expect(seen.path).to.not.equal(layoutPath(encodeURIComponent(id)));
            expect(seen.path).to.not.match(/%3A|%2C|%40|%24|%3B|%3D|%2B|%26/);
            expect(args[0]).to.equal(null);
          });
        }

        it('a "/" in the ID is not encoded as %2F', async () => {
          const { seen } = await exchange('PUT', ok, (cb) => call(newOpenTok(), 'a/b', 'bestFit', cb));
          expect(seen.path).to.equal(`${PROJECT_PATH}/${resource}/a/b/layout`);
          expect(seen.path).to.not.include('%2F');
        });

        it('an empty ID is a string: PUT P/' + resource + '//layout', async () => {
          const { seen, args } = await exchange('PUT', ok, (cb) => call(newOpenTok(), '', 'bestFit', cb));
          expect(seen.path).to.equal(`${PROJECT_PATH}/${resource}//layout`);
          expect(args[0]).to.equal(null);
        });

        it('uses the configured apiUrl', async () => {
          const base = 'https://other.example.com';
          let seenPath;
          nock(base)
            .put(() => true)
            .reply(function (uri) {
              seenPath = uri;
              return [204, ''];
            });
          const args = await callbackArgs((cb) => call(newOpenTok(base), UUID, 'bestFit', cb));
          expect(args).to.have.length(3);
          expect(args[0]).to.equal(null);
          expect(seenPath).to.equal(layoutPath(UUID));
        });
      });

      describe('pass-through callback: (err, body, response) as the HTTP layer gives them', () => {
        /** Asserts the fetch-like response object: status, statusText, ok, url, headers.get(). */
        function expectResponse(response, { status, ok, statusText }) {
          expect(typeof response, 'typeof response').to.equal('object');
          expect(response, 'response').to.not.equal(null);
          expect(response.status).to.equal(status);
          expect(response.ok).to.equal(ok);
          expect(response.statusText).to.equal(statusText);
          expect(response.url).to.equal(`${API_URL}${layoutPath(UUID)}`);
          expect(typeof response.headers).to.equal('object');
          expect(response.headers.get).to.be.a('function');
        }

        it('200 JSON → (null, body, response) with status/ok/statusText/url/headers.get', async () => {
          const body = { id: UUID, layout: { type: 'bestFit' } };
          const { args, seen } = await exchange(
            'PUT',
            [200, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': 'req-42' }],
            (cb) => call(newOpenTok(), UUID, 'bestFit', cb),
          );
          expectJsonRequest(seen, 'PUT', layoutPath(UUID), '{"type":"bestFit"}');
          expect(args).to.have.length(3);
          expect(args[0]).to.equal(null);
          expect(args[1]).to.deep.equal(body);
          expectResponse(args[2], { status: 200, ok: true, statusText: 'OK' });
          expect(args[2].headers.get('x-request-id')).to.equal('req-42');
          expect(args[2].headers.get('X-REQUEST-ID')).to.equal('req-42');
          expect(args[2].headers.get('Content-Type')).to.equal('application/json; charset=utf-8');
        });

        it('204 empty → (null, "", response)', async () => {
          const { args } = await exchange('PUT', [204, ''], (cb) => call(newOpenTok(), UUID, 'pip', cb));
          expect(args).to.have.length(3);
          expect(args[0]).to.equal(null);
          expect(args[1]).to.equal('');
          expectResponse(args[2], { status: 204, ok: true, statusText: 'No Content' });
        });

        it('200 with an empty JSON body → (null, null, response)', async () => {
          const { args } = await exchange('PUT', [200, '', JSON_HEADERS], (cb) => call(newOpenTok(), UUID, 'pip', cb));
          expect(args).to.have.length(3);
          expect(args[0]).to.equal(null);
          expect(args[1]).to.equal(null);
          expectResponse(args[2], { status: 200, ok: true, statusText: 'OK' });
        });

        it('200 with a text body → (null, text, response)', async () => {
          const { args } = await exchange('PUT', [200, 'done', { 'Content-Type': 'text/plain' }], (cb) =>
            call(newOpenTok(), UUID, 'pip', cb),
          );
          expect(args).to.have.length(3);
          expect(args[0]).to.equal(null);
          expect(args[1]).to.equal('done');
          expectResponse(args[2], { status: 200, ok: true, statusText: 'OK' });
        });

        const errorCases = [
          ['401 empty', [401, ''], 'AuthError', 'Invalid API key or secret', undefined, null, 'Unauthorized'],
          ['401 JSON', [401, { message: 'bad key' }], 'AuthError', 'Invalid API key or secret', { message: 'bad key' }, null, 'Unauthorized'],
          ['403 JSON', [403, { code: 403 }], 'AuthError', 'Invalid API key or secret', { code: 403 }, null, 'Forbidden'],
          ['404 JSON', [404, { message: 'Archive not found' }], 'NotFoundError', 'Not Found', { message: 'Archive not found' }, null, 'Not Found'],
          ['404 empty', [404, ''], 'NotFoundError', 'Not Found', undefined, null, 'Not Found'],
          [
            '400 JSON',
            [400, { message: 'Invalid layout' }],
            'RequestError',
            'Unexpected response from OpenTok: "{"message":"Invalid layout"}"',
            { message: 'Invalid layout' },
            { message: 'Invalid layout' },
            'Bad Request',
          ],
          [
            '500 JSON { "message" : "Some error." }',
            [500, '{ "message" : "Some error." }', JSON_HEADERS],
            'RequestError',
            'Unexpected response from OpenTok: "{"message":"Some error."}"',
            { message: 'Some error.' },
            { message: 'Some error.' },
            'Internal Server Error',
          ],
          [
            '500 application/json with an empty body (read as message "")',
            [500, '', JSON_HEADERS],
            'RequestError',
            'Unexpected response from OpenTok: "{"message":""}"',
            undefined,
            null,
            'Internal Server Error',
          ],
          [
            '503 plain-text body',
            [503, 'Service Unavailable', { 'Content-Type': 'text/plain' }],
            'RequestError',
            'Unexpected response from OpenTok: "{"message":"Service Unavailable"}"',
            'Service Unavailable',
            'Service Unavailable',
            'Service Unavailable',
          ],
        ];
        for (const [title, reply, className, message, errBody, argBody, statusText] of errorCases) {
          it(`${title} → (${className}, ${argBody === null ? 'null' : 'body'}, response)`, async () => {
            const { args } = await exchange('PUT', reply, (cb) => call(newOpenTok(), UUID, 'bestFit', cb));
            expect(args, 'callback arguments').to.have.length(3);
            const [err, body, response] = args;
            expect(err).to.be.an.instanceof(Error);
            expect(err).to.be.an.instanceof(OpenTok[className]);
            expect(err.name).to.equal(className);
            expect(err.message).to.equal(message);
            expect(err.statusCode).to.equal(reply[0]);
            if (errBody === undefined) expect(err.body, 'err.body').to.equal(undefined);
            else expect(err.body).to.deep.equal(errBody);
            if (argBody === null) expect(body).to.equal(null);
            else expect(body).to.deep.equal(argBody);
            expectResponse(response, { status: reply[0], ok: false, statusText });
          });
        }

        it('400 is the generic RequestError, not an ArgumentError', async () => {
          const { args } = await exchange('PUT', [400, { message: 'x' }], (cb) => call(newOpenTok(), UUID, 'bestFit', cb));
          expect(args[0]).to.not.be.an.instanceof(OpenTok.ArgumentError);
          expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
        });

        it('unparseable JSON body → (RequestError, null, null)', async () => {
          const { args } = await exchange('PUT', [200, '{"id":', JSON_HEADERS], (cb) => call(newOpenTok(), UUID, 'bestFit', cb));
          expect(args).to.have.length(3);
          expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
          expect(args[0].cause).to.be.an.instanceof(SyntaxError);
          expect(args[0].message).to.equal(args[0].cause.message);
          expect(args[0].statusCode).to.equal(200);
          expect(args[1]).to.equal(null);
          expect(args[2]).to.equal(null);
        });

        describe('transport failure on a closed local port', () => {
          before(() => nock.enableNetConnect('127.0.0.1'));
          after(() => nock.disableNetConnect());

          it('→ (RequestError with cause ECONNREFUSED, null, null), asynchronously', async () => {
            const port = await closedPort();
            const base = `http://127.0.0.1:${port}`;
            const url = `${base}${layoutPath(UUID)}`;
            const { args, sync } = await invokeAsync((cb) =>
              call(newOpenTok({ apiUrl: base }), UUID, 'bestFit', null, 'pip', cb),
            );
            expect(sync).to.equal(false);
            expect(args, 'callback arguments').to.have.length(3);
            const [err, body, response] = args;
            expect(err).to.be.an.instanceof(OpenTok.RequestError);
            expect(err.name).to.equal('RequestError');
            expect(err.cause).to.be.an.instanceof(Error);
            expect(err.cause.code).to.equal('ECONNREFUSED');
            expect(err.message).to.equal(`request to ${url} failed, reason: ${err.cause.message}`);
            expect(err.message).to.equal(`request to ${url} failed, reason: connect ECONNREFUSED 127.0.0.1:${port}`);
            expect(err.statusCode).to.equal(undefined);
            expect(body).to.equal(null);
            expect(response).to.equal(null);
          });
        });
      });
    });
  }
});
