import { createHash } from 'crypto';

// The dashboard page: static HTML with its style and script inline, built once. It holds no data
// (everything arrives as JSON from `/_emulator/state/events`), so nothing user-controlled is ever
// written into the HTML; the script builds the DOM with text nodes only (no innerHTML), and the
// Content-Security-Policy runs this script and nothing else (no inline handlers, no other origin),
// so text such as `<img src=x onerror=...>` in connection data stays text.
//
// Why a string in a TypeScript module rather than a browser TypeScript file or an asset: the
// package's build is one `tsc` run with Node's libraries (no DOM types) and no copy step, and the
// page's script is small. Kept as text here, it ships inside dist/ with the rest of the emulator,
// works offline, and needs no bundler; the browser test (test/browser/dashboard.test.js) runs it
// and fails on any page error.

const STYLE = `
:root { color-scheme: light; --fg: #1d2330; --muted: #667085; --line: #e3e6ec; --bg: #f6f7f9; --accent: #4b3fce; --ok: #137a3a; --warn: #a15c00; --bad: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 12px; padding: 14px 20px; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { margin: 0; font-size: 18px; }
main { padding: 16px 20px 40px; display: grid; gap: 16px; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
section.card > h2 { margin: 0 0 8px; font-size: 15px; display: flex; align-items: center; gap: 8px; }
h3 { margin: 10px 0 4px; font-size: 13px; color: var(--muted); font-weight: 600; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 4px 8px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
tr:last-child td { border-bottom: 0; }
code, .id { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.muted { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; margin: 2px 0; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; background: #eef0f4; color: var(--fg); white-space: nowrap; }
.badge.live, .badge.started, .badge.available, .badge.ok { background: #e4f5ea; color: var(--ok); }
.badge.stopped, .badge.warn { background: #fff3e0; color: var(--warn); }
.badge.failed, .badge.bad, .badge.deleted { background: #fde8e7; color: var(--bad); }
.session { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
.session-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.session-head .id { flex: 1 1 320px; }
button { font: inherit; font-size: 12px; padding: 2px 10px; border-radius: 5px; border: 1px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; }
button:hover:not(:disabled) { background: var(--accent); color: #fff; }
button:disabled { border-color: var(--line); color: var(--muted); cursor: not-allowed; }
td.actions { white-space: nowrap; }
td.actions button + button { margin-left: 4px; }
#toast { position: fixed; right: 16px; bottom: 16px; max-width: 420px; padding: 8px 12px; border-radius: 6px; background: var(--fg); color: #fff; opacity: 0; transition: opacity .2s; pointer-events: none; }
#toast.shown { opacity: .95; }
#toast.error { background: var(--bad); }
`;

