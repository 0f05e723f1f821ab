'use strict';
// Correctness checks of the tokens the bench makes: a JWT must verify with jsonwebtoken and carry
// the client-token claims in order (iss, ist, iat, exp, session_id, create_time, nonce, role,
// expire_time, [connection_data], initial_layout_class_list, scope); a T1 token must decode as a
// consumer decodes it (base64, split at ':', HMAC-SHA1 signature, partner ID).
// Each throws on the first mismatch.
const crypto = require('crypto');
const querystring = require('querystring');
const jwt = require('jsonwebtoken');
const { API_KEY, API_SECRET, SESSION_ID } = require('./common');

const JWT_KEYS = 'iss,ist,iat,exp,session_id,create_time,nonce,role,expire_time,initial_layout_class_list,scope';
const T1_KEYS = 'session_id,create_time,nonce,role,expire_time,initial_layout_class_list,scope';

function fail(message, token) {
  throw new Error(`${message}: ${token}`);
}

function checkData(data, token) {
  if (data.session_id !== SESSION_ID) fail('session_id', token);
  if (data.role !== 'publisher') fail('role', token);
  if (data.scope !== 'session.connect') fail('scope', token);
  const nonce = Number(data.nonce);
  if (!(nonce >= 0 && nonce < 1)) fail('nonce', token);
  const now = Date.now() / 1000;
  if (Math.abs(Number(data.create_time) - now) > 5) fail('create_time', token);
  if (Number(data.expire_time) !== Number(data.create_time) + 86400) fail('expire_time', token);
}

function verifyJwtToken(token) {
  const claims = jwt.verify(token, API_SECRET, { algorithms: ['HS256'] });
  if (Object.keys(claims).join() !== JWT_KEYS) fail('claims', token);
  if (claims.iss !== API_KEY || claims.ist !== 'project' || claims.exp !== claims.expire_time) fail('claims', token);
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  if (JSON.stringify(header) !== '{"alg":"HS256","typ":"JWT"}') fail('header', token);
  checkData(claims, token);
}

function verifyT1Token(token) {
  if (!token.startsWith('T1==')) fail('prefix', token);
  const encoded = token.slice(4);
  const plainBuffer = Buffer.from(encoded, 'base64');
  if (plainBuffer.toString('base64') !== encoded) fail('base64', token);
  const plain = plainBuffer.toString('utf8');
  const colon = plain.indexOf(':');
  const meta = querystring.parse(plain.slice(0, colon));
  const dataString = plain.slice(colon + 1);
  if (meta.partner_id !== API_KEY) fail('partner_id', token);
  if (meta.sig !== crypto.createHmac('sha1', API_SECRET).update(dataString, 'utf8').digest('hex')) fail('sig', token);
  const data = querystring.parse(dataString);
  if (Object.keys(data).join() !== T1_KEYS) fail('data keys', token);
  if (querystring.stringify(data) !== dataString) fail('data encoding', token);
  checkData(data, token);
}

module.exports = { verifyJwtToken, verifyT1Token };
