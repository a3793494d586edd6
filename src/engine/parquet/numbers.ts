/**
 * The signer's unsigned 32-bit hashes as the columns store them: Spark and BigQuery have no
 * unsigned types, so a 32-bit hash (token, shingle, anchor) is stored as a signed INTEGER with
 * the same bits, a band key (32 bits) as a non-negative BIGINT, and a text key (two 32-bit
 * halves) as a signed BIGINT with the same 64 bits, high half first.
 */

const scratch = new DataView(new ArrayBuffer(8));

/** A text key's halves as one signed 64-bit value. */
export function keyToBigint(high: number, low: number): bigint {
  scratch.setUint32(0, high);
  scratch.setUint32(4, low);
  return scratch.getBigInt64(0);
}

/** The halves of a text key stored as a signed 64-bit value: [high, low]. */
export function bigintToKey(value: bigint): [number, number] {
  scratch.setBigInt64(0, value);
  return [scratch.getUint32(0), scratch.getUint32(4)];
}

/** Unsigned 32-bit hashes as the signed INTEGERs stored (same bits). */
export function toSigned(values: ArrayLike<number>): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! | 0;
  return out;
}
