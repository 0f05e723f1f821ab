'use strict';
// The webhook helper: parseEvent() turns the event callbacks the OpenTok service POSTs into typed
// events (a JSON object of no known kind into an UnknownEvent, anything else into a WebhookError);
// webhookHandler() serves them in Express and checks signed callbacks; verifyCallback() checks one.
const http = require('http');
const { expect } = require('chai');
const express = require('express');
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const { parseEvent, webhookHandler, verifyCallback, WebhookError, CallbackSignatureError } = require('opentok/webhooks');

/** The SDK's shared error base class (not exported by name; every SDK error class extends it). */
const OpenTokError = Object.getPrototypeOf(OpenTok.ArgumentError);

const SESSION_ID = '2_MX4xMzExMjU3MX5-MTQ3MDI1NzY3OTkxOH45QXRr';
const PREFIX = 'Invalid OpenTok event: ';

// Realistic payloads, modelled on the service's documented callbacks.
const CONNECTION = { id: 'c053fcc8-c681-41d5-8ec2-7a9e1434a21e', createdAt: 1470257688143, data: 'TOKENDATA' };
const STREAM = {
  id: '63245362-e00e-4834-8371-9397deb3e452',
  connection: CONNECTION,
  createdAt: 1470258845416,
  name: 'Alice',
  videoType: 'camera',
};

/** A SIP call as the SIP call monitoring callbacks describe it. */
const CALL = { id: '44d3f5b5-4aef-4148-8ac9-5bab51587b02', connectionId: 'bfa0d2c8-7dbb-4c1f-b0e5-39b2e1e6e8bf', createdAt: 1508289863475 };

const PAYLOADS = {
  sessionCreated: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'sessionCreated',
    timestamp: 1470257679918,
  },
  sessionDestroyed: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'sessionDestroyed',
    reason: 'clientDisconnected',
    timestamp: 1470258991207,
  },
  callCreated: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'callCreated',
    timestamp: 1508289863643,
    call: CALL,
  },
  callUpdated: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'callUpdated',
    timestamp: 1508289869120,
    state: 'answered',
    call: CALL,
  },
  callDestroyed: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'callDestroyed',
    timestamp: 1508289918347,
    reason_code: '200',
    reason_message: 'OK',
    call: CALL,
  },
  muteForced: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'muteForced',
    timestamp: 1508289901022,
    call: CALL,
  },
  connectionCreated: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'connectionCreated',
    timestamp: 1470257688309,
    connection: CONNECTION,
  },
  connectionDestroyed: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'connectionDestroyed',
    reason: 'clientDisconnected',
    timestamp: 1470257688309,
    connection: CONNECTION,
  },
  streamCreated: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'streamCreated',
    timestamp: 1470258860571,
    stream: STREAM,
  },
  streamDestroyed: {
    sessionId: SESSION_ID,
    projectId: '123456',
    event: 'streamDestroyed',
    reason: 'clientDisconnected',
    timestamp: 1470258896953,
    stream: STREAM,
  },
  archiveStatus: {
    id: 'b40ef09b-3811-4726-b508-e41a0f96c68f',
    event: 'archive',
    createdAt: 1384221380000,
    duration: 328,
    name: 'Foo',
    partnerId: 123456,
    reason: '',
    resolution: '640x480',
    sessionId: SESSION_ID,
    size: 18023312,
    status: 'available',
    url: 'https://example-bucket.s3.amazonaws.com/123456/b40ef09b-3811-4726-b508-e41a0f96c68f/archive.mp4',
    hasAudio: true,
    hasVideo: true,
    outputMode: 'composed',
    streamMode: 'auto',
    sha256sum: 'fd1f4b3e5a3b7e6cf0f3a3b2e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6978812',
  },
  // As the callback reference shows it: no event field.
  archiveStatusReference: {
    id: 'b40ef09b-3811-4726-b508-e41a0f96c68f',
    status: 'available',
    name: 'Foo',
    reason: '',
    sessionId: SESSION_ID,
    projectId: 123456,
    createdAt: 1384221380000,
    size: 18023312,
    duration: 328,
    outputMode: 'composed',
    hasAudio: true,
    hasVideo: true,
    certificate: '',
    sha256sum: 'fd1f4b3e5a3b7e6cf0f3a3b2e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6978812',
    password: '',
    updatedAt: 1384221730000,
  },
  broadcastStatus: {
    id: '1748b7070a81464c9759c46ad10d3734',
    sessionId: SESSION_ID,
    projectId: 123456,
    createdAt: 1437676551000,
    updatedAt: 1437676551000,
    resolution: '640x480',
    broadcastUrls: {
      hls: 'https://example.com/hls/1748b7070a81464c9759c46ad10d3734/index.m3u8',
      rtmp: [{ id: 'youtube', serverUrl: 'rtmp://a.rtmp.youtube.com/live2', streamName: 'key', status: 'live' }],
    },
    maxDuration: 7200,
    streamMode: 'auto',
    streams: [],
    status: 'started',
    event: 'broadcast',
  },
  renderStatus: {
    id: '1248e7070b81464c9789f46ad10e7764',
    sessionId: SESSION_ID,
    projectId: 'e2343f23456g34709d2443a234',
    createdAt: 1437676551000,
    updatedAt: 1437676551000,
    url: 'https://webapp.customer.com',
    resolution: '1280x720',
    status: 'started',
    streamId: 'e32445b743678c98230f238',
  },
  // As the Experience Composer guide shows it: these five fields only.
  renderStatusGuide: {
    id: '1248e7070b81464c9789f46ad10e7764',
    sessionId: SESSION_ID,
    streamId: 'e32445b743678c98230f238',
    status: 'failed',
    reason: 'Could not load URL',
  },
  captionsStatus: {
    captionId: '7c0680fc-6274-4de5-a66f-d0648e8d3ac2',
    applicationId: '78f2d8a0-7a4b-4b7e-9d3f-1b8f0a2c6d5e',
    sessionId: SESSION_ID,
    status: 'Started',
    createdAt: 1651253477,
    updatedAt: 1651253477,
    duration: 0,
    languageCode: 'en-US',
    provider: 'aws-transcribe',
    reason: '',
    group: 'captions',
  },
};

/** The typed event each payload must give: every payload field, the normalized fields, type and payload. */
const EXPECTED = {
  sessionCreated: (p) => ({ ...p, type: 'sessionCreated', payload: p }),
  sessionDestroyed: (p) => ({ ...p, type: 'sessionDestroyed', payload: p }),
  callCreated: (p) => ({ ...p, type: 'callCreated', payload: p }),
  callUpdated: (p) => ({ ...p, type: 'callUpdated', payload: p }),
  callDestroyed: (p) => ({ ...p, reasonCode: '200', reasonMessage: 'OK', type: 'callDestroyed', payload: p }),
  muteForced: (p) => ({ ...p, type: 'muteForced', payload: p }),
  connectionCreated: (p) => ({ ...p, type: 'connectionCreated', payload: p }),
  connectionDestroyed: (p) => ({ ...p, type: 'connectionDestroyed', payload: p }),
  streamCreated: (p) => ({ ...p, type: 'streamCreated', payload: p }),
  streamDestroyed: (p) => ({ ...p, type: 'streamDestroyed', payload: p }),
  archiveStatus: (p) => ({ ...p, projectId: '123456', type: 'archiveStatus', payload: p }),
  archiveStatusReference: (p) => ({ ...p, projectId: '123456', type: 'archiveStatus', payload: p }),
  broadcastStatus: (p) => ({ ...p, projectId: '123456', type: 'broadcastStatus', payload: p }),
  renderStatus: (p) => ({ ...p, type: 'renderStatus', payload: p }),
  renderStatusGuide: (p) => ({ ...p, type: 'renderStatus', payload: p }),
  captionsStatus: (p) => ({
    ...p,
    captionsId: '7c0680fc-6274-4de5-a66f-d0648e8d3ac2',
    projectId: '78f2d8a0-7a4b-4b7e-9d3f-1b8f0a2c6d5e',
    type: 'captionsStatus',
    payload: p,
  }),
};

