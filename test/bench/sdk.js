'use strict';
// The SDK under measurement: `require('opentok')` (this repository's build, through its exports
// map), or the package at OPENTOK_BENCH_SDK, to compare another build with the same bench.
const path = require('path');

module.exports = process.env.OPENTOK_BENCH_SDK
  ? require(path.resolve(process.env.OPENTOK_BENCH_SDK))
  : require('opentok');
