'use strict';
// The iterators of the promise API (src/pagination/iterate.ts): `opentok.promises.iterateArchives`,
// `iterateBroadcasts` and `iterateRenders`, with nock playing the service's list endpoints. Checked:
// the exact requests (paths, `offset`/`count`/`sessionId` in order, how many), laziness, one page
// in flight, `break`/`return()` sending nothing more, the end at the total count or an empty page,
// items shifted by new ones yielded once, the documented miss when items are deleted, errors of
// the list methods' classes ending the iteration, and the options: checked (a rejection of the first
// `next()`, never a throw), read once, never written. test/emulator/iterators.test.js runs them
// against the emulator with thousands of items.
const util = require('util');
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET, API_URL, PROJECT_PATH, SESSION_ID, callbackArgs, expectAuthHeaders, useNock } = require('./helpers');

const P = PROJECT_PATH;

function newOpenTok() {
  return new OpenTok(API_KEY, API_SECRET);
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A list item of each resource, with its ID (`a-1`, `b-1`, `r-1`...). */
const ITEM = {
  archive: (id) => ({ id, status: 'available', name: null, sessionId: SESSION_ID, createdAt: 1, size: 1, duration: 1 }),
  broadcast: (id) => ({ id, sessionId: SESSION_ID, status: 'started', createdAt: 1, broadcastUrls: {} }),
  render: (id) => ({ id, sessionId: SESSION_ID, status: 'started', url: 'https://example.com/', createdAt: 1 }),
};
const LETTER = { archive: 'a', broadcast: 'b', render: 'r' };

function ids(resource, count, from = 1) {
  return Array.from({ length: count }, (_unused, index) => `${LETTER[resource]}-${from + index}`);
}

/**
 * A list endpoint serving `state.ids` (newest first) as the service does: `offset` (default 0),
 * `count` (default 50) and, for archives and broadcasts, `sessionId` (only the IDs whose item has
 * that session: `state.sessions` maps an ID to its session, SESSION_ID otherwise). `hooks.reply`
 * may replace the reply; `hooks.afterPage` runs after a page is served (to change the list between
 * pages). Each request is recorded as its path with query; `inFlight`/`maxInFlight` count the
 * requests answered asynchronously (`delayMs`).
 */
function listService(resource, state, hooks = {}) {
  const requests = [];
  const stats = { inFlight: 0, maxInFlight: 0 };
  nock(API_URL)
    .persist()
    .get(new RegExp(`^${P}/${resource}(\\?.*)?$`))
    .reply(function (uri, _body, callback) {
      requests.push({ path: uri, headers: this.req.headers });
      const query = new URL(uri, API_URL).searchParams;
      const offset = Number(query.get('offset') || 0);
      const count = Number(query.get('count') || 50);
      const sessionId = query.get('sessionId');
      const listed = state.ids.filter((id) => !sessionId || (state.sessions?.[id] ?? SESSION_ID) === sessionId);
      const page = listed.slice(offset, offset + count).map((id) => ({ ...ITEM[resource](id), sessionId: state.sessions?.[id] ?? SESSION_ID }));
      const reply = hooks.reply ? hooks.reply(requests.length, { offset, count }) : undefined;
      const answer = reply || [200, { count: listed.length, items: page }];
      if (hooks.afterPage) hooks.afterPage(requests.length);
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      setTimeout(() => {
        stats.inFlight -= 1;
        callback(null, answer);
      }, hooks.delayMs || 0);
    });
  return { requests, stats, paths: () => requests.map((request) => request.path) };
}

/** Every item the iterator yields, by `for await`. */
async function collect(iterator) {
  const items = [];
  for await (const item of iterator) items.push(item);
  return items;
}

/** The rejection of `promise` (fails when it fulfills). */
async function rejection(promise) {
  return promise.then(
    (value) => expect.fail(`fulfilled with ${util.inspect(value)}`),
    (error) => error,
  );
}

const ITERATORS = [
  { name: 'iterateArchives', resource: 'archive', list: 'listArchives', model: 'Archive', filters: true },
  { name: 'iterateBroadcasts', resource: 'broadcast', list: 'listBroadcasts', model: 'Broadcast', filters: true },
  { name: 'iterateRenders', resource: 'render', list: 'listRenders', model: 'Object', filters: false },
];

describe('promise API iterators (iterateArchives, iterateBroadcasts, iterateRenders)', () => {
  useNock();

  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.removeListener('unhandledRejection', onUnhandled));

  for (const { name, resource, list, model, filters } of ITERATORS) {
    describe(`promises.${name}`, () => {
      it('is an async iterator (its own async iterable) and sends nothing before the first next()', async () => {
        const service = listService(resource, { ids: ids(resource, 3) });
        const iterator = newOpenTok().promises[name]();
        expect(iterator[Symbol.asyncIterator]).to.be.a('function');
        expect(iterator[Symbol.asyncIterator]()).to.equal(iterator);
        expect(iterator.next).to.be.a('function');
        expect(iterator.return).to.be.a('function');
        await wait(20);
        expect(service.requests).to.deep.equal([]);
        const first = await iterator.next();
        expect(first.done).to.equal(false);
        expect(first.value.id).to.equal(`${LETTER[resource]}-1`);
        expect(service.paths()).to.deep.equal([`${P}/${resource}?count=1000`]);
        expectAuthHeaders(service.requests[0].headers);
      });

      it(`yields the ${model === 'Object' ? "service's JSON" : `${model} objects`} of ${list}, newest first, in pages of 1000 up to the total (2,500: three requests)`, async () => {
        const all = ids(resource, 2500);
        const service = listService(resource, { ids: all });
        const opentok = newOpenTok();
        const items = await collect(opentok.promises[name]());
        expect(items.map((item) => item.id)).to.deep.equal(all);
        expect(service.paths()).to.deep.equal([
          `${P}/${resource}?count=1000`,
          `${P}/${resource}?offset=1000&count=1000`,
          `${P}/${resource}?offset=2000&count=1000`,
        ]);
        expect(items[0].constructor.name).to.equal(model);
        // The same objects as the list method gives for the same page.
        const [, page] = await callbackArgs((cb) => opentok[list]({ count: 1 }, cb));
        const listed = Array.isArray(page) ? page[0] : page.items[0];
        expect(items[0]).to.deep.equal(listed);
        expect(items[0].constructor).to.equal(listed.constructor);
      });

      it('asks for pageSize items per request, from offset, and stops at the total count (no request past it)', async () => {
        const service = listService(resource, { ids: ids(resource, 7) });
        const items = await collect(newOpenTok().promises[name]({ pageSize: 2, offset: 1 }));
        expect(items.map((item) => item.id)).to.deep.equal(ids(resource, 6, 2));
        expect(service.paths()).to.deep.equal([
          `${P}/${resource}?offset=1&count=2`,
          `${P}/${resource}?offset=3&count=2`,
          `${P}/${resource}?offset=5&count=2`,
        ]);
      });

      it('an empty list: one request, nothing yielded', async () => {
        const service = listService(resource, { ids: [] });
        expect(await collect(newOpenTok().promises[name]())).to.deep.equal([]);
        expect(service.paths()).to.deep.equal([`${P}/${resource}?count=1000`]);
      });

      it('an offset past the end: one request, nothing yielded', async () => {
        const service = listService(resource, { ids: ids(resource, 3) });
        expect(await collect(newOpenTok().promises[name]({ offset: 10 }))).to.deep.equal([]);
        expect(service.paths()).to.deep.equal([`${P}/${resource}?offset=10&count=1000`]);
      });

      it('stops at an empty page even when the total says there are more', async () => {
        const service = listService(resource, { ids: ids(resource, 4) }, {
          reply: (_n, { offset, count }) => [200, { count: 10, items: ids(resource, 4).slice(offset, offset + count).map(ITEM[resource]) }],
        });
        const items = await collect(newOpenTok().promises[name]({ pageSize: 2 }));
        expect(items.map((item) => item.id)).to.deep.equal(ids(resource, 4));
        expect(service.paths()).to.deep.equal([
          `${P}/${resource}?count=2`,
          `${P}/${resource}?offset=2&count=2`,
          `${P}/${resource}?offset=4&count=2`,
        ]);
      });

      it('items created while iterating (at the front, shifting the offsets): each item once, none of the first ones missed, the new ones not yielded', async () => {
        const state = { ids: ids(resource, 12) };
        let created = 100;
        const service = listService(resource, state, {
          // Three new items after the first page, one after the second.
          afterPage: (n) => {
            const count = n === 1 ? 3 : n === 2 ? 1 : 0;
            for (let i = 0; i < count; i += 1) state.ids.unshift(`${LETTER[resource]}-${(created += 1)}`);
          },
        });
        const items = await collect(newOpenTok().promises[name]({ pageSize: 5 }));
        expect(items.map((item) => item.id)).to.deep.equal(ids(resource, 12));
        // The total grew to 15, then 16: the offset went 0, 5, 10, 15, and 16 ended it.
        expect(service.paths()).to.deep.equal([
          `${P}/${resource}?count=5`,
          `${P}/${resource}?offset=5&count=5`,
          `${P}/${resource}?offset=10&count=5`,
          `${P}/${resource}?offset=15&count=5`,
        ]);
      });

      it('items deleted while iterating shift the offsets back: as many items as deleted are missed (documented), and it ends', async () => {
        const all = ids(resource, 12);
        const state = { ids: [...all] };
        const service = listService(resource, state, {
          afterPage: (n) => {
            if (n === 1) state.ids.splice(1, 1); // the second item, already yielded, is deleted
          },
        });
        const items = await collect(newOpenTok().promises[name]({ pageSize: 5 }));
        // The sixth item moved to offset 4, before the second page's offset 5: it is missed.
        expect(items.map((item) => item.id)).to.deep.equal(all.filter((id) => id !== all[5]));
        expect(service.requests).to.have.length(3);
      });

      it('one page in flight at a time, even when next() is called again before the last one settled', async () => {
        const service = listService(resource, { ids: ids(resource, 4) }, { delayMs: 15 });
        const iterator = newOpenTok().promises[name]({ pageSize: 1 });
        const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
        expect(results.map((result) => (result.done ? 'done' : result.value.id))).to.deep.equal([...ids(resource, 4), 'done']);
        expect(service.stats.maxInFlight).to.equal(1);
        expect(service.requests).to.have.length(4);
      });

      it('break stops the iteration: no request after it', async () => {
        const service = listService(resource, { ids: ids(resource, 10) });
        const iterator = newOpenTok().promises[name]({ pageSize: 2 });
        const seen = [];
        for await (const item of iterator) {
          seen.push(item.id);
          if (seen.length === 3) break;
        }
        expect(seen).to.deep.equal(ids(resource, 3));
        expect(service.requests).to.have.length(2);
        expect(await iterator.next()).to.deep.equal({ value: undefined, done: true });
        await wait(20);
        expect(service.requests).to.have.length(2);
      });

      it('return() before the first next() ends it without any request', async () => {
        const service = listService(resource, { ids: ids(resource, 3) });
        const iterator = newOpenTok().promises[name]();
        expect(await iterator.return()).to.deep.equal({ value: undefined, done: true });
        expect(await iterator.next()).to.deep.equal({ value: undefined, done: true });
        await wait(20);
        expect(service.requests).to.deep.equal([]);
      });

      for (const [status, body, className] of [
        [401, { message: 'Invalid token' }, 'AuthError'],
        [404, { message: 'Not found' }, 'NotFoundError'],
        [500, { message: 'Internal error' }, 'RequestError'],
      ]) {
        it(`HTTP ${status} on the second page: next() rejects with the ${list} error (${className}) and the iteration ends`, async () => {
          const opentok = newOpenTok();
          const service = listService(resource, { ids: ids(resource, 5) }, {
            reply: (n) => (n === 2 || n === 3 ? [status, body] : undefined),
          });
          const iterator = opentok.promises[name]({ pageSize: 2 });
          expect((await iterator.next()).value.id).to.equal(ids(resource, 1)[0]);
          expect((await iterator.next()).value.id).to.equal(ids(resource, 2)[1]);
          const error = await rejection(iterator.next());
          expect(error).to.be.instanceOf(OpenTok[className]);
          expect(error.statusCode).to.equal(status);
          // The error of the list method itself for the same reply (the third request).
          const [listed] = await callbackArgs((cb) => opentok[list]({ offset: 2, count: 2 }, cb));
          expect(error.constructor).to.equal(listed.constructor);
          expect(error.message).to.equal(listed.message);
          expect(await iterator.next()).to.deep.equal({ value: undefined, done: true });
          expect(service.requests).to.have.length(3);
        });
      }

      it('a transport failure rejects next() with the RequestError of the list method, cause kept', async () => {
        nock(API_URL).get(/.*/).replyWithError({ message: 'socket hang up', code: 'ECONNRESET' });
        const iterator = newOpenTok().promises[name]();
        const error = await rejection(iterator.next());
        expect(error).to.be.instanceOf(OpenTok.RequestError);
        expect(error.cause.code).to.equal('ECONNRESET');
        expect(await iterator.next()).to.deep.equal({ value: undefined, done: true });
      });

      it('a 2xx body without an items array rejects with a RequestError quoting it', async () => {
        nock(API_URL).get(/.*/).reply(200, { count: 3 });
        const error = await rejection(newOpenTok().promises[name]().next());
        expect(error).to.be.instanceOf(OpenTok.RequestError);
        expect(error.message).to.equal('Unexpected response from OpenTok: {"count":3}');
        expect(error.statusCode).to.equal(200);
      });

      it('without a usable total count, stops after a page shorter than asked for', async () => {
        const service = listService(resource, { ids: ids(resource, 3) }, {
          reply: (_n, { offset, count }) => [200, { items: ids(resource, 3).slice(offset, offset + count).map(ITEM[resource]) }],
        });
        const items = await collect(newOpenTok().promises[name]({ pageSize: 2 }));
        if (resource === 'render') {
          // listRenders hands the body as it is: no count, so the short page ends it.
          expect(items.map((item) => item.id)).to.deep.equal(ids(resource, 3));
          expect(service.requests).to.have.length(2);
        } else {
          // listArchives and listBroadcasts call back a total of 0 without a count: the first page ends it.
          expect(items.map((item) => item.id)).to.deep.equal(ids(resource, 2));
          expect(service.requests).to.have.length(1);
        }
      });

      if (filters) {
        it('sessionId filters: sent with every page, after offset and count', async () => {
          const other = `${SESSION_ID}-other`;
          const all = ids(resource, 5);
          const sessions = { [all[1]]: other, [all[3]]: other, [all[4]]: other };
          const service = listService(resource, { ids: all, sessions });
          const items = await collect(newOpenTok().promises[name]({ sessionId: other, pageSize: 2 }));
          expect(items.map((item) => item.id)).to.deep.equal([all[1], all[3], all[4]]);
          expect(items.every((item) => item.sessionId === other)).to.equal(true);
          expect(service.paths()).to.deep.equal([
            `${P}/${resource}?count=2&sessionId=${other}`,
            `${P}/${resource}?offset=2&count=2&sessionId=${other}`,
          ]);
        });

        it('a session ID with reserved characters is encoded in the query', async () => {
          const odd = 'a+b/c=d&e';
          const service = listService(resource, { ids: ['x'], sessions: { x: odd } });
          const items = await collect(newOpenTok().promises[name]({ sessionId: odd }));
          expect(items.map((item) => item.id)).to.deep.equal(['x']);
          expect(service.paths()).to.deep.equal([`${P}/${resource}?count=1000&sessionId=a%2Bb%2Fc%3Dd%26e`]);
        });
      }

      describe('options', () => {
        const bad = [
          [{ pageSize: 0 }, 'pageSize must be an integer from 1 to 1000'],
          [{ pageSize: 1001 }, 'pageSize must be an integer from 1 to 1000'],
          [{ pageSize: 2.5 }, 'pageSize must be an integer from 1 to 1000'],
          [{ pageSize: '10' }, 'pageSize must be an integer from 1 to 1000'],
          [{ pageSize: NaN }, 'pageSize must be an integer from 1 to 1000'],
          [{ pageSize: Infinity }, 'pageSize must be an integer from 1 to 1000'],
          [{ offset: -1 }, 'offset must be a non-negative integer'],
          [{ offset: 1.5 }, 'offset must be a non-negative integer'],
          [{ offset: '3' }, 'offset must be a non-negative integer'],
          [{ count: 10 }, 'count is not an option (the iterator yields every item): set the page size with pageSize, and break out of the loop to stop early'],
          [{ count: 0 }, 'count is not an option (the iterator yields every item): set the page size with pageSize, and break out of the loop to stop early'],
          ['all', 'options must be an object'],
          [5, 'options must be an object'],
          ...(filters
            ? [
                [{ sessionId: '' }, 'sessionId must be a non-empty string'],
                [{ sessionId: 42 }, 'sessionId must be a non-empty string'],
                [{ sessionId: {} }, 'sessionId must be a non-empty string'],
              ]
            : [[{ sessionId: SESSION_ID }, 'sessionId is not an option (the service does not filter renders by session): compare render.sessionId in the loop']]),
        ];
        for (const [options, message] of bad) {
          it(`${util.inspect(options)}: no throw; the first next() rejects with ArgumentError('promises.${name}: ${message.slice(0, 40)}…'), no request, then done`, async () => {
            const service = listService(resource, { ids: ids(resource, 3) });
            let iterator;
            expect(() => (iterator = newOpenTok().promises[name](options))).to.not.throw();
            const error = await rejection(iterator.next());
            expect(error).to.be.instanceOf(OpenTok.ArgumentError);
            expect(error.message).to.equal(`promises.${name}: ${message}`);
            expect(await iterator.next()).to.deep.equal({ value: undefined, done: true });
            await wait(10);
            expect(service.requests).to.deep.equal([]);
          });
        }

        it('a function argument (a callback) is refused as by every promise method', async () => {
          const service = listService(resource, { ids: ids(resource, 3) });
          for (const args of [[() => {}], [{}, () => {}], [null, () => {}]]) {
            const error = await rejection(newOpenTok().promises[name](...args).next());
            expect(error).to.be.instanceOf(OpenTok.ArgumentError);
            expect(error.message).to.equal(`Invalid arguments -- promises.${name} takes no callback or function argument.`);
          }
          expect(service.requests).to.deep.equal([]);
        });

        it('null, undefined, {} and absent options (and count/pageSize/offset/sessionId set to undefined or null) are the defaults', async () => {
          const service = listService(resource, { ids: ids(resource, 2) });
          const variants = [[], [undefined], [null], [{}], [{ count: undefined, pageSize: undefined, offset: null, sessionId: undefined }], [{ count: null, pageSize: null }]];
          for (const args of variants) {
            expect((await collect(newOpenTok().promises[name](...args))).map((item) => item.id)).to.deep.equal(ids(resource, 2));
          }
          expect(service.paths()).to.deep.equal(variants.map(() => `${P}/${resource}?count=1000`));
        });

        it('pageSize 1 and 1000 are accepted', async () => {
          const service = listService(resource, { ids: ids(resource, 2) });
          await collect(newOpenTok().promises[name]({ pageSize: 1 }));
          await collect(newOpenTok().promises[name]({ pageSize: 1000 }));
          expect(service.paths()).to.deep.equal([
            `${P}/${resource}?count=1`,
            `${P}/${resource}?offset=1&count=1`,
            `${P}/${resource}?count=1000`,
          ]);
        });

        it('reads each option once, when called; changing the object afterwards changes nothing; never writes to it', async () => {
          const service = listService(resource, { ids: ids(resource, 3) });
          const reads = [];
          const target = { pageSize: 2, offset: 1, ...(filters ? { sessionId: SESSION_ID } : {}) };
          const options = new Proxy(target, {
            get(object, key, receiver) {
              reads.push(String(key));
              return Reflect.get(object, key, receiver);
            },
            set() {
              throw new Error('written to');
            },
            defineProperty() {
              throw new Error('written to');
            },
            deleteProperty() {
              throw new Error('written to');
            },
          });
          const iterator = newOpenTok().promises[name](options);
          const readAtCall = [...reads].sort();
          expect(readAtCall).to.deep.equal(['count', 'offset', 'pageSize', 'sessionId']);
          target.pageSize = 500;
          target.offset = 0;
          const items = await collect(iterator);
          expect(reads.sort()).to.deep.equal(readAtCall);
          expect(items.map((item) => item.id)).to.deep.equal(ids(resource, 2, 2));
          const filter = filters ? `&sessionId=${SESSION_ID}` : '';
          expect(service.paths()).to.deep.equal([`${P}/${resource}?offset=1&count=2${filter}`]);
        });

        it('a frozen options object works', async () => {
          listService(resource, { ids: ids(resource, 2) });
          const items = await collect(newOpenTok().promises[name](Object.freeze({ pageSize: 1 })));
          expect(items).to.have.length(2);
        });

        it('an option getter that throws: no throw at the call; the first next() rejects with that error, no request', async () => {
          const service = listService(resource, { ids: ids(resource, 2) });
          const boom = new Error('getter failed');
          const options = {
            get pageSize() {
              throw boom;
            },
          };
          let iterator;
          expect(() => (iterator = newOpenTok().promises[name](options))).to.not.throw();
          expect(await rejection(iterator.next())).to.equal(boom);
          expect(await iterator.next()).to.deep.equal({ value: undefined, done: true });
          expect(service.requests).to.deep.equal([]);
        });
      });
    });
  }

  it('each call is a new iterator with its own position', async () => {
    const service = listService('archive', { ids: ids('archive', 3) });
    const opentok = newOpenTok();
    const one = opentok.promises.iterateArchives({ pageSize: 1 });
    const other = opentok.promises.iterateArchives({ pageSize: 1 });
    expect(one).to.not.equal(other);
    expect((await one.next()).value.id).to.equal('a-1');
    expect((await one.next()).value.id).to.equal('a-2');
    expect((await other.next()).value.id).to.equal('a-1');
    expect(service.requests).to.have.length(3);
  });

  it('the iterators are bound to their client (its API key and URL)', async () => {
    const other = new OpenTok('654321', API_SECRET, { apiUrl: 'https://other.example.com' });
    const scope = nock('https://other.example.com').get('/v2/project/654321/archive?count=1000').reply(200, { count: 0, items: [] });
    const { iterateArchives } = other.promises;
    expect(await collect(iterateArchives())).to.deep.equal([]);
    expect(scope.isDone()).to.equal(true);
  });

  it('no unhandled rejection anywhere in this file', async () => {
    await wait(20);
    expect(unhandled.map((reason) => util.inspect(reason))).to.deep.equal([]);
  });
});
