/**
 * XXH64 (Yann Collet, xxHash, "XXH64 algorithm", github.com/Cyan4973/xxHash, doc/xxhash_spec.md)
 * in plain TypeScript with BigInt, for the few strings the rewrite stage hashes itself: the
 * stop words, whose token hashes (the low 32 bits of xxh64 of the token under the scan's seed,
 * signing/hash.ts) must be known to the scan. The signer hashes tokens with xxhash-wasm, which
 * loads asynchronously; the scan is synchronous and pure, so it computes the few hundred stop
 * word hashes here instead, once per seed. Slow (BigInt arithmetic) and never on a hot path;
 * test/unit/rewrite.test.ts checks it against xxhash-wasm on random strings.
 */

const MASK = (1n << 64n) - 1n;
const P1 = 11400714785074694791n;
const P2 = 14029467366897019727n;
const P3 = 1609587929392839161n;
const P4 = 9650029242287828579n;
const P5 = 2870177450012600261n;

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & MASK;
const mul = (a: bigint, b: bigint): bigint => (a * b) & MASK;
const add = (a: bigint, b: bigint): bigint => (a + b) & MASK;

function round(acc: bigint, lane: bigint): bigint {
  return mul(rotl(add(acc, mul(lane, P2)), 31n), P1);
}

function mergeRound(acc: bigint, value: bigint): bigint {
  return add(mul(acc ^ round(0n, value), P1), P4);
}

function lane64(bytes: Uint8Array, at: number): bigint {
  let value = 0n;
  for (let k = 7; k >= 0; k--) value = (value << 8n) | BigInt(bytes[at + k]!);
  return value;
}

function lane32(bytes: Uint8Array, at: number): bigint {
  return BigInt(bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + BigInt(bytes[at + 3]!) * 16777216n;
}

/** xxh64 of the bytes under a 64-bit seed. */
export function xxh64(bytes: Uint8Array, seed: bigint): bigint {
  const length = bytes.length;
  let at = 0;
  let acc: bigint;
  if (length >= 32) {
    let v1 = add(add(seed, P1), P2);
    let v2 = add(seed, P2);
    let v3 = seed & MASK;
    let v4 = (seed - P1) & MASK;
    for (; at + 32 <= length; at += 32) {
      v1 = round(v1, lane64(bytes, at));
      v2 = round(v2, lane64(bytes, at + 8));
      v3 = round(v3, lane64(bytes, at + 16));
      v4 = round(v4, lane64(bytes, at + 24));
    }
    acc = add(add(rotl(v1, 1n), rotl(v2, 7n)), add(rotl(v3, 12n), rotl(v4, 18n)));
    acc = mergeRound(mergeRound(mergeRound(mergeRound(acc, v1), v2), v3), v4);
  } else {
    acc = add(seed, P5);
  }
  acc = add(acc, BigInt(length));
  for (; at + 8 <= length; at += 8) acc = add(mul(rotl(acc ^ round(0n, lane64(bytes, at)), 27n), P1), P4);
  if (at + 4 <= length) {
    acc = add(mul(rotl(acc ^ mul(lane32(bytes, at), P1), 23n), P2), P3);
    at += 4;
  }
  for (; at < length; at++) acc = mul(rotl(acc ^ mul(BigInt(bytes[at]!), P5), 11n), P1);
  acc = mul(acc ^ (acc >> 33n), P2);
  acc = mul(acc ^ (acc >> 29n), P3);
  return acc ^ (acc >> 32n);
}

const encoder = new TextEncoder();

/** The token hash the signer gives `token` under `seed`: the low 32 bits of xxh64 of its UTF-8 bytes. */
export function tokenHash(token: string, seed: number): number {
  return Number(xxh64(encoder.encode(token), BigInt(seed >>> 0)) & 0xffffffffn);
}
