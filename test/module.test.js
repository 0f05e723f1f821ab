'use strict';
// Module shape, constructor, options, Vonage-mode activation and error classes.
const crypto = require('crypto');
const http = require('http');
const util = require('util');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const nock = require('nock');
const sinon = require('sinon');
const OpenTok = require('opentok');
const {
  API_KEY,
  API_SECRET,
  API_URL,
  ERROR_CLASS_NAMES,
  PROJECT_PATH,
  SDK_VERSION,
  SESSION_ID,
  callbackArgs,
  expectAuthHeaders,
  normalizeHeaders,
  useNock,
} = require('./helpers');

const DEFAULT_MESSAGES = {
  ArgumentError: '',
  AuthError: 'Invalid API key or secret',
  ArchiveError: '',
  CaptionsError: 'Live captions have already started for this OpenTok Session',
  SipError: '',
  SignalError: '',
  ForceDisconnectError: '',
  CallbackError: '',
  RequestError: 'Unexpected response from OpenTok',
  NotFoundError: 'Not Found',
};

// Every public method of the full surface (all of opentok@2.23.2's API methods).
const API_METHODS = [
  'createSession',
  'generateToken',
  'generateJwt',
  'startArchive',
  'stopArchive',
  'getArchive',
  'deleteArchive',
  'listArchives',
  'addArchiveStream',
  'removeArchiveStream',
  'setArchiveLayout',
  'startBroadcast',
  'stopBroadcast',
  'getBroadcast',
  'listBroadcasts',
  'addBroadcastStream',
  'removeBroadcastStream',
  'setBroadcastLayout',
  'dial',
  'playDTMF',
  'websocketConnect',
  'getStream',
  'listStreams',
  'setStreamClassLists',
  'forceDisconnect',
  'forceMuteStream',
  'forceMuteAll',
  'disableForceMute',
  'signal',
  'listRenders',
  'getRender',
  'startRender',
  'stopRender',
  'startCaptions',
  'stopCaptions',
  'registerCallback',
  'unregisterCallback',
  'listCallbacks',
];

const APPLICATION_ID = '8f2b6c1e-3d4a-4b5c-9e7f-0a1b2c3d4e5f';
const VONAGE_API_URL = 'https://video.api.vonage.com';

