/**
 * The 32-bit Mersenne Twister (MT19937) exactly as PyTorch's
 * `at::mt19937` (`ATen/core/MT19937RNGEngine.h`): standard `init_genrand`
 * seeding from the low 32 bits of the seed, `left`/`next` bookkeeping, and the
 * standard tempering. Its raw output equals `numpy.random.RandomState`'s.
 */

/** Words in the MT19937 state. */
export const MT_N = 624;
const MT_M = 397;

/**
 * MT19937 engine. The state lives in an `Int32Array` (words are read back as
 * uint32 with `>>> 0`). `left` and `next` follow PyTorch: a draw decrements
 * `left`, regenerates all 624 words when it reaches 0, then reads
 * `state[next++]`.
 */
export class MT19937 {
  /** The 624 state words (int32 view of the uint32 words). */
  readonly state = new Int32Array(MT_N);
  /** Draws left before the next regeneration, plus one (PyTorch's `left_`). */
  left = 1;
  /** Index of the next state word to temper (PyTorch's `next_`). */
  next = 0;

  /** Seeds with `init_genrand(seed32)`; `seed32` is taken modulo 2^32. */
  constructor(seed32 = 5489) {
    this.seed(seed32);
  }

  /** Re-seeds with `init_genrand(seed32 mod 2^32)` and sets `left = 1`, `next = 0`. */
  seed(seed32: number): void {
    const st = this.state;
    let prev = seed32 >>> 0;
    st[0] = prev;
    for (let j = 1; j < MT_N; j++) {
      prev = (Math.imul(1812433253, prev ^ (prev >>> 30)) + j) >>> 0;
      st[j] = prev;
    }
    this.left = 1;
    this.next = 0;
  }

  /**
   * Regenerates the 624 words (the standard twist); sets `left = 624`, `next = 0`.
   * The matrix term is selected with a mask, not a branch: the low bit is random,
   * so a branch would mispredict half the time.
   */
  twist(): void {
    const st = this.state;
    // st[k + 1] is carried to the next step as `cur` (one load per word fewer)
    let cur = st[0]!;
    let k = 0;
    for (; k < MT_N - MT_M; k++) {
      const nxt = st[k + 1]!;
      const y = (cur & 0x80000000) | (nxt & 0x7fffffff);
      st[k] = st[k + MT_M]! ^ (y >>> 1) ^ (-(nxt & 1) & 0x9908b0df);
      cur = nxt;
    }
    for (; k < MT_N - 1; k++) {
      const nxt = st[k + 1]!;
      const y = (cur & 0x80000000) | (nxt & 0x7fffffff);
      st[k] = st[k + MT_M - MT_N]! ^ (y >>> 1) ^ (-(nxt & 1) & 0x9908b0df);
      cur = nxt;
    }
    const y = (cur & 0x80000000) | (st[0]! & 0x7fffffff);
    st[MT_N - 1] = st[MT_M - 1]! ^ (y >>> 1) ^ (-(st[0]! & 1) & 0x9908b0df);
    this.left = MT_N;
    this.next = 0;
  }

  /** One tempered 32-bit output as a signed int32 (hot-path form; `>>> 0` gives the uint32). */
  nextInt32(): number {
    if (--this.left === 0) this.twist();
    let y = this.state[this.next++]! | 0;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return y ^ (y >>> 18);
  }

  /** One tempered 32-bit output as a uint32 number (PyTorch's `random()`). */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /**
   * Fills `buf[0..count)` with the next `count` tempered outputs (int32 form),
   * exactly as `count` calls of {@link nextInt32}, and returns `count`
   * (`count = min(n, buf.length)`). Bulk form for the distribution loops.
   */
  fillInt32(buf: Int32Array, n: number): number {
    const count = n < buf.length ? n : buf.length;
    this.fillScaled(buf, 0, count, -1, 1);
    return count;
  }

  /**
   * Fills `out[start..end)` with `(output & mask) * scale`, one draw per element,
   * exactly as that many calls of {@link nextInt32}: the bulk form of the
   * float uniforms (`mask` 0xFFFFFF and `scale` 2^-24 for float32) and of the raw
   * int32 outputs (`mask` −1, `scale` 1), tempering straight into the destination.
   */
  fillScaled(out: Int32Array | Float32Array | Float64Array, start: number, end: number, mask: number, scale: number): void {
    const st = this.state;
    let i = start;
    while (i < end) {
      let k = this.left - 1;
      if (k > end - i) k = end - i;
      if (k > MT_N - this.next) k = MT_N - this.next;
      if (k <= 0) {
        out[i++] = (this.nextInt32() & mask) * scale;
        continue;
      }
      let nx = this.next;
      const stop = i + k;
      for (; i < stop; i++) {
        let y = st[nx++]! | 0;
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        out[i] = ((y ^ (y >>> 18)) & mask) * scale;
      }
      this.next = nx;
      this.left -= k;
    }
  }

  /** Copies state, `left` and `next` from another engine. */
  copyFrom(other: MT19937): void {
    this.state.set(other.state);
    this.left = other.left;
    this.next = other.next;
  }
}
