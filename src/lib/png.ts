/**
 * A PNG file from raw RGBA pixels: the smallest valid encoder, used for the share images.
 *
 * Why our own: the drawing libraries' encoders try every row filter and compress hard: resvg's
 * `asPng()` took 9 ms of a share image's 23 ms, and Skia's (@napi-rs/canvas, which draws the cards
 * now) takes about 20 ms a card. Rows stored unfiltered and deflated at zlib level 3 take about 3 ms
 * and come out the same size (about 50 KB for a card), because a card is mostly flat colour, which
 * deflate compresses well without filters. Node's own zlib does the compressing and the checksums.
 *
 * Node only (node:zlib). Pure otherwise: the same pixels always give the same bytes.
 */
import { crc32, deflateSync } from 'node:zlib';

/**
 * The filtered rows, kept from one image to the next: a fresh 3 MB buffer per card cost more in page
 * faults than the copy into it. Safe to share because encodePng runs to the end without yielding.
 */
let scratch: Uint8Array | undefined;
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** One chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i += 1) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes `rgba` (width × height pixels, 4 bytes each, rows top to bottom, straight alpha) as an
 * 8-bit RGBA PNG.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> {
  const stride = width * 4;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || rgba.length !== stride * height) {
    throw new Error(`encodePng: ${rgba.length} bytes are not ${width}×${height} RGBA pixels`);
  }
  // Each row is stored after one filter-type byte; 0 means "none".
  const size = (stride + 1) * height;
  if (!scratch || scratch.length < size) scratch = new Uint8Array(size);
  const rows = scratch.subarray(0, size);
  for (let y = 0; y < height; y += 1) {
    // Set every time: the buffer may hold an earlier image of another width.
    rows[y * (stride + 1)] = 0;
    rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }

  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // Bytes 10–12: deflate compression, adaptive filtering (each row says its filter), no interlace.

  const parts = [Uint8Array.from(SIGNATURE), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 3 })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