const clone = (value) => JSON.parse(JSON.stringify(value));

/** A deep copy of `PAYLOADS[kind]` changed by `edit(copy)`. */
function variant(kind, edit) {
  const payload = clone(PAYLOADS[kind]);
  edit(payload);
  return payload;
}

/** The WebhookError parseEvent throws for `body`; fails when it returns or throws anything else. */
function parseError(body) {
  let result;
  try {
    result = parseEvent(body);
  } catch (error) {
    expect(error).to.be.instanceOf(WebhookError);
    expect(error).to.be.instanceOf(OpenTokError);
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('WebhookError');
    return error;
  }
  throw new Error(`parseEvent accepted the body and returned ${JSON.stringify(result)}`);
}

/** The three input forms of a JSON body: parsed object, JSON text and Buffer. */
function inputForms(payload) {
  const text = JSON.stringify(payload);
  return [
    ['object', clone(payload)],
    ['string', text],
    ['Buffer', Buffer.from(text, 'utf8')],
  ];
}

describe('webhooks: parseEvent', () => {
  it('the error class extends the SDK base class and has a default message', () => {
    expect(OpenTokError.name).to.equal('OpenTokError');
    const error = new WebhookError();
    expect(error).to.be.instanceOf(OpenTokError);
    expect(error.message).to.equal('Invalid OpenTok event');
    expect(error.name).to.equal('WebhookError');
    expect(Object.keys(error)).to.deep.equal([]);
    expect(new WebhookError('x').message).to.equal('x');
  });

  describe('every event kind, as an object, a string and a Buffer', () => {
    for (const kind of Object.keys(PAYLOADS)) {
      for (const [form] of inputForms(PAYLOADS[kind])) {
        it(`${kind} (${form})`, () => {
          const input = inputForms(PAYLOADS[kind]).find(([name]) => name === form)[1];
          const event = parseEvent(input);
          expect(event.type).to.equal(EXPECTED[kind](PAYLOADS[kind]).type);
          expect(event).to.deep.equal(EXPECTED[kind](PAYLOADS[kind]));
          expect(event.payload).to.deep.equal(PAYLOADS[kind]);
          if (form === 'object') expect(event.payload).to.equal(input);
        });
      }
    }
  });

  it('does not change the object it is given', () => {
    for (const kind of Object.keys(PAYLOADS)) {
      const input = clone(PAYLOADS[kind]);
      const event = parseEvent(input);
      expect(input, kind).to.deep.equal(PAYLOADS[kind]);
      expect(event, kind).to.not.equal(input);
      // Nested objects of the typed view are copies: changing them leaves the payload intact.
      if (event.connection) {
        expect(event.connection).to.not.equal(input.connection);
        event.connection.id = 'changed';
        expect(input.connection.id).to.equal(CONNECTION.id);
      }
      if (event.stream) {
        expect(event.stream).to.not.equal(input.stream);
        expect(event.stream.connection).to.not.equal(input.stream.connection);
      }
    }
  });

  describe('accepted variants', () => {
    it('keeps unknown fields, at the top level and nested, on the event and in payload', () => {
      const payload = variant('streamCreated', (p) => {
        p.region = 'eu-west-1';
        p.stream.layoutClassList = ['focus'];
        p.stream.connection.role = 'publisher';
        p.stream.hasAudio = true;
      });
      const event = parseEvent(JSON.stringify(payload));
      expect(event.region).to.equal('eu-west-1');
      expect(event.stream.layoutClassList).to.deep.equal(['focus']);
      expect(event.stream.connection.role).to.equal('publisher');
      expect(event.stream.hasAudio).to.equal(true);
      expect(event.payload).to.deep.equal(payload);
      expect(event.payload.region).to.equal('eu-west-1');
    });

    it('keeps a payload field named type or payload in payload only', () => {
      const payload = variant('connectionCreated', (p) => {
        p.type = 'custom';
        p.payload = 'raw';
      });
      const event = parseEvent(payload);
      expect(event.type).to.equal('connectionCreated');
      expect(event.payload).to.equal(payload);
      expect(event.payload.type).to.equal('custom');
      expect(event.payload.payload).to.equal('raw');
    });

    it('takes the project ID from projectId, then partnerId, then applicationId, as a string', () => {
      const both = variant('archiveStatus', (p) => {
        p.projectId = '777';
      });
      expect(parseEvent(both).projectId).to.equal('777');
      expect(parseEvent(PAYLOADS.archiveStatus).projectId).to.equal('123456');
      const numeric = variant('connectionCreated', (p) => {
        p.projectId = 42;
      });
      expect(parseEvent(numeric).projectId).to.equal('42');
      expect(parseEvent(numeric).payload.projectId).to.equal(42);
      const application = variant('broadcastStatus', (p) => {
        delete p.projectId;
        p.applicationId = 'app-1';
      });
      expect(parseEvent(application).projectId).to.equal('app-1');
      const partner = variant('renderStatus', (p) => {
        delete p.projectId;
        p.partnerId = 99;
      });
      expect(parseEvent(partner).projectId).to.equal('99');
    });

    it('archive: name and url may be null (a started archive)', () => {
      const payload = variant('archiveStatus', (p) => {
        Object.assign(p, { status: 'started', name: null, url: null, size: 0, duration: 0 });
      });
      const event = parseEvent(payload);
      expect(event).to.include({ type: 'archiveStatus', status: 'started', name: null, url: null, size: 0, duration: 0 });
    });

    it('archive: every documented status is accepted', () => {
      for (const status of ['available', 'expired', 'failed', 'paused', 'started', 'stopped', 'uploaded']) {
        expect(parseEvent(variant('archiveStatus', (p) => (p.status = status))).status).to.equal(status);
      }
    });

    it('archive: only id, status, sessionId, project ID, createdAt, duration and size are required', () => {
      const minimal = {
        event: 'archive',
        id: 'a1',
        status: 'stopped',
        sessionId: SESSION_ID,
        partnerId: '123456',
        createdAt: 1,
        duration: 2,
        size: 3,
      };
      expect(parseEvent(minimal)).to.deep.equal({ ...minimal, projectId: '123456', type: 'archiveStatus', payload: minimal });
    });

    it('streamDestroyed: a stream connection may carry only its id, and videoType may be null or absent', () => {
      const payload = variant('streamDestroyed', (p) => {
        p.stream.connection = { id: 'gone' };
        p.stream.videoType = null;
      });
      const event = parseEvent(payload);
      expect(event.stream.connection).to.deep.equal({ id: 'gone' });
      expect(event.stream.videoType).to.equal(null);
      const absent = variant('streamCreated', (p) => {
        delete p.stream.videoType;
      });
      expect(parseEvent(absent).stream).to.not.have.property('videoType');
    });

    it('connectionDestroyed and streamDestroyed without reason', () => {
      for (const kind of ['connectionDestroyed', 'streamDestroyed']) {
        const event = parseEvent(variant(kind, (p) => delete p.reason));
        expect(event.type).to.equal(kind);
        expect(event).to.not.have.property('reason');
      }
    });

    it('render: with event "render", a stopped status and a reason', () => {
      const payload = variant('renderStatus', (p) => {
        Object.assign(p, { event: 'render', status: 'stopped', reason: 'Stop Requested', callbackUrl: 'https://example.com/cb' });
      });
      expect(parseEvent(payload)).to.deep.equal({ ...payload, type: 'renderStatus', payload });
      for (const status of ['starting', 'started', 'stopped', 'failed']) {
        expect(parseEvent(variant('renderStatus', (p) => (p.status = status))).status).to.equal(status);
      }
    });

    it('captions: captionsId (preferred over captionId), projectId and event "captions"', () => {
      const payload = {
        captionsId: 'cap-1',
        captionId: 'cap-legacy',
        projectId: '123456',
        sessionId: SESSION_ID,
        status: 'Stopped',
        createdAt: 1651253477,
        updatedAt: 1651253577,
        duration: 100,
        languageCode: 'en-US',
        provider: 'aws-transcribe',
        reason: 'Session ended',
        event: 'captions',
      };
      expect(parseEvent(payload)).to.deep.equal({ ...payload, captionsId: 'cap-1', projectId: '123456', type: 'captionsStatus', payload });
      const groupOnly = variant('captionsStatus', (p) => {
        p.captionsId = p.captionId;
        delete p.captionId;
      });
      expect(parseEvent(groupOnly).captionsId).to.equal('7c0680fc-6274-4de5-a66f-d0648e8d3ac2');
      const noGroup = variant('captionsStatus', (p) => delete p.group);
      expect(parseEvent(noGroup).type).to.equal('captionsStatus');
    });

    it('a Buffer with a UTF-8 byte order mark, a Uint8Array, and non-ASCII data', () => {
      const payload = variant('connectionCreated', (p) => (p.connection.data = 'name=Zoë 🎥'));
      const text = JSON.stringify(payload);
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      expect(parseEvent(withBom).connection.data).to.equal('name=Zoë 🎥');
      expect(parseEvent('\ufeff' + text).connection.data).to.equal('name=Zoë 🎥');
      const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
      expect(parseEvent(bytes)).to.deep.equal({ ...payload, type: 'connectionCreated', payload });
      // A view on part of a larger buffer.
      const padded = Buffer.from(`xx${text}yy`, 'utf8');
      expect(parseEvent(padded.subarray(2, padded.length - 2)).connection.data).to.equal('name=Zoë 🎥');
    });

    it('without event, each kind is told by the fields only it has, never by an id alone', () => {
      const kindOf = (payload) => parseEvent(payload).type;
      expect(kindOf(PAYLOADS.archiveStatusReference)).to.equal('archiveStatus');
      expect(kindOf(PAYLOADS.renderStatusGuide)).to.equal('renderStatus');
      expect(kindOf(variant('captionsStatus', (p) => delete p.group))).to.equal('captionsStatus');
      expect(kindOf(variant('broadcastStatus', (p) => delete p.event))).to.equal('broadcastStatus');
      // An archive told by any one of its own fields.
      const bare = { id: 'a', status: 'stopped', sessionId: SESSION_ID, projectId: '1', createdAt: 1, size: 0, duration: 0 };
      expect(kindOf(bare)).to.equal('archiveStatus');
      // A render told by url and resolution, without streamId.
      expect(kindOf({ id: 'r', sessionId: SESSION_ID, status: 'starting', url: 'https://x', resolution: '1280x720' })).to.equal('renderStatus');
      expect(kindOf({ id: 'r', sessionId: SESSION_ID, status: 'starting' })).to.equal('unknown');
    });

    it('fields a kind may leave out are optional: render without url, dates or project; captions without project', () => {
      const render = parseEvent(PAYLOADS.renderStatusGuide);
      expect(render).to.deep.equal({ ...PAYLOADS.renderStatusGuide, type: 'renderStatus', payload: PAYLOADS.renderStatusGuide });
      expect(render).to.not.have.property('projectId');
      const captions = parseEvent(variant('captionsStatus', (p) => (delete p.applicationId, delete p.createdAt, delete p.updatedAt)));
      expect(captions.type).to.equal('captionsStatus');
      expect(captions).to.not.have.property('projectId');
    });

    it('archive status as the callback reference shows it: no event, certificate, sha256sum, password, updatedAt', () => {
      const event = parseEvent(PAYLOADS.archiveStatusReference);
      expect(event).to.not.have.property('event');
      expect(event).to.include({ type: 'archiveStatus', projectId: '123456', updatedAt: 1384221730000, certificate: '', password: '' });
      expect(parseEvent(variant('archiveStatusReference', (p) => (p.sha256sum = 1))).problem).to.equal('sha256sum must be a string');
    });

    it('SIP calls: state, reason_code and reason_message at the top level or in the call; muteForced with or without a call', () => {
      const inCall = parseEvent(variant('callUpdated', (p) => (delete p.state, (p.call.state = 'ringing'))));
      expect(inCall).to.include({ type: 'callUpdated', state: 'ringing' });
      const numeric = parseEvent(variant('callDestroyed', (p) => (delete p.reason_code, delete p.reason_message, (p.call.reason_code = 486), (p.call.reason_message = 'Busy Here'))));
      expect(numeric).to.include({ type: 'callDestroyed', reasonCode: 486, reasonMessage: 'Busy Here' });
      const bare = parseEvent(variant('callDestroyed', (p) => (delete p.reason_code, delete p.reason_message)));
      expect(bare).to.not.have.property('reasonCode');
      expect(bare).to.not.have.property('reasonMessage');
      expect(parseEvent(variant('callUpdated', (p) => delete p.state))).to.not.have.property('state');
      expect(parseEvent(variant('muteForced', (p) => delete p.call))).to.include({ type: 'muteForced' });
      expect(parseEvent(variant('callCreated', (p) => delete p.call)).problem).to.equal('call must be an object');
      expect(parseEvent(variant('callCreated', (p) => (p.call.id = ''))).problem).to.equal('call.id must not be empty');
      expect(parseEvent(variant('callCreated', (p) => (p.call.createdAt = 'x'))).problem).to.equal('call.createdAt must be a number');
      expect(parseEvent(variant('callUpdated', (p) => (p.state = 3))).problem).to.equal('state must be a string');
      expect(parseEvent(variant('callDestroyed', (p) => (p.reason_code = true))).problem).to.equal('reason_code must be a string or number');
    });

    it('session events: sessionDestroyed without reason; sessionCreated needs its timestamp', () => {
      expect(parseEvent(variant('sessionDestroyed', (p) => delete p.reason))).to.not.have.property('reason');
      expect(parseEvent(variant('sessionCreated', (p) => delete p.timestamp)).problem).to.equal('timestamp must be a number');
    });
  });

  describe('bodies of no known kind, and bodies that are not JSON objects', () => {
    const cases = [
      // [title, body, message]
      ['non-JSON text', 'connectionCreated', 'body is not valid JSON'],
      ['truncated JSON', '{"event":"connectionCreated",', 'body is not valid JSON'],
      ['an empty string', '', 'body is not valid JSON'],
      ['a non-JSON Buffer', Buffer.from('<xml/>'), 'body is not valid JSON'],
      ['an empty Buffer', Buffer.alloc(0), 'body is not valid JSON'],
      ['a JSON array', '[]', 'body must be a JSON object'],
      ['a JSON number', '42', 'body must be a JSON object'],
      ['JSON null', 'null', 'body must be a JSON object'],
      ['a JSON string', '"connectionCreated"', 'body must be a JSON object'],
      ['a JSON boolean (Buffer)', Buffer.from('true'), 'body must be a JSON object'],
      ['an array object', [PAYLOADS.connectionCreated], 'body must be a JSON object'],
      ['a number', 42, 'body must be a JSON object'],
      ['a boolean', true, 'body must be a JSON object'],
      ['undefined', undefined, 'no body (parse it with express.json(), express.text() or express.raw())'],
      ['null', null, 'no body (parse it with express.json(), express.text() or express.raw())'],
      ['an empty object', {}, 'no event field, and not the fields of a known kind'],
      ['an object without event, captions ID or id', { sessionId: SESSION_ID, status: 'started' }, 'no event field, and not the fields of a known kind'],
      ['an object with only an id (never enough to tell a kind)', { id: 'x', sessionId: SESSION_ID, status: 'started' }, 'no event field, and not the fields of a known kind'],
      ['a numeric event', variant('connectionCreated', (p) => (p.event = 42)), 'event must be a string'],
      ['a null event', variant('connectionCreated', (p) => (p.event = null)), 'event must be a string'],
      ['an unknown event', variant('connectionCreated', (p) => (p.event = 'sessionPaused')), 'unknown event "sessionPaused"'],
      ['an event named like an Object.prototype member', variant('connectionCreated', (p) => (p.event = 'toString')), 'unknown event "toString"'],
      ['an event of another case', variant('archiveStatus', (p) => (p.event = 'Archive')), 'unknown event "Archive"'],
      ['an event with quotes', { event: 'a"b' }, 'unknown event "a\\"b"'],

      // Session monitoring.
      ['missing sessionId', variant('connectionCreated', (p) => delete p.sessionId), 'sessionId must be a string'],
      ['numeric sessionId', variant('connectionCreated', (p) => (p.sessionId = 1)), 'sessionId must be a string'],
      ['empty sessionId', variant('streamCreated', (p) => (p.sessionId = '')), 'sessionId must not be empty'],
      [
        'missing projectId',
        variant('connectionCreated', (p) => delete p.projectId),
        'projectId, partnerId or applicationId must be a string or number',
      ],
      ['boolean projectId', variant('connectionCreated', (p) => (p.projectId = true)), 'projectId must be a string or number'],
      ['empty projectId', variant('streamDestroyed', (p) => (p.projectId = '')), 'projectId must not be empty'],
      ['string timestamp', variant('connectionCreated', (p) => (p.timestamp = '1470257688309')), 'timestamp must be a number'],
      ['missing timestamp', variant('streamCreated', (p) => delete p.timestamp), 'timestamp must be a number'],
      ['missing connection', variant('connectionCreated', (p) => delete p.connection), 'connection must be an object'],
      ['array connection', variant('connectionDestroyed', (p) => (p.connection = [CONNECTION])), 'connection must be an object'],
      ['missing connection.id', variant('connectionCreated', (p) => delete p.connection.id), 'connection.id must be a string'],
      ['numeric connection.id', variant('connectionCreated', (p) => (p.connection.id = 42)), 'connection.id must be a string'],
      ['empty connection.id', variant('connectionDestroyed', (p) => (p.connection.id = '')), 'connection.id must not be empty'],
      ['null connection.createdAt', variant('connectionCreated', (p) => (p.connection.createdAt = null)), 'connection.createdAt must be a number'],
      ['missing connection.data', variant('connectionCreated', (p) => delete p.connection.data), 'connection.data must be a string'],
      ['numeric reason', variant('connectionDestroyed', (p) => (p.reason = 5)), 'reason must be a string'],
      ['string stream', variant('streamCreated', (p) => (p.stream = 'x')), 'stream must be an object'],
      ['missing stream.id', variant('streamCreated', (p) => delete p.stream.id), 'stream.id must be a string'],
      ['missing stream.connection', variant('streamCreated', (p) => delete p.stream.connection), 'stream.connection must be an object'],
      ['empty stream.connection.id', variant('streamDestroyed', (p) => (p.stream.connection.id = '')), 'stream.connection.id must not be empty'],
      [
        'string stream.connection.createdAt',
        variant('streamCreated', (p) => (p.stream.connection.createdAt = 'yesterday')),
        'stream.connection.createdAt must be a number',
      ],
      ['numeric stream.connection.data', variant('streamCreated', (p) => (p.stream.connection.data = 7)), 'stream.connection.data must be a string'],
      ['missing stream.createdAt', variant('streamCreated', (p) => delete p.stream.createdAt), 'stream.createdAt must be a number'],
      ['null stream.name', variant('streamCreated', (p) => (p.stream.name = null)), 'stream.name must be a string'],
      ['numeric stream.videoType', variant('streamCreated', (p) => (p.stream.videoType = 1)), 'stream.videoType must be a string or null'],
      ['numeric stream reason', variant('streamDestroyed', (p) => (p.reason = ['x'])), 'reason must be a string'],

      // Archive.
      ['archive without id', variant('archiveStatus', (p) => delete p.id), 'id must be a string'],
      [
        'archive with an unknown status',
        variant('archiveStatus', (p) => (p.status = 'recording')),
        'status must be one of available, expired, failed, paused, started, stopped, uploaded',
      ],
      ['archive without status', variant('archiveStatus', (p) => delete p.status), 'status must be a string'],
      ['archive without sessionId', variant('archiveStatus', (p) => delete p.sessionId), 'sessionId must be a string'],
      ['archive with an object partnerId', variant('archiveStatus', (p) => (p.partnerId = {})), 'partnerId must be a string or number'],
      ['archive with a string createdAt', variant('archiveStatus', (p) => (p.createdAt = '2013-11-12')), 'createdAt must be a number'],
      ['archive with a string duration', variant('archiveStatus', (p) => (p.duration = '328')), 'duration must be a number'],
      ['archive without size', variant('archiveStatus', (p) => delete p.size), 'size must be a number'],
      ['archive with a numeric name', variant('archiveStatus', (p) => (p.name = 5)), 'name must be a string or null'],
      ['archive with a null reason', variant('archiveStatus', (p) => (p.reason = null)), 'reason must be a string'],
      ['archive with a boolean url', variant('archiveStatus', (p) => (p.url = false)), 'url must be a string or null'],
      ['archive with a numeric resolution', variant('archiveStatus', (p) => (p.resolution = 640)), 'resolution must be a string'],
      ['archive with a string hasAudio', variant('archiveStatus', (p) => (p.hasAudio = 'yes')), 'hasAudio must be a boolean'],
      ['archive with an object streams', variant('archiveStatus', (p) => (p.streams = {})), 'streams must be an array'],

      // Broadcast.
      ['broadcast without updatedAt', variant('broadcastStatus', (p) => delete p.updatedAt), 'updatedAt must be a number'],
      ['broadcast with a numeric status', variant('broadcastStatus', (p) => (p.status = 3)), 'status must be a string'],
      ['broadcast with an empty status', variant('broadcastStatus', (p) => (p.status = '')), 'status must not be empty'],
      ['broadcast with string broadcastUrls', variant('broadcastStatus', (p) => (p.broadcastUrls = 'x')), 'broadcastUrls must be an object'],
      ['broadcast with a string maxDuration', variant('broadcastStatus', (p) => (p.maxDuration = '7200')), 'maxDuration must be a number'],
      [
        'broadcast without project ID',
        variant('broadcastStatus', (p) => delete p.projectId),
        'projectId, partnerId or applicationId must be a string or number',
      ],

      // Render.
      [
        'render with an unknown status',
        variant('renderStatus', (p) => (p.status = 'paused')),
        'status must be one of starting, started, stopped, failed',
      ],
      ['render with a numeric resolution', variant('renderStatus', (p) => (p.resolution = 1280)), 'resolution must be a string'],
      ['render with a numeric streamId', variant('renderStatus', (p) => (p.streamId = 5)), 'streamId must be a string'],
      ['render with a string updatedAt', variant('renderStatus', (p) => (p.updatedAt = 'now')), 'updatedAt must be a number'],
      ['render without sessionId', variant('renderStatusGuide', (p) => delete p.sessionId), 'sessionId must be a string'],
      ['render (event "render") without id', variant('renderStatus', (p) => ((p.event = 'render'), delete p.id)), 'id must be a string'],
      ['render with an empty id', variant('renderStatus', (p) => (p.id = '')), 'id must not be empty'],

      // Captions.
      [
        'captions (group only) without a captions ID',
        variant('captionsStatus', (p) => delete p.captionId),
        'captionsId or captionId must be a string',
      ],
      ['captions with a numeric captionId', variant('captionsStatus', (p) => (p.captionId = 42)), 'captionId must be a string'],
      ['captions with an empty captionsId', { ...PAYLOADS.captionsStatus, captionsId: '' }, 'captionsId must not be empty'],
      ['captions without status', variant('captionsStatus', (p) => delete p.status), 'status must be a string'],
      ['captions with an object applicationId', variant('captionsStatus', (p) => (p.applicationId = {})), 'applicationId must be a string or number'],
      ['captions with a string createdAt', variant('captionsStatus', (p) => (p.createdAt = 'now')), 'createdAt must be a number'],
      ['captions with a string duration', variant('captionsStatus', (p) => (p.duration = '0')), 'duration must be a number'],
      ['captions with a numeric languageCode', variant('captionsStatus', (p) => (p.languageCode = 1)), 'languageCode must be a string'],
      ['captions with a numeric provider', variant('captionsStatus', (p) => (p.provider = 1)), 'provider must be a string'],
      [
        'captions (event "captions") without a captions ID',
        { event: 'captions', sessionId: SESSION_ID },
        'captionsId or captionId must be a string',
      ],
    ];

    for (const [title, body, message] of cases) {
      const isObject = body !== null && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body);
      if (!isObject) {
        // Not a JSON object at all: the only bodies parseEvent refuses.
        it(`${title} → WebhookError "${message}"`, () => {
          expect(parseError(body).message).to.equal(PREFIX + message);
        });
        continue;
      }
      it(`${title} → an UnknownEvent whose problem is "${message}", as an object, as text and as a Buffer`, () => {
        for (const form of [body, JSON.stringify(body), Buffer.from(JSON.stringify(body))]) {
          const event = parseEvent(form);
          const expected = { type: 'unknown', payload: body, problem: message };
          if (typeof body.event === 'string') expected.event = body.event;
          expect(event).to.deep.equal(expected);
        }
      });
    }

    it('non-finite numbers of a hand-built object do not pass as numbers', () => {
      const payload = variant('archiveStatus', () => {});
      payload.createdAt = Infinity;
      expect(parseEvent(payload)).to.include({ type: 'unknown', problem: 'createdAt must be a number' });
      payload.createdAt = Number.NaN;
      expect(parseEvent(payload)).to.include({ type: 'unknown', problem: 'createdAt must be a number' });
    });

    it('a hand-built object whose getter throws still gives a WebhookError, with the cause', () => {
      const failure = new Error('getter failed');
      const payload = {};
      Object.defineProperty(payload, 'event', {
        enumerable: true,
        get() {
          throw failure;
        },
      });
      const error = parseError(payload);
      expect(error.message).to.equal(`${PREFIX}body could not be read`);
      expect(error.cause).to.equal(failure);
    });

    it('deeply nested JSON text is refused or read as an unknown event, never crashes with another error', () => {
      const deep = '{"event":"archive","x":' + '['.repeat(200000) + ']'.repeat(200000) + '}';
      let outcome;
      try {
        outcome = parseEvent(deep);
      } catch (error) {
        outcome = error;
      }
      if (outcome instanceof WebhookError) return;
      expect(outcome).to.include({ type: 'unknown', event: 'archive', problem: 'id must be a string' });
    });
  });
});

