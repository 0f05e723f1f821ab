// Type test: an ES module may import only what dist/esm/index.mjs really exports. Each
// `@ts-expect-error` names the error code its next line must produce (see test/types.test.js).
// @ts-expect-error TS2614 `prototype` is a property of the constructor, not a named export
import { prototype } from 'opentok';
// @ts-expect-error TS2614 the instance methods are not named exports
import { createSession } from 'opentok';

console.log(prototype, createSession);
