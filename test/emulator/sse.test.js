'use strict';
// The emulator's server-sent-events stream, over a real HTTP connection: the wire format a
// browser's EventSource reads, and that a closed stream neither writes nor runs its handlers twice.
const http = require('http');
const { expect } = require('chai');
const { EventStream } = require('../../dist/emulator/sse');

describe('emulator EventStream (server-sent events)', function () {
  let server;
  let stream;
  let closes;

  beforeEach(async function () {
    closes = 0;
    server = http.createServer((req, res) => {
      stream = new EventStream(res, { 'Access-Control-Allow-Origin': 'http://localhost:3000' });
      stream.onClose(() => closes++);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(() => new Promise((resolve) => server.close(resolve)));

  function open() {
    return new Promise((resolve, reject) => {
      http.get(`http://127.0.0.1:${server.address().port}/`, resolve).on('error', reject);
    });
  }

  it('sends the headers, a first comment, then each event as `event:` and one JSON `data:` line', async function () {
    const res = await open();
    expect(res.statusCode).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.headers['access-control-allow-origin']).to.equal('http://localhost:3000');
    res.setEncoding('utf8');
    let text = '';
    res.on('data', (chunk) => (text += chunk));
    stream.send('signal', { type: 'chat', data: 'a\nb' });
    stream.close();
    await new Promise((resolve) => res.on('end', resolve));
    expect(text).to.equal(': connected\n\nevent: signal\ndata: {"type":"chat","data":"a\\nb"}\n\n');
    expect(closes).to.equal(1);
    expect(stream.open).to.equal(false);
  });

  it('runs its close handlers once when the browser goes away, and ignores later sends', async function () {
    const res = await open();
    res.destroy();
    const deadline = Date.now() + 2000;
    while (stream.open && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stream.open).to.equal(false);
    expect(() => stream.send('late', {})).not.to.throw();
    stream.close();
    expect(closes).to.equal(1);
    let late = 0;
    stream.onClose(() => late++);
    expect(late).to.equal(1);
  });
});
