'use strict';
// The promise API's iterators against the local emulator (real HTTP, the emulator's own paging:
// newest first, count 1..1000): thousands of archives, broadcasts and renders created through the
// SDK, walked page by page; archives created and deleted while a walk is under way; a fault on a
// later page. The pages requested are observed through the client's list method, which the
// iterators call (an own property of the client shadows the prototype's for the test).
const { expect } = require('chai');
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');

/** Runs `create(index)` for 0..count-1, `batch` at a time; resolves with the results in order. */
async function inBatches(count, create, batch = 25) {
  const results = [];
  for (let start = 0; start < count; start += batch) {
    const indexes = Array.from({ length: Math.min(batch, count - start) }, (_unused, offset) => start + offset);
    results.push(...(await Promise.all(indexes.map(create))));
  }
  return results;
}

/** Records the options of every call of `client[name]`, the list method an iterator pages with. */
function recordPages(client, name) {
  const pages = [];
  const original = OpenTok.prototype[name];
  Object.defineProperty(client, name, {
    configurable: true,
    value(options, callback) {
      pages.push({ ...options });
      return original.call(this, options, callback);
    },
  });
  return pages;
}

async function collect(iterator) {
  const items = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe('promise API iterators against the emulator', function () {
  this.timeout(60000);

  let emulator;
  /** The session with 2,500 archives, and one with 40 (the sessionId filter must leave those out). */
  let big;
  let small;
  /** Archive IDs of each session, newest first, as the emulator lists them. */
  let bigIds;
  let smallIds;

  function client() {
    return new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
  }

  function project() {
    return emulator.projects.get(emulator.project.apiKey);
  }

  /** The IDs the emulator lists for `kind` (`archives`, `broadcasts`, `renders`), newest first. */
  function listed(kind, sessionId) {
    return [...project()[kind].values()]
      .filter((item) => !sessionId || item.sessionId === sessionId)
      .reverse()
      .map((item) => item.id);
  }

  /** A routed session with a connected client (archives and broadcasts need one). */
  async function routedSession(opentok) {
    const session = await opentok.promises.createSession({ mediaMode: 'routed' });
    emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
    return session;
  }

  async function startArchives(opentok, sessionId, count, tag) {
    const archives = await inBatches(count, (index) => opentok.promises.startArchive(sessionId, { multiArchiveTag: `${tag}-${index}` }));
    return archives.map((archive) => archive.id);
  }

  before(async () => {
    emulator = await Emulator.start();
    const opentok = client();
    big = await routedSession(opentok);
    small = await routedSession(opentok);
    // Interleaved, so that the filter has to pick the archives of one session out of the others.
    await startArchives(opentok, small.sessionId, 20, 'small-a');
    await startArchives(opentok, big.sessionId, 2500, 'big');
    await startArchives(opentok, small.sessionId, 20, 'small-b');
    bigIds = listed('archives', big.sessionId);
    smallIds = listed('archives', small.sessionId);
    expect(bigIds).to.have.length(2500);
    expect(smallIds).to.have.length(40);
  });

  after(async () => {
    if (emulator) await emulator.close();
  });

  afterEach(() => emulator.faults.clear());

  it('iterateArchives: 2,540 archives in three pages of 1000, newest first, as Archive objects', async () => {
    const opentok = client();
    const pages = recordPages(opentok, 'listArchives');
    const archives = await collect(opentok.promises.iterateArchives());
    expect(archives.map((archive) => archive.id)).to.deep.equal(listed('archives'));
    expect(archives).to.have.length(2540);
    expect(new Set(archives.map((archive) => archive.id)).size).to.equal(2540);
    expect(archives[0]).to.be.instanceOf(Object);
    expect(archives[0].constructor.name).to.equal('Archive');
    expect(archives[0].stop).to.be.a('function');
    expect(pages).to.deep.equal([
      { offset: 0, count: 1000, sessionId: undefined },
      { offset: 1000, count: 1000, sessionId: undefined },
      { offset: 2000, count: 1000, sessionId: undefined },
    ]);
  });

  it('iterateArchives({ sessionId }): exactly that session\'s archives, the others left out', async () => {
    const opentok = client();
    const pages = recordPages(opentok, 'listArchives');
    const bigWalk = await collect(opentok.promises.iterateArchives({ sessionId: big.sessionId }));
    expect(bigWalk.map((archive) => archive.id)).to.deep.equal(bigIds);
    expect(bigWalk.every((archive) => archive.sessionId === big.sessionId)).to.equal(true);
    expect(pages.map((page) => page.offset)).to.deep.equal([0, 1000, 2000]);
    const smallWalk = await collect(opentok.promises.iterateArchives({ sessionId: small.sessionId, pageSize: 7 }));
    expect(smallWalk.map((archive) => archive.id)).to.deep.equal(smallIds);
    // 40 archives in pages of 7: six requests, the last one with 5.
    expect(pages.slice(3).map((page) => [page.offset, page.count, page.sessionId])).to.deep.equal(
      [0, 7, 14, 21, 28, 35].map((offset) => [offset, 7, small.sessionId]),
    );
  });

  it('iterateArchives with offset and a small pageSize, and a break: only the pages needed', async () => {
    const opentok = client();
    const pages = recordPages(opentok, 'listArchives');
    const seen = [];
    for await (const archive of opentok.promises.iterateArchives({ sessionId: big.sessionId, offset: 100, pageSize: 50 })) {
      seen.push(archive.id);
      if (seen.length === 120) break;
    }
    expect(seen).to.deep.equal(bigIds.slice(100, 220));
    expect(pages.map((page) => page.offset)).to.deep.equal([100, 150, 200]);
  });

  it('archives created while iterating (between pages, at the front): each archive yielded once, none of the 2,500 missed', async () => {
    const opentok = client();
    const pages = recordPages(opentok, 'listArchives');
    const before = listed('archives', big.sessionId);
    const yielded = [];
    const created = [];
    let round = 0;
    for await (const archive of opentok.promises.iterateArchives({ sessionId: big.sessionId, pageSize: 250 })) {
      yielded.push(archive.id);
      // After each page, new archives: 1, 2, 3... of them, up to more than one page's worth in all.
      if (yielded.length % 250 === 0 || yielded.length === 1) {
        round += 1;
        created.push(...(await startArchives(opentok, big.sessionId, round * 5, `added-${round}`)));
      }
    }
    expect(created.length).to.be.greaterThan(250);
    expect(new Set(yielded).size, 'no archive yielded twice').to.equal(yielded.length);
    expect(yielded, 'the archives listed at the start, in order').to.deep.equal(before);
    expect(yielded.filter((id) => created.includes(id)), 'archives created during the walk').to.deep.equal([]);
    // The offsets kept going past the new archives: more pages than 2,500 / 250.
    expect(pages.length).to.be.greaterThan(10);
    bigIds = listed('archives', big.sessionId);
  });

  it('archives deleted while iterating: it ends, yields none twice, and misses at most as many as were deleted (the documented limit)', async () => {
    const opentok = client();
    const session = await routedSession(opentok);
    const ids = await startArchives(opentok, session.sessionId, 600, 'deleted');
    await inBatches(ids.length, (index) => opentok.promises.stopArchive(ids[index]));
    const before = listed('archives', session.sessionId);
    const yielded = [];
    const deleted = [];
    for await (const archive of opentok.promises.iterateArchives({ sessionId: session.sessionId, pageSize: 100 })) {
      yielded.push(archive.id);
      // At the end of each page, one archive already yielded is deleted: the later ones move forward.
      if (yielded.length % 100 === 0 && yielded.length < 600) {
        const victim = yielded[yielded.length - 50];
        await opentok.promises.deleteArchive(victim);
        deleted.push(victim);
      }
    }
    expect(deleted).to.have.length(5);
    expect(new Set(yielded).size).to.equal(yielded.length);
    const missed = before.filter((id) => !yielded.includes(id));
    expect(missed.length).to.be.at.most(deleted.length);
    expect(missed.length, 'each deletion behind the position moved one archive past it').to.equal(deleted.length);
    expect(yielded.every((id) => before.includes(id))).to.equal(true);
  });

  it('a fault on a later page rejects next() with the error listArchives gives, and ends the walk', async () => {
    const opentok = client();
    const iterator = opentok.promises.iterateArchives({ sessionId: big.sessionId, pageSize: 1000 });
    for (let index = 0; index < 1000; index += 1) await iterator.next();
    emulator.faults.add({ method: 'GET', path: /\/archive$/, status: 503, body: { message: 'try later' }, times: 1 });
    const error = await iterator.next().then(
      () => expect.fail('next() fulfilled'),
      (reason) => reason,
    );
    expect(error).to.be.instanceOf(OpenTok.RequestError);
    expect(error.statusCode).to.equal(503);
    expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"try later"}"');
    expect(await iterator.next()).to.deep.equal({ value: undefined, done: true });
  });

  it('the emulator refuses a count above 1000; pageSize 1000 is its largest page', async () => {
    const opentok = client();
    const pages = recordPages(opentok, 'listArchives');
    const error = await opentok.promises.iterateArchives({ pageSize: 1001 }).next().then(
      () => expect.fail('next() fulfilled'),
      (reason) => reason,
    );
    expect(error).to.be.instanceOf(OpenTok.ArgumentError);
    expect(pages).to.deep.equal([]);
    const page = await opentok.promises.listArchives({ count: 1001 }).then(
      () => expect.fail('listArchives fulfilled'),
      (reason) => reason,
    );
    expect(page.statusCode).to.equal(400);
  });

  it('iterateBroadcasts: 1,250 broadcasts of one session (and none of another), two pages', async () => {
    const opentok = client();
    const session = await routedSession(opentok);
    const other = await routedSession(opentok);
    const start = (sessionId, tag) => (index) =>
      opentok.promises.startBroadcast(sessionId, { outputs: { hls: {} }, multiBroadcastTag: `${tag}-${index}` });
    await inBatches(30, start(other.sessionId, 'other'));
    await inBatches(1250, start(session.sessionId, 'one'));
    const pages = recordPages(opentok, 'listBroadcasts');
    const broadcasts = await collect(opentok.promises.iterateBroadcasts({ sessionId: session.sessionId }));
    expect(broadcasts.map((broadcast) => broadcast.id)).to.deep.equal(listed('broadcasts', session.sessionId));
    expect(broadcasts).to.have.length(1250);
    expect(broadcasts[0].constructor.name).to.equal('Broadcast');
    expect(pages.map((page) => [page.offset, page.count])).to.deep.equal([
      [0, 1000],
      [1000, 1000],
    ]);
    const all = await collect(opentok.promises.iterateBroadcasts({ pageSize: 500 }));
    expect(all.map((broadcast) => broadcast.id)).to.deep.equal(listed('broadcasts'));
    expect(all).to.have.length(1280);
  });

  it('iterateRenders: 1,100 renders, two pages, the service\'s JSON as listRenders gives it', async () => {
    const opentok = client();
    const session = await opentok.promises.createSession({ mediaMode: 'routed' });
    const token = opentok.generateToken(session.sessionId, { role: 'publisher' });
    await inBatches(1100, (index) =>
      opentok.promises.startRender({ sessionId: session.sessionId, token, url: `https://example.com/page-${index}` }),
    );
    const pages = recordPages(opentok, 'listRenders');
    const renders = await collect(opentok.promises.iterateRenders());
    expect(renders.map((render) => render.id)).to.deep.equal(listed('renders'));
    expect(renders).to.have.length(1100);
    expect(Object.getPrototypeOf(renders[0])).to.equal(Object.prototype);
    expect(renders[0]).to.include({ sessionId: session.sessionId, status: 'started', url: 'https://example.com/page-1099' });
    expect(pages).to.deep.equal([
      { offset: 0, count: 1000 },
      { offset: 1000, count: 1000 },
    ]);
  });
});
