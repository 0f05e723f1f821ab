'use strict';
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET, API_URL, PROJECT_PATH, callbackArgs, expectAuthHeaders, useNock } = require('./helpers');

describe('smoke', () => {
  useNock();
  it('gets an archive over the REST client', async () => {
    let seenHeaders;
    nock(API_URL)
      .get(`${PROJECT_PATH}/archive/abc`)
      .reply(function () {
        seenHeaders = this.req.headers;
        return [200, { id: 'abc', status: 'available' }];
      });
    const opentok = new OpenTok(API_KEY, API_SECRET);
    const args = await callbackArgs((cb) => opentok.getArchive('abc', cb));
    expect(args).to.have.length(2);
    expect(args[0]).to.equal(null);
    expect(args[1]).to.include({ id: 'abc', status: 'available' });
    expectAuthHeaders(seenHeaders);
  });
});
