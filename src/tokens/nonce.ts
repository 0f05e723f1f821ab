import { randomFillSync } from 'crypto';

const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/**
 * A uniformly distributed float in [0, 1) with 53 random bits from the operating system's CSPRNG.
 * Random bytes are drawn a pool at a time, because one `randomBytes` call per token costs more than
 * the token's HMAC.
 */
export function secureRandomFraction(): number {
  if (offset + 8 > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const high = pool.readUInt32BE(offset) >>> 11; // 21 bits
  const low = pool.readUInt32BE(offset + 4); // 32 bits
  offset += 8;
  return (high * 0x100000000 + low) / 2 ** 53;
}