/** Returns the error `fn` throws (fails when it does not throw). */
function thrownBy(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** Intercepts GET {base}{path} once, answering with an archive, and records the request headers. */
function interceptGetArchive(base, path, seen) {
  return nock(base)
    .get(path)
    .reply(function () {
      seen.headers = this.req.headers;
      return [200, { id: 'abc', status: 'available' }];
    });
}

/** Calls getArchive('abc') and asserts a successful `(null, Archive)` result. */
async function getArchiveOk(opentok) {
  const args = await callbackArgs((cb) => opentok.getArchive('abc', cb));
  expect(args).to.have.length(2);
  expect(args[0]).to.equal(null);
  expect(args[1]).to.include({ id: 'abc' });
  return args;
}

describe('module shape', () => {
  useNock();

  it('require("opentok") is the OpenTok constructor function', () => {
    expect(OpenTok).to.be.a('function');
  });

  it('works with new and without new; instanceof holds for both', () => {
    const withNew = new OpenTok(API_KEY, API_SECRET);
    const withoutNew = OpenTok(API_KEY, API_SECRET);
    expect(withNew).to.be.instanceOf(OpenTok);
    expect(withoutNew).to.be.instanceOf(OpenTok);
    expect(Object.getPrototypeOf(withNew)).to.equal(OpenTok.prototype);
    expect(Object.getPrototypeOf(withoutNew)).to.equal(OpenTok.prototype);
    expect(withoutNew.apiKey).to.equal(API_KEY);
    expect(withoutNew.apiSecret).to.equal(API_SECRET);
    expect(withoutNew.apiUrl).to.equal(API_URL);
    expect(withoutNew.createSession).to.be.a('function');
    expect(withoutNew.getArchive).to.be.a('function');
  });

  it('every method works without its object, and a double on the prototype still applies', async () => {
    const opentok = new OpenTok(API_KEY, API_SECRET);
    const { generateToken, getArchive } = opentok;
    expect(() => getArchive()).to.throw(OpenTok.ArgumentError, 'No callback given to getArchive');
    expect(generateToken(SESSION_ID)).to.be.a('string');
    const stub = sinon.stub(OpenTok.prototype, 'generateToken').returns('stubbed');
    try {
      expect(opentok.generateToken(SESSION_ID)).to.equal('stubbed');
      expect(generateToken(SESSION_ID)).to.equal('stubbed');
      expect(stub.firstCall.thisValue).to.equal(opentok);
    } finally {
      stub.restore();
    }
    // Own, non-enumerable: nothing shows in keys, JSON or spreading.
    expect(Object.keys(opentok)).to.deep.equal(['apiKey', 'apiUrl']);
    expect(Object.getOwnPropertyDescriptor(opentok, 'startArchive')).to.include({ enumerable: false, writable: true, configurable: true });
  });

  it('the call without new passes the third argument through', () => {
    expect(OpenTok(API_KEY, API_SECRET, 'http://example.test').apiUrl).to.equal('http://example.test');
    expect(OpenTok(API_KEY, API_SECRET, { apiUrl: 'http://other.test' }).apiUrl).to.equal('http://other.test');
  });

  it('the call without new validates like the constructor', () => {
    const error = thrownBy(() => OpenTok('key'));
    expect(error.message).to.equal('Invalid arguments when initializing OpenTok: apiKey=key, apiSecret=undefined');
  });

  it('instances have opentok.constructor === OpenTok', () => {
    expect(new OpenTok(API_KEY, API_SECRET).constructor).to.equal(OpenTok);
    expect(OpenTok(API_KEY, API_SECRET).constructor).to.equal(OpenTok);
  });

  it('exposes the ten error classes first, in the order of opentok@2.23.2', () => {
    expect(Object.keys(OpenTok).slice(0, 10)).to.deep.equal(ERROR_CLASS_NAMES);
    for (const name of ERROR_CLASS_NAMES) {
      expect(OpenTok[name], name).to.be.a('function');
      expect(OpenTok[name].name, name).to.equal(name);
    }
  });

  it('the ten error classes are distinct', () => {
    expect(new Set(ERROR_CLASS_NAMES.map((name) => OpenTok[name])).size).to.equal(10);
  });

  it('exposes OpenTok.Session and OpenTok.SipInterconnect constructors', () => {
    expect(OpenTok.Session).to.be.a('function');
    expect(OpenTok.SipInterconnect).to.be.a('function');
  });

  it('keeps the legacy deep module paths', () => {
    expect(require('opentok/lib/opentok.js')).to.equal(OpenTok);
    expect(require('opentok/lib/session.js')).to.equal(OpenTok.Session);
    expect(require('opentok/lib/sipInterconnect.js')).to.equal(OpenTok.SipInterconnect);
  });

  it('a constructor loaded through the legacy path builds the same kind of client', () => {
    const LegacyOpenTok = require('opentok/lib/opentok.js');
    const opentok = new LegacyOpenTok(API_KEY, API_SECRET);
    expect(opentok).to.be.instanceOf(OpenTok);
  });

  it('createSession yields an instance of the lib/session.js constructor', async () => {
    nock(API_URL).post('/session/create').reply(200, [{ session_id: 'SESSIONID' }]);
    const opentok = new OpenTok(API_KEY, API_SECRET);
    const args = await callbackArgs((cb) => opentok.createSession(cb));
    expect(args).to.have.length(2);
    expect(args[0]).to.equal(null);
    expect(args[1]).to.be.instanceOf(require('opentok/lib/session.js'));
    expect(args[1]).to.be.instanceOf(OpenTok.Session);
    expect(args[1].sessionId).to.equal('SESSIONID');
  });

  it('dial yields an instance of the lib/sipInterconnect.js constructor', async () => {
    nock(API_URL)
      .post(`${PROJECT_PATH}/dial`)
      .reply(200, { id: 'conf', connectionId: 'conn', streamId: 'stream' });
    const opentok = new OpenTok(API_KEY, API_SECRET);
    const args = await callbackArgs((cb) => opentok.dial('SESSIONID', 'TOKEN', 'sip:user@sip.example.com', cb));
    expect(args).to.have.length(2);
    expect(args[0]).to.equal(null);
    expect(args[1]).to.be.instanceOf(require('opentok/lib/sipInterconnect.js'));
    expect(args[1]).to.include({ id: 'conf', connectionId: 'conn', streamId: 'stream' });
  });

  it('every API method of the full surface is callable on an instance', () => {
    const opentok = new OpenTok(API_KEY, API_SECRET);
    const missing = API_METHODS.filter((name) => typeof opentok[name] !== 'function');
    expect(missing, 'methods missing on the instance').to.deep.equal([]);
  });
});

describe('error classes', () => {
  for (const name of ERROR_CLASS_NAMES) {
    describe(name, () => {
      it('is a real Error subclass with name, stack and the default message', () => {
        const ErrorClass = OpenTok[name];
        const error = new ErrorClass();
        expect(error).to.be.instanceOf(Error);
        expect(error).to.be.instanceOf(ErrorClass);
        expect(Object.getPrototypeOf(ErrorClass.prototype) === Error.prototype || ErrorClass.prototype instanceof Error)
          .to.equal(true);
        expect(error.name).to.equal(name);
        expect(error.message).to.equal(DEFAULT_MESSAGES[name]);
        expect(error.stack).to.be.a('string');
        expect(error.stack).to.include(name);
        expect(error.stack).to.include('module.test.js');
        const expectedString = DEFAULT_MESSAGES[name] ? `${name}: ${DEFAULT_MESSAGES[name]}` : name;
        expect(String(error)).to.equal(expectedString);
        expect(Object.prototype.toString.call(error)).to.equal('[object Error]');
      });

      it('uses a given message', () => {
        const error = new OpenTok[name]('Something specific');
        expect(error.message).to.equal('Something specific');
        expect(error.name).to.equal(name);
        expect(String(error)).to.equal(`${name}: Something specific`);
        expect(error.stack.split('\n')[0]).to.equal(`${name}: Something specific`);
      });

      it('is not an instance of the other error classes', () => {
        const error = new OpenTok[name]('x');
        for (const other of ERROR_CLASS_NAMES.filter((n) => n !== name)) {
          expect(error, other).to.not.be.instanceOf(OpenTok[other]);
        }
      });

      it('carries no statusCode, body or cause when not built from a response', () => {
        const error = new OpenTok[name]('validation failed');
        expect(error).to.not.have.property('statusCode');
        expect(error).to.not.have.property('body');
        expect(error).to.not.have.property('cause');
      });
    });
  }
});

describe('new OpenTok(apiKey, apiSecret) validation', () => {
  const invalid = [
    { args: ['key'], message: 'apiKey=key, apiSecret=undefined' },
    { args: ['key', {}], message: 'apiKey=key, apiSecret=[object Object]' },
    { args: [], message: 'apiKey=undefined, apiSecret=undefined' },
    { args: ['key', null], message: 'apiKey=key, apiSecret=null' },
    { args: ['key', 12345], message: 'apiKey=key, apiSecret=12345' },
    { args: [123, 456], message: 'apiKey=123, apiSecret=456' },
    { args: [{}, undefined], message: 'apiKey=[object Object], apiSecret=undefined' },
    // An object secret shows its type tag, not its text: a Buffer read from a key file must not leak.
    { args: [true, ['a']], message: 'apiKey=true, apiSecret=[object Array]' },
    { args: ['key', Buffer.from('-----BEGIN PRIVATE KEY-----')], message: 'apiKey=key, apiSecret=[object Uint8Array]' },
    { args: [Object.create(null), 's'], message: 'apiKey=[object Object], apiSecret=[redacted]' },
  ];
  for (const { args, message } of invalid) {
    it(`throws for (${args.map((a) => util.inspect(a)).join(', ')})`, () => {
      const error = thrownBy(() => new OpenTok(...args));
      expect(error.constructor).to.equal(Error);
      expect(error.name).to.equal('Error');
      expect(error.message).to.equal(`Invalid arguments when initializing OpenTok: ${message}`);
    });
  }

  const redacted = [
    { apiKey: null, shown: 'null' },
    { apiKey: undefined, shown: 'undefined' },
    { apiKey: {}, shown: '[object Object]' },
    { apiKey: true, shown: 'true' },
  ];
  for (const { apiKey, shown } of redacted) {
    it(`never shows a string secret in the error (apiKey=${shown})`, () => {
      const error = thrownBy(() => new OpenTok(apiKey, 'mysecret'));
      expect(error.constructor).to.equal(Error);
      expect(error.message).to.equal(
        `Invalid arguments when initializing OpenTok: apiKey=${shown}, apiSecret=[redacted]`,
      );
      expect(error.message).to.not.include('mysecret');
      expect(String(error.stack)).to.not.include('mysecret');
      expect(util.inspect(error)).to.not.include('mysecret');
    });
  }

  it('never shows a real-looking secret in the error', () => {
    const error = thrownBy(() => new OpenTok(null, API_SECRET));
    expect(error.message).to.not.include(API_SECRET);
    expect(util.inspect(error)).to.not.include(API_SECRET);
  });

  it('stores a numeric apiKey as a string', () => {
    const opentok = new OpenTok(123456, API_SECRET);
    expect(opentok.apiKey).to.equal('123456');
    expect(opentok.apiKey).to.be.a('string');
  });

  it('uses the stringified numeric apiKey in request paths and the JWT issuer', async () => {
    const seen = {};
    interceptGetArchive(API_URL, `${PROJECT_PATH}/archive/abc`, seen);
    const opentok = new OpenTok(Number(API_KEY), API_SECRET);
    await getArchiveOk(opentok);
    const claims = expectAuthHeaders(seen.headers);
    expect(claims.iss).to.equal(API_KEY);
  });

  it('accepts empty strings', () => {
    const opentok = new OpenTok('', '');
    expect(opentok).to.be.instanceOf(OpenTok);
    expect(opentok.apiKey).to.equal('');
    expect(opentok.apiSecret).to.equal('');
    expect(opentok.apiUrl).to.equal(API_URL);
  });

  it('keeps apiKey and apiSecret as given', () => {
    const opentok = new OpenTok('my-key', 'my secret');
    expect(opentok.apiKey).to.equal('my-key');
    expect(opentok.apiSecret).to.equal('my secret');
  });
});

describe('third constructor argument', () => {
  useNock();

  it('defaults apiUrl to https://api.opentok.com', () => {
    expect(new OpenTok(API_KEY, API_SECRET).apiUrl).to.equal('https://api.opentok.com');
    expect(new OpenTok(API_KEY, API_SECRET, undefined).apiUrl).to.equal('https://api.opentok.com');
    expect(new OpenTok(API_KEY, API_SECRET, null).apiUrl).to.equal('https://api.opentok.com');
  });

  it('sends requests to the default base URL', async () => {
    const seen = {};
    const scope = interceptGetArchive(API_URL, `${PROJECT_PATH}/archive/abc`, seen);
    await getArchiveOk(new OpenTok(API_KEY, API_SECRET));
    expect(scope.isDone()).to.equal(true);
  });

  it('a string third argument is the base URL', async () => {
    const opentok = new OpenTok(API_KEY, API_SECRET, 'http://example.test:8080');
    expect(opentok.apiUrl).to.equal('http://example.test:8080');
    const seen = {};
    const scope = interceptGetArchive('http://example.test:8080', `${PROJECT_PATH}/archive/abc`, seen);
    await getArchiveOk(opentok);
    expect(scope.isDone()).to.equal(true);
  });

  it('an object with apiUrl sets the base URL', async () => {
    const opentok = new OpenTok(API_KEY, API_SECRET, { apiUrl: 'https://other.example.test' });
    expect(opentok.apiUrl).to.equal('https://other.example.test');
    const seen = {};
    const scope = interceptGetArchive('https://other.example.test', `${PROJECT_PATH}/archive/abc`, seen);
    await getArchiveOk(opentok);
    expect(scope.isDone()).to.equal(true);
  });

  it('accepts every documented key together', () => {
    const agent = new http.Agent();
    const opentok = new OpenTok(API_KEY, API_SECRET, {
      apiUrl: 'http://example.test',
      proxy: 'http://127.0.0.1:3128',
      uaAddendum: 'my-app/1.0',
      timeout: 5000,
      agent,
    });
    expect(opentok).to.be.instanceOf(OpenTok);
    expect(opentok.apiUrl).to.equal('http://example.test');
    agent.destroy();
  });

  it('uaAddendum is appended to the User-Agent after one space', async () => {
    const seen = {};
    interceptGetArchive(API_URL, `${PROJECT_PATH}/archive/abc`, seen);
    await getArchiveOk(new OpenTok(API_KEY, API_SECRET, { uaAddendum: 'my-app/1.0 (test)' }));
    expect(normalizeHeaders(seen.headers)['user-agent']).to.equal(`OpenTok-Node-SDK/${SDK_VERSION} my-app/1.0 (test)`);
    expectAuthHeaders(seen.headers, { uaAddendum: 'my-app/1.0 (test)' });
  });

  it('an empty or non-string uaAddendum adds nothing', async () => {
    for (const uaAddendum of ['', 42, { name: 'x' }]) {
      const seen = {};
      interceptGetArchive(API_URL, `${PROJECT_PATH}/archive/abc`, seen);
      await getArchiveOk(new OpenTok(API_KEY, API_SECRET, { uaAddendum }));
      expect(normalizeHeaders(seen.headers)['user-agent'], util.inspect(uaAddendum)).to.equal(
        `OpenTok-Node-SDK/${SDK_VERSION}`,
      );
    }
  });

  it('refuses a non-string apiUrl (ArgumentError naming apiUrl); null and undefined are the default', () => {
    for (const apiUrl of [42, { href: 'http://x.test' }, new URL('http://example.test'), ['http://x.test'], true]) {
      expect(() => new OpenTok(API_KEY, API_SECRET, { apiUrl }), util.inspect(apiUrl)).to.throw(OpenTok.ArgumentError, /^Invalid apiUrl option: /);
    }
    for (const apiUrl of [null, undefined]) {
      expect(new OpenTok(API_KEY, API_SECRET, { apiUrl }).apiUrl, String(apiUrl)).to.equal(API_URL);
    }
  });

  it('ignores an array third argument (even one with an apiUrl property)', () => {
    const array = ['http://x.test'];
    array.apiUrl = 'http://y.test';
    expect(new OpenTok(API_KEY, API_SECRET, array).apiUrl).to.equal(API_URL);
    expect(new OpenTok(API_KEY, API_SECRET, []).apiUrl).to.equal(API_URL);
  });

  it('ignores a function third argument (even one with an apiUrl property)', () => {
    const fn = () => 'http://x.test';
    fn.apiUrl = 'http://y.test';
    expect(new OpenTok(API_KEY, API_SECRET, fn).apiUrl).to.equal(API_URL);
  });

  it('ignores a number or boolean third argument', () => {
    expect(new OpenTok(API_KEY, API_SECRET, 8080).apiUrl).to.equal(API_URL);
    expect(new OpenTok(API_KEY, API_SECRET, true).apiUrl).to.equal(API_URL);
  });

  it('ignores an ignored third argument entirely (requests go to the default URL)', async () => {
    const array = [];
    array.uaAddendum = 'should-not-appear';
    const seen = {};
    const scope = interceptGetArchive(API_URL, `${PROJECT_PATH}/archive/abc`, seen);
    await getArchiveOk(new OpenTok(API_KEY, API_SECRET, array));
    expect(scope.isDone()).to.equal(true);
    expect(normalizeHeaders(seen.headers)['user-agent']).to.equal(`OpenTok-Node-SDK/${SDK_VERSION}`);
  });

  it('has no apiEndpoint option', async () => {
    const opentok = new OpenTok(API_KEY, API_SECRET, { apiEndpoint: 'http://x.test' });
    expect(opentok.apiUrl).to.equal(API_URL);
    const seen = {};
    const scope = interceptGetArchive(API_URL, `${PROJECT_PATH}/archive/abc`, seen);
    await getArchiveOk(opentok);
    expect(scope.isDone()).to.equal(true);
  });

  for (const [label, options] of [
    ['an apiUrl option', { apiUrl: 'http://example.test/' }],
    ['a string third argument', 'http://example.test/'],
    ['several slashes', { apiUrl: 'http://example.test///' }],
  ]) {
    it(`removes the trailing slashes of ${label}: requests go to /v2/project/…, not //v2/project/…`, async () => {
      const opentok = new OpenTok(API_KEY, API_SECRET, options);
      expect(opentok.apiUrl).to.equal('http://example.test');
      let seenPath;
      const scope = nock('http://example.test')
        .get(() => true)
        .reply(function (uri) {
          seenPath = uri;
          return [200, { id: 'abc', status: 'available' }];
        });
      await getArchiveOk(opentok);
      expect(scope.isDone()).to.equal(true);
      expect(seenPath).to.equal(`${PROJECT_PATH}/archive/abc`);
    });
  }

  it('a trailing slash after a path prefix is removed too', () => {
    expect(new OpenTok(API_KEY, API_SECRET, 'http://example.test/prefix/').apiUrl).to.equal('http://example.test/prefix');
  });

  it('a base URL with a path prefix is used by concatenation', async () => {
    const opentok = new OpenTok(API_KEY, API_SECRET, 'http://example.test/prefix');
    let seenPath;
    nock('http://example.test')
      .get(() => true)
      .reply(function (uri) {
        seenPath = uri;
        return [200, { id: 'abc', status: 'available' }];
      });
    await getArchiveOk(opentok);
    expect(seenPath).to.equal(`/prefix${PROJECT_PATH}/archive/abc`);
  });

  it('does not modify the options object', () => {
    const options = { apiUrl: 'http://example.test', timeout: '300', uaAddendum: 'x' };
    const copy = { ...options };
    new OpenTok(API_KEY, API_SECRET, options);
    expect(options).to.deep.equal(copy);
  });
});

describe('secret hygiene', () => {
  const secret = 'TOP-SECRET-abcdef0123456789';

  it('util.inspect, JSON.stringify and Object.keys never show the secret', () => {
    const opentok = new OpenTok(API_KEY, secret, { apiUrl: 'http://example.test', uaAddendum: 'app' });
    expect(util.inspect(opentok)).to.not.include(secret);
    expect(util.inspect(opentok, { depth: null })).to.not.include(secret);
    expect(JSON.stringify(opentok)).to.not.include(secret);
    expect(Object.keys(opentok)).to.not.include('apiSecret');
    for (const key of Object.keys(opentok)) {
      expect(String(opentok[key]), key).to.not.include(secret);
    }
    expect(`${opentok}`).to.not.include(secret);
  });

  it('the secret is still readable as opentok.apiSecret', () => {
    const opentok = new OpenTok(API_KEY, secret);
    expect(opentok.apiSecret).to.equal(secret);
  });

  it('a Session holding the client does not show the secret either', () => {
    const opentok = new OpenTok(API_KEY, secret);
    const session = new OpenTok.Session(opentok, 'SESSIONID');
    expect(util.inspect(session, { depth: null })).to.not.include(secret);
    expect(Object.keys(session)).to.deep.equal(['ot', 'sessionId']);
  });
});

describe('Vonage application mode: activation', () => {
  useNock();
  let pkcs8;
  let pkcs1;
  let publicKey;

  before(() => {
    const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'pem' });
    pkcs1 = pair.privateKey.export({ type: 'pkcs1', format: 'pem' });
    publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' });
    expect(pkcs8.startsWith('-----BEGIN PRIVATE KEY')).to.equal(true);
    expect(pkcs1.startsWith('-----BEGIN RSA PRIVATE KEY')).to.equal(true);
  });

  it('defaults the base URL to https://video.api.vonage.com', () => {
    const opentok = new OpenTok(APPLICATION_ID, pkcs8);
    expect(opentok.apiUrl).to.equal(VONAGE_API_URL);
    expect(opentok.apiKey).to.equal(APPLICATION_ID);
    expect(opentok.apiSecret).to.equal(pkcs8);
  });

  it('matches the application id case-insensitively', () => {
    expect(new OpenTok(APPLICATION_ID.toUpperCase(), pkcs8).apiUrl).to.equal(VONAGE_API_URL);
  });

  it('apiUrl overrides the Vonage default', () => {
    expect(new OpenTok(APPLICATION_ID, pkcs8, 'http://example.test').apiUrl).to.equal('http://example.test');
    expect(new OpenTok(APPLICATION_ID, pkcs8, { apiUrl: 'http://example.test' }).apiUrl).to.equal(
      'http://example.test',
    );
  });

  it('is not triggered by an RSA PRIVATE KEY (PKCS#1) or a non-UUID key', () => {
    expect(new OpenTok(APPLICATION_ID, pkcs1).apiUrl).to.equal(API_URL);
    expect(new OpenTok(API_KEY, pkcs8).apiUrl).to.equal(API_URL);
    expect(new OpenTok(`${APPLICATION_ID}x`, pkcs8).apiUrl).to.equal(API_URL);
    expect(new OpenTok(APPLICATION_ID, API_SECRET).apiUrl).to.equal(API_URL);
  });

  it('does not validate the private key in the constructor', () => {
    const opentok = new OpenTok(APPLICATION_ID, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
    expect(opentok.apiUrl).to.equal(VONAGE_API_URL);
  });

  it('authenticates REST calls with Authorization: Bearer <RS256 JWT>, same paths', async () => {
    let seen;
    const scope = nock(VONAGE_API_URL)
      .get(`/v2/project/${APPLICATION_ID}/archive/abc`)
      .reply(function () {
        seen = normalizeHeaders(this.req.headers);
        return [200, { id: 'abc', status: 'available' }];
      });
    await getArchiveOk(new OpenTok(APPLICATION_ID, pkcs8));
    expect(scope.isDone()).to.equal(true);
    expect(seen).to.not.have.property('x-opentok-auth');
    expect(seen['user-agent']).to.equal(`OpenTok-Node-SDK/${SDK_VERSION}`);
    expect(seen.accept).to.equal('application/json');
    expect(seen.authorization).to.match(/^Bearer [^ ]+$/);
    const token = seen.authorization.slice('Bearer '.length);
    const decoded = jwt.decode(token, { complete: true });
    expect(decoded.header).to.deep.equal({ alg: 'RS256', typ: 'JWT' });
    const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer: APPLICATION_ID });
    expect(Object.keys(claims)).to.deep.equal(['iss', 'ist', 'iat', 'exp', 'application_id', 'jti']);
    expect(claims.ist).to.equal('project');
    expect(claims.exp - claims.iat).to.equal(300);
    expect(claims.application_id).to.equal(APPLICATION_ID);
    expect(claims.jti).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('createSession keeps the /session/create path in Vonage mode', async () => {
    let seen;
    const scope = nock(VONAGE_API_URL)
      .post('/session/create')
      .reply(function () {
        seen = normalizeHeaders(this.req.headers);
        return [200, [{ session_id: 'SESSIONID' }]];
      });
    const args = await callbackArgs((cb) => new OpenTok(APPLICATION_ID, pkcs8).createSession(cb));
    expect(scope.isDone()).to.equal(true);
    expect(args[0]).to.equal(null);
    expect(seen.authorization).to.match(/^Bearer /);
    expect(seen).to.not.have.property('x-opentok-auth');
  });

  it('a PKCS#1 key with a UUID key uses X-OPENTOK-AUTH signed with the PEM text', async () => {
    const seen = {};
    interceptGetArchive(API_URL, `/v2/project/${APPLICATION_ID}/archive/abc`, seen);
    await getArchiveOk(new OpenTok(APPLICATION_ID, pkcs1));
    const headers = normalizeHeaders(seen.headers);
    expect(headers).to.not.have.property('authorization');
    // jsonwebtoken refuses a PEM string as an HS256 secret, so the signature is checked by hand.
    const [header, payload, signature] = headers['x-opentok-auth'].split('.');
    const expected = crypto.createHmac('sha256', Buffer.from(pkcs1, 'utf8')).update(`${header}.${payload}`).digest('base64url');
    expect(signature).to.equal(expected);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).to.deep.equal({ alg: 'HS256', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(Object.keys(claims)).to.deep.equal(['iss', 'ist', 'iat', 'exp']);
    expect(claims.iss).to.equal(APPLICATION_ID);
  });
});
