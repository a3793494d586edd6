;; Densification's inner step for one-permutation MinHash (minhash.ts), in WebAssembly with
;; 128-bit SIMD: for every bin of a signature, the filled bin that comes first in that bin's
;; fixed pseudo-random order (Shrivastava, ICML 2017, "Optimal densification").
;;
;; The plane is a size x size table of 16-bit keys, row b holding for every bin i the key
;; (rank of b in i's order) * 256 + b. So the least key over the rows of the filled bins is, in
;; each lane i, the filled bin i reaches first (its low byte) -- the same bin as walking i's
;; order until a filled bin turns up, found with one unsigned 16-bit minimum per eight bins per
;; filled bin (i16x8.min_u) instead of a branch per step. minhash.ts says when it pays.
;;
;; Built from this source into minhash-wasm.ts by `npm run build:wasm` (scripts/build-wasm.mjs);
;; test/unit/densify.test.ts checks that the two agree.
(module
  (memory (export "memory") 1)
  ;; minPlane(plane, filled, count, best, size): best[i] = min over k < count of
  ;; plane[filled[k] * size + i], for i < size. Byte offsets; 16-bit entries; size a multiple of 8.
  (func (export "minPlane") (param $plane i32) (param $filled i32) (param $count i32) (param $best i32) (param $size i32)
    (local $rowBytes i32) (local $k i32) (local $row i32) (local $i i32)
    (local.set $rowBytes (i32.shl (local.get $size) (i32.const 1)))
    ;; best = 0xffff in every lane
    (local.set $i (i32.const 0))
    (block $filledBest
      (loop $fill
        (br_if $filledBest (i32.ge_u (local.get $i) (local.get $rowBytes)))
        (v128.store (i32.add (local.get $best) (local.get $i)) (v128.const i32x4 -1 -1 -1 -1))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $fill)))
    (local.set $k (i32.const 0))
    (block $allRows
      (loop $rows
        (br_if $allRows (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $row
          (i32.add (local.get $plane)
            (i32.mul (i32.load16_u (i32.add (local.get $filled) (i32.shl (local.get $k) (i32.const 1))))
                     (local.get $rowBytes))))
        (local.set $i (i32.const 0))
        (block $rowDone
          (loop $lanes
            (br_if $rowDone (i32.ge_u (local.get $i) (local.get $rowBytes)))
            (v128.store (i32.add (local.get $best) (local.get $i))
              (i16x8.min_u (v128.load (i32.add (local.get $best) (local.get $i)))
                           (v128.load (i32.add (local.get $row) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $lanes)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $rows)))))
