'use strict';
// Child of the require benchmark, run as a script file (`node require-child.js`): loads the SDK
// and prints how long `require` took, in milliseconds. OPENTOK_BENCH_SDK (an absolute path) loads
// another build instead of this repository's `opentok`.
const start = process.hrtime.bigint();
require(process.env.OPENTOK_BENCH_SDK || 'opentok');
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
