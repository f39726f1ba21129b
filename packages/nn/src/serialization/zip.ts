/**
 * The zip container of PyTorch's checkpoint format: a writer that stores
 * entries uncompressed with their data aligned to 64 bytes (as PyTorch's
 * `PyTorchStreamWriter` does), and a strict reader. The reader never allocates
 * from sizes written in the file: entries are views of the input, every offset
 * and length is checked against the input's real size, records may not overlap
 * (so a small file cannot be read as many copies of one large record), and
 * CRC-32s are verified.
 */
import { SerializationError } from './errors.js';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const EOCD_SIZE = 22;
const ALIGNMENT = 64;
const U32_MAX = 0xffffffff;

const CRC_TABLE = (() => {
  const t = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 4; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** CRC-32 (IEEE) of `data`, as zip stores it. */
export function crc32(data: Uint8Array): number {
  let c = -1;
  const t = CRC_TABLE;
  let i = 0;
  const n = data.length;
  for (; i + 4 <= n; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[(c >>> 24) & 0xff]!;
  }
  for (; i < n; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** One file to store. */
export interface ZipEntryInput {
  /** Path inside the archive (`archive/data.pkl`). */
  name: string;
  /** Contents. */
  data: Uint8Array;
}

/**
 * Builds a zip archive of uncompressed entries whose data start at multiples of
 * 64 bytes (a `FB` padding extra field in each local header, as PyTorch writes).
 * @throws SerializationError for archives of 4 GiB or more (zip64 is not written).
 */
export function writeZip(entries: readonly ZipEntryInput[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  // Layout pass: offsets and paddings.
  const layout: { offset: number; pad: number; crc: number }[] = [];
  let cursor = 0;
  entries.forEach((e, i) => {
    const start = cursor + LOCAL_HEADER + names[i]!.length + 4;
    const mod = start % ALIGNMENT;
    const pad = mod === 0 ? 0 : ALIGNMENT - mod;
    layout.push({ offset: cursor, pad, crc: crc32(e.data) });
    cursor = start + pad + e.data.length;
  });
  const cdStart = cursor;
  const cdSize = names.reduce((s, n) => s + CENTRAL_HEADER + n.length, 0);
  const total = cdStart + cdSize + EOCD_SIZE;
  if (total >= U32_MAX || entries.length >= 0xffff) throw new SerializationError('save', 'archives of 4 GiB or more (or 65535 entries) are not supported');
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  entries.forEach((e, i) => {
    const { offset, pad, crc } = layout[i]!;
    const name = names[i]!;
    let p = offset;
    dv.setUint32(p, LOCAL_SIG, true);
    dv.setUint16(p + 4, 20, true); // version needed
    dv.setUint16(p + 6, 0, true); // flags
    dv.setUint16(p + 8, 0, true); // stored
    dv.setUint16(p + 10, 0, true); // time
    dv.setUint16(p + 12, 0x21, true); // date 1980-01-01
    dv.setUint32(p + 14, crc, true);
    dv.setUint32(p + 18, e.data.length, true);
    dv.setUint32(p + 22, e.data.length, true);
    dv.setUint16(p + 26, name.length, true);
    dv.setUint16(p + 28, pad + 4, true);
    p += LOCAL_HEADER;
    out.set(name, p);
    p += name.length;
    out[p] = 0x46; // 'F'
    out[p + 1] = 0x42; // 'B'
    dv.setUint16(p + 2, pad, true);
    out.fill(0x5a, p + 4, p + 4 + pad); // 'Z'
    p += 4 + pad;
    out.set(e.data, p);
  });
  let p = cdStart;
  entries.forEach((e, i) => {
    const { offset, crc } = layout[i]!;
    const name = names[i]!;
    dv.setUint32(p, CENTRAL_SIG, true);
    dv.setUint16(p + 4, 20, true); // version made by
    dv.setUint16(p + 6, 20, true); // version needed
    dv.setUint16(p + 8, 0, true);
    dv.setUint16(p + 10, 0, true);
    dv.setUint16(p + 12, 0, true);
    dv.setUint16(p + 14, 0x21, true);
    dv.setUint32(p + 16, crc, true);
    dv.setUint32(p + 20, e.data.length, true);
    dv.setUint32(p + 24, e.data.length, true);
    dv.setUint16(p + 28, name.length, true);
    dv.setUint16(p + 30, 0, true); // extra
    dv.setUint16(p + 32, 0, true); // comment
    dv.setUint16(p + 34, 0, true); // disk
    dv.setUint16(p + 36, 0, true); // internal attrs
    dv.setUint32(p + 38, 0, true); // external attrs
    dv.setUint32(p + 42, offset, true);
    out.set(name, p + CENTRAL_HEADER);
    p += CENTRAL_HEADER + name.length;
  });
  dv.setUint32(p, EOCD_SIG, true);
  dv.setUint16(p + 4, 0, true);
  dv.setUint16(p + 6, 0, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, cdSize, true);
  dv.setUint32(p + 16, cdStart, true);
  dv.setUint16(p + 20, 0, true);
  return out;
}

/** An entry found in the central directory. */
export interface ZipEntry {
  /** Path inside the archive. */
  readonly name: string;
  /** Stored size in bytes. */
  readonly size: number;
  /** @internal */ readonly localOffset: number;
  /** @internal */ readonly crc: number;
  /** @internal */ readonly method: number;
  /** @internal */ readonly compressedSize: number;
  /** @internal Where the entry's data starts (after its local header). */ readonly dataOffset: number;
}

function u64(dv: DataView, p: number, what: string): number {
  const v = dv.getBigUint64(p, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new SerializationError('load', `corrupt zip: ${what} ${v} is out of range`);
  return Number(v);
}

/**
 * A strict reader of zip archives with uncompressed entries (what PyTorch writes).
 * @throws SerializationError on anything malformed: no end record, offsets or sizes
 * beyond the file, bad signatures, overlapping records, compressed entries, CRC
 * mismatches.
 */
export class ZipReader {
  /** Entries by name, in central-directory order. */
  readonly entries: Map<string, ZipEntry> = new Map();
  private readonly data: Uint8Array;
  private readonly dv: DataView;

  constructor(data: Uint8Array) {
    this.data = data;
    this.dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.parse();
  }

  private fail(msg: string): never {
    throw new SerializationError('load', `corrupt or truncated zip archive: ${msg}`);
  }

  private parse(): void {
    const { data, dv } = this;
    const n = data.length;
    if (n < EOCD_SIZE) this.fail(`file is too small (${n} bytes)`);
    // End of central directory: scan back over a possible comment (≤ 65535 bytes).
    let eocd = -1;
    for (let p = n - EOCD_SIZE; p >= Math.max(0, n - EOCD_SIZE - 0xffff); p--) {
      if (dv.getUint32(p, true) === EOCD_SIG && p + EOCD_SIZE + dv.getUint16(p + 20, true) === n) {
        eocd = p;
        break;
      }
    }
    if (eocd < 0) this.fail('end of central directory record not found');
    let count = dv.getUint16(eocd + 10, true);
    let cdSize = dv.getUint32(eocd + 12, true);
    let cdOffset = dv.getUint32(eocd + 16, true);
    let cdLimit = eocd;
    if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
      const loc = eocd - 20;
      if (loc < 0 || dv.getUint32(loc, true) !== ZIP64_LOCATOR_SIG) this.fail('zip64 locator not found');
      const z = u64(dv, loc + 8, 'zip64 record offset');
      if (z + 56 > loc || dv.getUint32(z, true) !== ZIP64_EOCD_SIG) this.fail('zip64 end of central directory record not found');
      count = u64(dv, z + 32, 'entry count');
      cdSize = u64(dv, z + 40, 'central directory size');
      cdOffset = u64(dv, z + 48, 'central directory offset');
      cdLimit = z;
    }
    if (cdOffset + cdSize > cdLimit) this.fail(`central directory (offset ${cdOffset}, size ${cdSize}) extends beyond the end record`);
    if (count * CENTRAL_HEADER > cdSize) this.fail(`central directory of ${cdSize} bytes cannot hold ${count} entries`);
    const dec = new TextDecoder('utf-8', { fatal: false });
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + CENTRAL_HEADER > cdOffset + cdSize) this.fail('central directory entry out of range');
      if (dv.getUint32(p, true) !== CENTRAL_SIG) this.fail(`bad central directory signature at offset ${p}`);
      const method = dv.getUint16(p + 10, true);
      const crc = dv.getUint32(p + 16, true);
      let csize = dv.getUint32(p + 20, true);
      let usize = dv.getUint32(p + 24, true);
      const nameLen = dv.getUint16(p + 28, true);
      const extraLen = dv.getUint16(p + 30, true);
      const commentLen = dv.getUint16(p + 32, true);
      let local = dv.getUint32(p + 42, true);
      const end = p + CENTRAL_HEADER + nameLen + extraLen + commentLen;
      if (end > cdOffset + cdSize) this.fail('central directory entry out of range');
      const name = dec.decode(data.subarray(p + CENTRAL_HEADER, p + CENTRAL_HEADER + nameLen));
      // zip64 extended information
      let e = p + CENTRAL_HEADER + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = dv.getUint16(e, true);
        const len = dv.getUint16(e + 2, true);
        if (e + 4 + len > extraEnd) this.fail(`extra field of ${name} out of range`);
        if (id === 0x0001) {
          let q = e + 4;
          const need = (cond: boolean): boolean => cond && q + 8 <= e + 4 + len;
          if (usize === U32_MAX) {
            if (!need(true)) this.fail(`zip64 field of ${name} too short`);
            usize = u64(dv, q, 'size');
            q += 8;
          }
          if (csize === U32_MAX) {
            if (!need(true)) this.fail(`zip64 field of ${name} too short`);
            csize = u64(dv, q, 'size');
            q += 8;
          }
          if (local === U32_MAX) {
            if (!need(true)) this.fail(`zip64 field of ${name} too short`);
            local = u64(dv, q, 'offset');
            q += 8;
          }
        }
        e += 4 + len;
      }
      if (local + LOCAL_HEADER > cdOffset) this.fail(`entry ${name}: local header offset ${local} beyond the data area`);
      if (this.entries.has(name)) this.fail(`duplicate entry ${name}`);
      if (dv.getUint32(local, true) !== LOCAL_SIG) this.fail(`bad local header signature for ${name}`);
      const dataOffset = local + LOCAL_HEADER + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
      if (dataOffset + csize > cdOffset) {
        this.fail(`entry ${name} (${csize} bytes at offset ${dataOffset}) extends beyond the end of the file's data area (the central directory starts at ${cdOffset})`);
      }
      this.entries.set(name, { name, size: usize, localOffset: local, crc, method, compressedSize: csize, dataOffset });
      p = end;
    }
    // Records may not overlap: otherwise many entries could name one large record.
    const spans = [...this.entries.values()].sort((a, b) => a.localOffset - b.localOffset);
    for (let i = 1; i < spans.length; i++) {
      const prev = spans[i - 1]!;
      if (spans[i]!.localOffset < prev.dataOffset + prev.compressedSize) this.fail(`entries ${prev.name} and ${spans[i]!.name} overlap`);
    }
  }

  /** Whether the archive holds `name`. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The bytes of entry `name` (a view of the input), CRC-checked. */
  read(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (e === undefined) throw new SerializationError('load', `zip archive has no entry '${name}'`);
    const { data } = this;
    if (e.method !== 0) throw new SerializationError('load', `zip entry ${name} is compressed (method ${e.method}); only stored entries (as PyTorch writes them) are supported`);
    if (e.compressedSize !== e.size) this.fail(`stored entry ${name} has different compressed (${e.compressedSize}) and uncompressed (${e.size}) sizes`);
    const start = e.dataOffset;
    if (start + e.size > data.length) this.fail(`entry ${name} (${e.size} bytes at offset ${start}) extends beyond the end of the file (${data.length} bytes)`);
    const bytes = data.subarray(start, start + e.size);
    if (crc32(bytes) !== e.crc) this.fail(`CRC-32 mismatch in entry ${name}`);
    return bytes;
  }
}