const SCRIPT = String.raw`
(function () {
  'use strict';
  var app = document.getElementById('app');
  var status = document.getElementById('status');
  var apiUrl = document.getElementById('api-url');
  var toastBox = document.getElementById('toast');
  var toastTimer;

  // Builds an element. Children are nodes or strings; strings become text nodes, never markup.
  function el(tag, attrs) {
    var node = document.createElement(tag);
    var names = attrs ? Object.keys(attrs) : [];
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      var value = attrs[name];
      if (value === undefined || value === null || value === false) continue;
      if (name === 'onclick') node.addEventListener('click', value);
      else if (name === 'href') { if (/^https?:\/\//.test(value)) node.setAttribute('href', value); }
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (var j = 2; j < arguments.length; j++) append(node, arguments[j]);
    return node;
  }
  function append(node, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (each) { append(node, each); }); return; }
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function time(ms) {
    if (!ms) return '';
    var d = new Date(ms);
    return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }
  function bytes(n) {
    if (!n) return '0 B';
    if (n < 1024) return n + ' B';
    if (n < 1048576) return (n / 1024).toFixed(1) + ' KB';
    return (n / 1048576).toFixed(1) + ' MB';
  }
  function badge(text, kind) { return el('span', { class: 'badge ' + (kind || text) }, text); }
  function id(text) { return el('span', { class: 'id', title: text }, text); }
  function table(headings, rows, emptyText) {
    if (rows.length === 0) return el('p', { class: 'empty' }, emptyText || 'None yet');
    return el('table', null,
      el('thead', null, el('tr', null, headings.map(function (h) { return el('th', null, h); }))),
      el('tbody', null, rows));
  }
  function card(name, title, count) {
    var body = Array.prototype.slice.call(arguments, 3);
    return el('section', { class: 'card', 'data-section': name },
      el('h2', null, title, count === undefined ? null : badge(String(count), 'count')), body);
  }
  function toast(text, isError) {
    toastBox.textContent = text;
    toastBox.className = 'shown' + (isError ? ' error' : '');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toastBox.className = ''; }, 3500);
  }
  function act(method, path, label) {
    return fetch(path, { method: method, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined })
      .then(function (response) {
        if (response.ok) { toast(label); return; }
        return response.json().catch(function () { return {}; }).then(function (body) {
          toast(label + ' failed: ' + (body.message || response.status), true);
        });
      })
      .catch(function (error) { toast(label + ' failed: ' + error.message, true); });
  }
  function enc(text) { return encodeURIComponent(text); }

  function connectionRow(connection) {
    return el('tr', { 'data-connection-id': connection.id },
      el('td', null, id(connection.id)),
      el('td', null, badge(connection.source, 'source')),
      el('td', null, connection.role),
      el('td', { class: 'data' }, connection.data === '' ? el('span', { class: 'muted' }, '(none)') : el('code', null, connection.data)),
      el('td', null, time(connection.createdAt)),
      el('td', { class: 'actions' }, connection.controllable ? [
        el('button', { type: 'button', 'data-action': 'publish', onclick: function () {
          act('POST', '/_emulator/dashboard/connections/' + enc(connection.id) + '/streams', 'Published a stream');
        } }, 'Publish'),
        el('button', { type: 'button', 'data-action': 'disconnect', onclick: function () {
          act('DELETE', '/_emulator/dashboard/connections/' + enc(connection.id), 'Disconnected');
        } }, 'Disconnect')
      ] : null));
  }
  function streamRow(stream) {
    return el('tr', { 'data-stream-id': stream.id },
      el('td', null, id(stream.id)),
      el('td', { class: 'name' }, stream.name === '' ? el('span', { class: 'muted' }, '(none)') : stream.name),
      el('td', null, stream.videoType),
      el('td', null, stream.muted ? badge('muted', 'warn') : stream.hasAudio ? 'yes' : 'no'),
      el('td', null, stream.hasVideo ? 'yes' : 'no'),
      el('td', null, id(stream.connectionId)));
  }
  function sessionBlock(project, session) {
    var live = session.connections.length > 0;
    var canConnect = project.kind === 'project';
    return el('div', { class: 'session', 'data-session-id': session.id },
      el('div', { class: 'session-head' },
        id(session.id),
        badge(live ? 'live' : 'idle', live ? 'live' : 'idle'),
        badge(session.mediaMode, 'mode'),
        session.archiveMode === 'always' ? badge('archive: always', 'mode') : null,
        session.muteAll ? badge('muted', 'warn') : null,
        el('span', { class: 'muted' }, 'project ' + project.apiKey + ', created ' + time(session.createdAt)),
        el('button', {
          type: 'button', 'data-action': 'connect', disabled: !canConnect,
          title: canConnect ? 'Connect a simulated client with a publisher token' : 'The emulator does not keep a Vonage application\'s private key: connect from your app',
          onclick: function () { act('POST', '/_emulator/dashboard/sessions/' + enc(session.id) + '/clients', 'Connected a simulated client'); }
        }, 'Connect a simulated client')),
      el('h3', null, 'Connections'),
      table(['ID', 'Source', 'Role', 'Data', 'Since', ''], session.connections.map(connectionRow), 'No connections'),
      el('h3', null, 'Streams'),
      table(['ID', 'Name', 'Video type', 'Audio', 'Video', 'Connection'], session.streams.map(streamRow), 'No streams'));
  }
  function each(state, list) {
    var rows = [];
    state.projects.forEach(function (project) { project[list].forEach(function (item) { rows.push([project, item]); }); });
    return rows;
  }

  function render(state) {
    apiUrl.textContent = state.url;
    var sessions = each(state, 'sessions');
    var live = sessions.filter(function (pair) { return pair[1].connections.length > 0; }).length;
    document.title = 'OpenTok emulator: ' + live + ' live session' + (live === 1 ? '' : 's');
    var archives = each(state, 'archives');
    var broadcasts = each(state, 'broadcasts');
    var calls = each(state, 'sipCalls');
    var renders = each(state, 'renders');
    var captions = each(state, 'captions');
    var callbacks = each(state, 'callbacks');
    var view = [
      card('projects', 'Projects', state.projects.length,
        table(['API key', 'Kind', 'Sessions', 'Live'], state.projects.map(function (project) {
          return el('tr', { 'data-api-key': project.apiKey },
            el('td', null, el('code', null, project.apiKey)),
            el('td', null, project.kind === 'project' ? 'OpenTok project' : 'Vonage application'),
            el('td', null, project.sessions.length),
            el('td', null, project.sessions.filter(function (s) { return s.connections.length > 0; }).length));
        })),
        el('p', { class: 'muted' }, 'API secrets are not shown here: the emulator\'s command line prints them, and GET /_emulator/project returns the first project\'s credentials.')),
      card('sessions', 'Sessions', sessions.length,
        sessions.length === 0 ? el('p', { class: 'empty' }, 'No sessions yet: create one with opentok.createSession()') :
          sessions.map(function (pair) { return sessionBlock(pair[0], pair[1]); })),
      card('archives', 'Archives', archives.length,
        table(['ID', 'Name', 'Status', 'Session', 'Duration', 'Size', 'Started', ''], archives.map(function (pair) {
          var archive = pair[1];
          return el('tr', { 'data-archive-id': archive.id },
            el('td', null, id(archive.id)),
            el('td', { class: 'name' }, archive.name === null ? el('span', { class: 'muted' }, '(none)') : archive.name),
            el('td', null, badge(archive.status), archive.reason ? el('span', { class: 'muted' }, ' ' + archive.reason) : null),
            el('td', null, id(archive.sessionId)),
            el('td', null, archive.duration + ' s'),
            el('td', null, bytes(archive.size)),
            el('td', null, time(archive.createdAt)),
            el('td', null, archive.url ? el('a', { href: archive.url, download: '' }, 'Download') : null));
        }))),
      card('broadcasts', 'Broadcasts', broadcasts.length,
        table(['ID', 'Status', 'Session', 'Outputs', 'Started'], broadcasts.map(function (pair) {
          var broadcast = pair[1];
          return el('tr', { 'data-broadcast-id': broadcast.id },
            el('td', null, id(broadcast.id)),
            el('td', null, badge(broadcast.status)),
            el('td', null, id(broadcast.sessionId)),
            el('td', null,
              broadcast.hls ? el('div', null, 'HLS ', el('a', { href: broadcast.hls }, 'playlist')) : null,
              broadcast.rtmp.map(function (output) {
                return el('div', null, 'RTMP ', el('code', null, output.serverUrl + '/' + output.streamName), ' ', badge(output.status));
              }),
              !broadcast.hls && broadcast.rtmp.length === 0 ? el('span', { class: 'muted' }, '(ended)') : null),
            el('td', null, time(broadcast.createdAt)));
        }))),
      card('sip', 'SIP calls', calls.length,
        table(['Call ID', 'From', 'Session', 'Connection', 'Since'], calls.map(function (pair) {
          var call = pair[1];
          return el('tr', { 'data-call-id': call.id },
            el('td', null, id(call.id)), el('td', null, call.from), el('td', null, id(call.sessionId)),
            el('td', null, id(call.connectionId)), el('td', null, time(call.createdAt)));
        }), 'No calls in progress')),
      card('renders', 'Experience Composer renders', renders.length,
        table(['ID', 'Status', 'Session', 'URL', 'Started'], renders.map(function (pair) {
          var item = pair[1];
          return el('tr', { 'data-render-id': item.id },
            el('td', null, id(item.id)), el('td', null, badge(item.status)), el('td', null, id(item.sessionId)),
            el('td', null, el('code', null, item.url)), el('td', null, time(item.createdAt)));
        }))),
      card('captions', 'Live captions', captions.length,
        table(['ID', 'Status', 'Session', 'Language', 'Started'], captions.map(function (pair) {
          var item = pair[1];
          return el('tr', { 'data-captions-id': item.id },
            el('td', null, id(item.id)), el('td', null, badge(item.status)), el('td', null, id(item.sessionId)),
            el('td', null, item.languageCode), el('td', null, time(item.createdAt)));
        }))),
      card('callbacks', 'Event callbacks', undefined,
        el('h3', null, 'Registered'),
        table(['Group', 'Event', 'URL', 'Project'], callbacks.map(function (pair) {
          var item = pair[1];
          return el('tr', { 'data-callback-id': item.id },
            el('td', null, item.group), el('td', null, item.event), el('td', null, el('code', null, item.url)),
            el('td', null, el('code', null, pair[0].apiKey)));
        }), 'None registered: opentok.registerCallback({ group, event, url }) adds one'),
        el('h3', null, 'Last delivered'),
        table(['Time', 'Event', 'URL', 'Answer'], state.deliveries.map(function (delivery) {
          return el('tr', { class: 'delivery' },
            el('td', null, time(delivery.at)),
            el('td', { class: 'kind' }, delivery.kind),
            el('td', null, el('code', null, delivery.url)),
            el('td', { class: 'answer' }, delivery.status === null ? badge('failed: ' + delivery.error, 'bad')
              : badge(String(delivery.status), delivery.status >= 200 && delivery.status < 300 ? 'ok' : 'bad')));
        }), 'None delivered yet'))
    ];
    var fragment = document.createDocumentFragment();
    append(fragment, view);
    app.replaceChildren(fragment);
  }

  function connect() {
    var source = new EventSource('/_emulator/state/events');
    source.addEventListener('open', function () { status.textContent = 'live'; status.className = 'badge live'; });
    source.addEventListener('error', function () { status.textContent = 'reconnecting'; status.className = 'badge warn'; });
    source.addEventListener('state', function (event) { render(JSON.parse(event.data)); });
  }
  connect();
})();
`;

/** `'sha256-...'` of a text, as a Content-Security-Policy source. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page, built once. */
export const DASHBOARD_HTML = Buffer.from(
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenTok emulator</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>OpenTok emulator</h1>
<span id="status" class="badge">connecting</span>
<span class="muted">API URL <code id="api-url"></code></span>
</header>
<main id="app"></main>
<div id="toast" role="status" aria-live="polite"></div>
<script>${SCRIPT}</script>
</body>
</html>
`,
  'utf8',
);

/**
 * The page's Content-Security-Policy: its own inline script and style (by hash) and nothing else;
 * fetches and the event stream to its own origin only; no framing (a page that frames it cannot
 * trick a visitor into clicking its buttons).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  `script-src ${cspHash(SCRIPT)}`,
  `style-src ${cspHash(STYLE)}`,
  "connect-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
