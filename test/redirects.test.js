'use strict';
// redirectHop (src/http/redirects.ts): the request that follows a redirect. The end-to-end cases
// run against local servers in http-transport.test.js; the host and protocol rules need host
// names no local server has, so they are checked here on the function itself.
const { expect } = require('chai');
const { redirectHop } = require('../dist/http/redirects');

// Values are one-element arrays, as the REST client builds them.
const HEADERS = {
  'User-Agent': ['OpenTok-Node-SDK/x'],
  Accept: ['application/json'],
  'X-OPENTOK-AUTH': ['jwt'],
  Authorization: ['Bearer jwt'],
  Cookie: ['a=1'],
  'Content-Type': ['application/json'],
  'Content-Length': ['2'],
  'Accept-Encoding': ['gzip,deflate'],
};
const CREDENTIALS = ['X-OPENTOK-AUTH', 'Authorization', 'Cookie'];

function hop(url, method = 'POST', body = '{}') {
  return { url: new URL(url), method, headers: { ...HEADERS }, body };
}

describe('redirectHop', () => {
  describe('credentials follow only to the same host or a subdomain, over the same protocol', () => {
    const cases = [
      ['the same host', 'https://api.opentok.com/a', 'https://api.opentok.com/b', true],
      ['the same host on another port', 'https://api.opentok.com/a', 'https://api.opentok.com:8443/b', true],
      ['a subdomain', 'https://opentok.com/a', 'https://eu.api.opentok.com/b', true],
      ['the parent domain', 'https://api.opentok.com/a', 'https://opentok.com/b', false],
      ['a look-alike suffix', 'https://opentok.com/a', 'https://evilopentok.com/b', false],
      ['another host', 'https://api.opentok.com/a', 'https://example.com/b', false],
      ['https → http on the same host', 'https://api.opentok.com/a', 'http://api.opentok.com/b', false],
      ['http → https on the same host', 'http://api.opentok.com/a', 'https://api.opentok.com/b', false],
    ];
    for (const [label, from, to, kept] of cases) {
      it(`${label}: ${kept ? 'kept' : 'dropped'}`, () => {
        const next = redirectHop(hop(from), 307, to);
        expect(next.url.href).to.equal(new URL(to).href);
        const present = CREDENTIALS.filter((name) => name in next.headers);
        expect(present).to.deep.equal(kept ? CREDENTIALS : []);
        // Everything else goes on, in the same order.
        const others = Object.keys(HEADERS).filter((name) => !CREDENTIALS.includes(name));
        expect(Object.keys(next.headers).filter((name) => !CREDENTIALS.includes(name))).to.deep.equal(others);
      });
    }
  });

  describe('method and body', () => {
    const cases = [
      [303, 'POST', 'GET'],
      [303, 'PUT', 'GET'],
      [303, 'DELETE', 'GET'],
      [301, 'POST', 'GET'],
      [302, 'POST', 'GET'],
      [301, 'PATCH', 'PATCH'],
      [302, 'PUT', 'PUT'],
      [302, 'DELETE', 'DELETE'],
      [307, 'POST', 'POST'],
      [308, 'PATCH', 'PATCH'],
    ];
    for (const [status, method, expected] of cases) {
      it(`${status} after ${method} → ${expected}${expected === 'GET' ? ' without body, Content-Type or Content-Length' : ' with the same body'}`, () => {
        const next = redirectHop(hop('https://api.opentok.com/a', method, '{"x":1}'), status, '/b');
        expect(next.method).to.equal(expected);
        if (expected === 'GET') {
          expect(next.body).to.equal(undefined);
          expect(next.headers).to.not.have.property('Content-Type');
          expect(next.headers).to.not.have.property('Content-Length');
        } else {
          expect(next.body).to.equal('{"x":1}');
          expect(next.headers['Content-Type']).to.deep.equal(['application/json']);
          expect(next.headers['Content-Length']).to.deep.equal(['2']);
        }
      });
    }
  });

  it('a relative Location resolves against the current URL', () => {
    expect(redirectHop(hop('https://api.opentok.com/v2/a/b'), 302, '../c?d=1').url.href).to.equal('https://api.opentok.com/v2/c?d=1');
  });

  it('a Location that is not a URL throws ERR_INVALID_REDIRECT', () => {
    expect(() => redirectHop(hop('https://api.opentok.com/a'), 302, 'http://[::1'))
      .to.throw('uri requested responds with an invalid redirect URL: http://[::1')
      .with.property('code', 'ERR_INVALID_REDIRECT');
  });

  it('the previous hop is not modified', () => {
    const previous = hop('https://api.opentok.com/a');
    redirectHop(previous, 303, 'https://example.com/b');
    expect(previous.headers).to.deep.equal(HEADERS);
    expect(previous.method).to.equal('POST');
    expect(previous.body).to.equal('{}');
  });
});