/** POSTs `body` to `url` and resolves with `{status, headers, text}`. */
function post(url, body, contentType = 'application/json') {
  const target = new URL(url);
  const data = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': contentType, 'Content-Length': String(data.length) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(data);
  });
}

/** Starts an Express app on a free loopback port; resolves with `{url, close}`. */
function listen(app) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 10 ms until it returns a truthy value (at most `timeoutMs`). */
async function waitFor(check, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await delay(10);
  }
}

describe('webhooks: webhookHandler', () => {
  let server;
  let received;
  let errors;
  let log;

  before(async () => {
    const app = express();
    app.post('/events', express.json(), webhookHandler((event) => received.push(event)));
    app.post('/text', express.text({ type: '*/*' }), webhookHandler((event) => received.push(event)));
    app.post('/raw', express.raw({ type: '*/*' }), webhookHandler((event) => received.push(event)));
    app.post(
      '/throws',
      express.json(),
      webhookHandler(
        (event) => {
          received.push(event);
          throw new Error('secret database password');
        },
        { onError: (error, event) => errors.push({ error, event }) },
      ),
    );
    app.post(
      '/rejects',
      express.json(),
      webhookHandler(async (event) => {
        received.push(event);
        await delay(5);
        throw new Error('secret rejection detail');
      }),
    );
    app.post(
      '/onerror-throws',
      express.json(),
      webhookHandler(
        () => {
          throw new Error('listener failed');
        },
        {
          onError: () => {
            throw new Error('reporter failed');
          },
        },
      ),
    );
    app.post(
      '/slow',
      express.json(),
      webhookHandler(async (event) => {
        log.push('start');
        await delay(30);
        received.push(event);
        log.push('done');
      }),
    );
    // No body parser: req.body is undefined.
    app.post('/unparsed', webhookHandler((event) => received.push(event)));
    server = await listen(app);
  });

  after(async () => {
    await server.close();
  });

  beforeEach(() => {
    received = [];
    errors = [];
    log = [];
  });

  it('answers 200 with an empty body and calls onEvent once with the typed event (express.json())', async () => {
    const response = await post(`${server.url}/events`, JSON.stringify(PAYLOADS.streamCreated));
    expect(response.status).to.equal(200);
    expect(response.text).to.equal('');
    expect(received).to.have.length(1);
    expect(received[0]).to.deep.equal(EXPECTED.streamCreated(PAYLOADS.streamCreated));
  });

  it('accepts every event kind over HTTP', async () => {
    for (const kind of Object.keys(PAYLOADS)) {
      const response = await post(`${server.url}/events`, JSON.stringify(PAYLOADS[kind]));
      expect(response.status, kind).to.equal(200);
    }
    expect(received.map((event) => event.type)).to.deep.equal(Object.keys(PAYLOADS).map((kind) => EXPECTED[kind](PAYLOADS[kind]).type));
  });

  it('reads a string body (express.text()) and a Buffer body (express.raw())', async () => {
    const text = await post(`${server.url}/text`, JSON.stringify(PAYLOADS.archiveStatus), 'text/plain');
    expect(text.status).to.equal(200);
    const raw = await post(`${server.url}/raw`, Buffer.from(JSON.stringify(PAYLOADS.captionsStatus)), 'application/octet-stream');
    expect(raw.status).to.equal(200);
    expect(received.map((event) => event.type)).to.deep.equal(['archiveStatus', 'captionsStatus']);
    expect(received[0]).to.deep.equal(EXPECTED.archiveStatus(PAYLOADS.archiveStatus));
    expect(received[1]).to.deep.equal(EXPECTED.captionsStatus(PAYLOADS.captionsStatus));
  });

  it('answers 200 to a known kind whose fields do not match, and hands it over as an UnknownEvent', async () => {
    const payload = variant('connectionCreated', (p) => (p.connection.id = 42));
    const response = await post(`${server.url}/events`, JSON.stringify(payload));
    expect(response.status).to.equal(200);
    expect(received).to.deep.equal([{ type: 'unknown', event: 'connectionCreated', payload, problem: 'connection.id must be a string' }]);
  });

  it('answers 200 to a kind this version does not know: a new kind on the service side never costs the app its callbacks', async () => {
    const payload = { event: 'sessionPaused', sessionId: SESSION_ID, projectId: '123456', timestamp: 1 };
    const response = await post(`${server.url}/events`, JSON.stringify(payload));
    expect(response.status).to.equal(200);
    expect(received).to.deep.equal([{ type: 'unknown', event: 'sessionPaused', payload, problem: 'unknown event "sessionPaused"' }]);
  });

  it('answers 400 for non-JSON text and a non-object JSON Buffer', async () => {
    const text = await post(`${server.url}/text`, 'hello', 'text/plain');
    expect(text.status).to.equal(400);
    expect(JSON.parse(text.text)).to.deep.equal({ error: 'Invalid OpenTok event: body is not valid JSON' });
    const raw = await post(`${server.url}/raw`, Buffer.from('[1,2]'), 'application/octet-stream');
    expect(raw.status).to.equal(400);
    expect(JSON.parse(raw.text)).to.deep.equal({ error: 'Invalid OpenTok event: body must be a JSON object' });
    expect(received).to.deep.equal([]);
  });

  it('answers 400 when a JSON array reaches express.json() and when no body parser ran', async () => {
    const array = await post(`${server.url}/events`, '[]');
    expect(array.status).to.equal(400);
    expect(JSON.parse(array.text)).to.deep.equal({ error: 'Invalid OpenTok event: body must be a JSON object' });
    const unparsed = await post(`${server.url}/unparsed`, JSON.stringify(PAYLOADS.connectionCreated));
    expect(unparsed.status).to.equal(400);
    expect(JSON.parse(unparsed.text)).to.deep.equal({
      error: 'Invalid OpenTok event: no body (parse it with express.json(), express.text() or express.raw())',
    });
    expect(received).to.deep.equal([]);
  });

  it('answers 500 without the error message when onEvent throws, and reports it to onError', async () => {
    const response = await post(`${server.url}/throws`, JSON.stringify(PAYLOADS.connectionDestroyed));
    expect(response.status).to.equal(500);
    expect(JSON.parse(response.text)).to.deep.equal({ error: 'Event handler failed' });
    expect(response.text).to.not.include('secret');
    expect(received).to.have.length(1);
    expect(errors).to.have.length(1);
    expect(errors[0].error.message).to.equal('secret database password');
    expect(errors[0].event).to.equal(received[0]);
  });

  it('answers 500 without the error message when onEvent rejects', async () => {
    const response = await post(`${server.url}/rejects`, JSON.stringify(PAYLOADS.renderStatus));
    expect(response.status).to.equal(500);
    expect(JSON.parse(response.text)).to.deep.equal({ error: 'Event handler failed' });
    expect(response.text).to.not.include('secret');
    expect(received.map((event) => event.type)).to.deep.equal(['renderStatus']);
  });

  it('still answers 500 when onError itself throws', async () => {
    const response = await post(`${server.url}/onerror-throws`, JSON.stringify(PAYLOADS.connectionCreated));
    expect(response.status).to.equal(500);
    expect(JSON.parse(response.text)).to.deep.equal({ error: 'Event handler failed' });
  });

  it('answers 200 only once the promise of onEvent has resolved', async () => {
    const response = await post(`${server.url}/slow`, JSON.stringify(PAYLOADS.broadcastStatus));
    log.push('answered');
    expect(response.status).to.equal(200);
    expect(log).to.deep.equal(['start', 'done', 'answered']);
    expect(received.map((event) => event.type)).to.deep.equal(['broadcastStatus']);
  });

  it('throws a TypeError when onEvent is not a function', () => {
    expect(() => webhookHandler()).to.throw(TypeError, 'webhookHandler needs an onEvent function');
    expect(() => webhookHandler('handler')).to.throw(TypeError, 'webhookHandler needs an onEvent function');
  });

  it('works with any response shaped like Express’s, and its promise resolves even when writing fails', async () => {
    const calls = [];
    const res = {
      status(code) {
        calls.push(['status', code]);
        return this;
      },
      json(body) {
        calls.push(['json', body]);
      },
      end() {
        calls.push(['end']);
      },
    };
    const handler = webhookHandler(() => {});
    expect(await handler({ body: PAYLOADS.connectionCreated }, res)).to.equal(undefined);
    expect(await handler({ body: '{' }, res)).to.equal(undefined);
    expect(calls).to.deep.equal([
      ['status', 200],
      ['end'],
      ['status', 400],
      ['json', { error: 'Invalid OpenTok event: body is not valid JSON' }],
    ]);
    const broken = {
      status() {
        throw new Error('headers already sent');
      },
    };
    expect(await handler({ body: PAYLOADS.connectionCreated }, broken)).to.equal(undefined);
    expect(await webhookHandler(() => Promise.reject(new Error('x')))({ body: PAYLOADS.connectionCreated }, broken)).to.equal(
      undefined,
    );
  });
});

