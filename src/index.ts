import { OpenTok } from './opentok';

// `require('opentok')` returns the constructor itself (SPEC §3.1).
export = OpenTok;
