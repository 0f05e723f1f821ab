'use strict';
// Request capture shared by the session, SIP, signaling/moderation and callbacks-API wire tests.
const nock = require('nock');
const { API_URL, normalizeHeaders } = require('../helpers');

/** One interceptor recording the path, lower-cased headers and the raw body text of the request. */
function mockRequest(method, path, reply, base = API_URL) {
  const rec = { count: 0 };
  const scope = nock(base)
    .intercept(path, method)
    .reply(function (uri) {
      rec.count += 1;
      rec.uri = uri;
      rec.rawHeaders = this.req.headers;
      rec.headers = normalizeHeaders(this.req.headers);
      return reply;
    });
  scope.on('request', (req, interceptor, requestBody) => {
    rec.body = requestBody;
  });
  rec.scope = scope;
  return rec;
}

/** Catches every request to `base`, so a test can prove that none was sent. */
function trapRequests(base = API_URL) {
  const hits = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(base)
      .persist()
      .intercept(() => true, method)
      .reply(function (uri) {
        hits.push(`${method} ${uri}`);
        return [599, ''];
      });
  }
  return hits;
}

module.exports = { mockRequest, trapRequests };