describe('webhooks: events POSTed by the emulator', function () {
  let emulator;
  let opentok;
  let app;
  let requests;
  let events;

  before(async () => {
    emulator = await Emulator.start({ archiveProcessingMs: 20 });
    opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
    const server = express();
    server.post(
      '/opentok/events',
      express.json(),
      (req, res, next) => {
        requests.push(clone(req.body));
        next();
      },
      webhookHandler((event) => events.push(event)),
    );
    app = await listen(server);
    requests = [];
    events = [];
  });

  after(async () => {
    if (app) await app.close();
    if (emulator) await emulator.close();
  });

  it('every callback parses into the right typed event and is answered 200', async () => {
    const url = `${app.url}/opentok/events`;
    const registrations = [
      { group: 'connection', event: 'created' },
      { group: 'connection', event: 'destroyed' },
      { group: 'stream', event: 'created' },
      { group: 'stream', event: 'destroyed' },
      { group: 'archive', event: 'status' },
      { group: 'broadcast', event: 'status' },
    ];
    for (const registration of registrations) {
      const callback = await opentok.promises.registerCallback({ ...registration, url });
      expect(callback).to.include({ ...registration, url });
    }

    const session = await opentok.promises.createSession({ mediaMode: 'routed' });
    const { sessionId } = session;
    const apiKey = emulator.project.apiKey;
    const client = emulator.connectClient({ token: session.generateToken({ data: 'name=alice' }), sessionId });
    const streamId = client.publish({ name: 'alice-camera' });
    const archive = await opentok.promises.startArchive(sessionId, { name: 'webhook test' });
    await opentok.promises.stopArchive(archive.id);
    const broadcast = await opentok.promises.startBroadcast(sessionId, { outputs: { hls: {} } });
    await opentok.promises.stopBroadcast(broadcast.id);
    client.disconnect();
    await emulator.events.settled();
    // The archive becomes available archiveProcessingMs after it stopped.
    await waitFor(() => events.some((event) => event.type === 'archiveStatus' && event.status === 'available'));
    await emulator.events.settled();

    const delivered = emulator.events.delivered.filter((delivery) => delivery.url === url);
    // 2 connection + 2 stream + 3 archive (started, stopped, available) + 2 broadcast events.
    expect(delivered).to.have.length(9);
    expect(delivered.map((delivery) => delivery.status)).to.deep.equal(new Array(9).fill(200));
    expect(requests).to.have.length(9);
    expect(events).to.have.length(9);
    // Each request body became one event whose payload is that body.
    expect(events.map((event) => event.payload)).to.deep.equal(requests);
    expect(requests).to.have.deep.members(delivered.map((delivery) => delivery.payload));
    for (const event of events) {
      expect(event.sessionId).to.equal(sessionId);
      expect(event.projectId).to.equal(apiKey);
    }

    const ofType = (type) => events.filter((event) => event.type === type);
    const [created] = ofType('connectionCreated');
    expect(ofType('connectionCreated')).to.have.length(1);
    expect(created.connection).to.include({ id: client.connectionId, data: 'name=alice' });
    expect(created.connection.createdAt).to.be.a('number');
    expect(created.timestamp).to.be.a('number');

    const [destroyed] = ofType('connectionDestroyed');
    expect(ofType('connectionDestroyed')).to.have.length(1);
    expect(destroyed.connection.id).to.equal(client.connectionId);
    expect(destroyed.reason).to.equal('clientDisconnected');

    const [streamCreated] = ofType('streamCreated');
    expect(ofType('streamCreated')).to.have.length(1);
    expect(streamCreated.stream).to.include({ id: streamId, name: 'alice-camera', videoType: 'camera' });
    expect(streamCreated.stream.connection).to.include({ id: client.connectionId, data: 'name=alice' });

    const [streamDestroyed] = ofType('streamDestroyed');
    expect(ofType('streamDestroyed')).to.have.length(1);
    expect(streamDestroyed.stream.id).to.equal(streamId);
    expect(streamDestroyed.reason).to.equal('clientDisconnected');

    const archives = ofType('archiveStatus');
    expect(archives.map((event) => event.status)).to.have.members(['started', 'stopped', 'available']);
    for (const event of archives) {
      // As the callback reference shows it: no event field, the project, sha256sum once available.
      expect(event).to.include({ id: archive.id, name: 'webhook test', projectId: apiKey });
      expect(event).to.not.have.property('event');
    }
    expect(archives.find((event) => event.status === 'available').sha256sum).to.match(/^[0-9a-f]{64}$/);
    const available = archives.find((event) => event.status === 'available');
    expect(available.url).to.be.a('string').and.match(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(available.size).to.be.above(0);
    expect(available.duration).to.be.at.least(1);
    expect(archives.find((event) => event.status === 'started').url).to.equal(null);

    const broadcasts = ofType('broadcastStatus');
    expect(broadcasts.map((event) => event.status)).to.have.members(['started', 'stopped']);
    for (const event of broadcasts) {
      expect(event).to.include({ id: broadcast.id, event: 'broadcast' });
      expect(event.updatedAt).to.be.a('number');
    }

    expect(ofType('renderStatus')).to.deep.equal([]);
    expect(ofType('captionsStatus')).to.deep.equal([]);
  });
});

describe('webhooks: signed callbacks', () => {
  const SECRET = 'signature-secret-of-the-archive-callbacks';
  const now = () => Math.floor(Date.now() / 1000);
  const hashOf = (body) => crypto.createHash('sha256').update(body).digest('hex');
  /** A callback JWT as the service signs it (HS256 with the signature secret). */
  const sign = (claims = {}, secret = SECRET, options = {}) =>
    jwt.sign({ iat: now(), exp: now() + 300, jti: crypto.randomUUID(), ...claims }, secret, { algorithm: 'HS256', noTimestamp: true, ...options });

  /** The CallbackSignatureError verifyCallback throws; fails when it returns. */
  function refusal(options) {
    try {
      verifyCallback(options);
    } catch (error) {
      expect(error).to.be.instanceOf(CallbackSignatureError);
      expect(error).to.be.instanceOf(OpenTokError);
      expect(error.name).to.equal('CallbackSignatureError');
      return error.message.replace('Invalid OpenTok callback signature: ', '');
    }
    throw new Error('verifyCallback accepted the callback');
  }

  describe('verifyCallback', () => {
    it('accepts the JWT with or without "Bearer ", and returns its claims', () => {
      const token = sign({ payload_hash: 'x'.repeat(64) });
      for (const authorization of [`Bearer ${token}`, token, `bearer  ${token}`, [`Bearer ${token}`]]) {
        const claims = verifyCallback({ authorization, secret: SECRET });
        expect(claims.payload_hash).to.equal('x'.repeat(64));
      }
    });

    it('with several secrets (a rotation), accepts a JWT signed with any of them', () => {
      expect(verifyCallback({ authorization: sign({}, 'old'), secret: ['new', 'old'] })).to.be.an('object');
      expect(verifyCallback({ authorization: sign({}, 'new'), secret: ['new', 'old'] })).to.be.an('object');
      expect(refusal({ authorization: sign({}, 'other'), secret: ['new', 'old'] })).to.equal('the JWT is not signed with the signature secret');
    });

    it('refuses another secret, a tampered payload or signature, and a missing or non-JWT header', () => {
      expect(refusal({ authorization: sign({}, 'another secret'), secret: SECRET })).to.equal('the JWT is not signed with the signature secret');
      const [head, , signature] = sign().split('.');
      const forged = Buffer.from(JSON.stringify({ iat: now(), exp: now() + 3600, admin: true })).toString('base64url');
      expect(refusal({ authorization: `${head}.${forged}.${signature}`, secret: SECRET })).to.equal('the JWT is not signed with the signature secret');
      const token = sign();
      const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      expect(refusal({ authorization: flipped, secret: SECRET })).to.equal('the JWT is not signed with the signature secret');
      for (const authorization of [undefined, null, '', '   ', []]) {
        expect(refusal({ authorization, secret: SECRET })).to.equal('no Authorization header');
      }
      expect(refusal({ authorization: 'Basic dXNlcjpwYXNz', secret: SECRET })).to.equal('the Authorization header is not a JWT');
    });

    it('refuses an unsigned (alg "none") or RS256 JWT: only HMAC signatures count', () => {
      const none = jwt.sign({ iat: now() }, null, { algorithm: 'none' });
      expect(refusal({ authorization: none, secret: SECRET })).to.match(/^(jwt signature is required|invalid algorithm|the JWT is not signed)/);
      const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
      const rs256 = jwt.sign({ iat: now() }, privateKey, { algorithm: 'RS256' });
      expect(refusal({ authorization: rs256, secret: SECRET })).to.equal('invalid algorithm');
    });

    it('checks exp and nbf when present, with 30 s of clock tolerance (configurable); a JWT without exp passes', () => {
      expect(refusal({ authorization: sign({ exp: now() - 60 }), secret: SECRET })).to.equal('JWT expired');
      expect(verifyCallback({ authorization: sign({ exp: now() - 10 }), secret: SECRET })).to.be.an('object');
      expect(refusal({ authorization: sign({ exp: now() - 10 }), secret: SECRET, clockToleranceSeconds: 0 })).to.equal('JWT expired');
      expect(refusal({ authorization: sign({ nbf: now() + 120 }), secret: SECRET })).to.equal('JWT not valid yet');
      const noExp = jwt.sign({ iat: now() }, SECRET, { algorithm: 'HS256' });
      expect(verifyCallback({ authorization: noExp, secret: SECRET })).to.include({ iat: now() });
    });

    it('checks payload_hash against the raw body when both are there', () => {
      const body = JSON.stringify(PAYLOADS.archiveStatusReference);
      const token = sign({ payload_hash: hashOf(body) });
      expect(verifyCallback({ authorization: token, secret: SECRET, body })).to.be.an('object');
      expect(verifyCallback({ authorization: token, secret: SECRET, body: Buffer.from(body) })).to.be.an('object');
      expect(refusal({ authorization: token, secret: SECRET, body: body.replace('available', 'expired') })).to.equal('payload_hash does not match the body');
      // A parsed body cannot be hashed as it was sent: the claim is then not checked.
      expect(verifyCallback({ authorization: token, secret: SECRET })).to.be.an('object');
    });

    it('a missing or empty secret, or a bad tolerance, is a TypeError (a misconfiguration, not a bad callback)', () => {
      for (const secret of [undefined, '', [], [''], ['ok', 5], 42]) {
        expect(() => verifyCallback({ authorization: sign(), secret })).to.throw(TypeError, 'signatureSecret must be a non-empty string or a non-empty array of them');
      }
      expect(() => verifyCallback({ authorization: sign(), secret: SECRET, clockToleranceSeconds: -1 })).to.throw(TypeError);
    });
  });

  describe('webhookHandler with signatureSecret, over HTTP', () => {
    let server;
    let received;

    function postSigned(path, body, authorization, contentType = 'application/json') {
      const target = new URL(`${server.url}${path}`);
      return new Promise((resolve, reject) => {
        const headers = { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)) };
        if (authorization !== undefined) headers.Authorization = authorization;
        const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent: false, headers }, (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', reject);
        req.end(body);
      });
    }

    before(async () => {
      const app = express();
      const onEvent = (event) => received.push(event);
      app.post('/json', express.json(), webhookHandler(onEvent, { signatureSecret: SECRET }));
      app.post('/raw', express.raw({ type: '*/*' }), webhookHandler(onEvent, { signatureSecret: [SECRET, 'previous secret'] }));
      server = await listen(app);
    });
    after(() => server.close());
    beforeEach(() => {
      received = [];
    });

    it('a callback signed with the secret: 200 and the typed event', async () => {
      const body = JSON.stringify(PAYLOADS.callCreated);
      const response = await postSigned('/json', body, `Bearer ${sign({ payload_hash: hashOf(body) })}`);
      expect(response.status).to.equal(200);
      expect(received.map((event) => event.type)).to.deep.equal(['callCreated']);
    });

    it('unsigned, signed with another secret, expired or tampered: 401 {error}, and onEvent is not called', async () => {
      const body = JSON.stringify(PAYLOADS.streamCreated);
      const cases = [
        [undefined, 'no Authorization header'],
        [`Bearer ${sign({}, 'another secret')}`, 'the JWT is not signed with the signature secret'],
        [`Bearer ${sign({ exp: now() - 3600 })}`, 'JWT expired'],
        [`Bearer ${sign().slice(0, -3)}xyz`, 'the JWT is not signed with the signature secret'],
      ];
      for (const [authorization, reason] of cases) {
        const response = await postSigned('/json', body, authorization);
        expect(response.status, reason).to.equal(401);
        expect(JSON.parse(response.text)).to.deep.equal({ error: `Invalid OpenTok callback signature: ${reason}` });
      }
      expect(received).to.deep.equal([]);
    });

    it('with a raw body, a body changed after signing is refused by its payload_hash (401); the previous secret still works', async () => {
      const body = JSON.stringify(PAYLOADS.archiveStatusReference);
      const token = sign({ payload_hash: hashOf(body) }, 'previous secret');
      expect((await postSigned('/raw', body, `Bearer ${token}`)).status).to.equal(200);
      const changed = body.replace('"available"', '"expired"');
      const response = await postSigned('/raw', changed, `Bearer ${token}`);
      expect(response.status).to.equal(401);
      expect(JSON.parse(response.text)).to.deep.equal({ error: 'Invalid OpenTok callback signature: payload_hash does not match the body' });
      expect(received.map((event) => event.status)).to.deep.equal(['available']);
    });

    it('a misconfigured signatureSecret fails when the handler is made, not at each callback', () => {
      expect(() => webhookHandler(() => {}, { signatureSecret: '' })).to.throw(TypeError);
      expect(() => webhookHandler(() => {}, { signatureSecret: [] })).to.throw(TypeError);
    });
  });
});
