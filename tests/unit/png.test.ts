import { describe, expect, test } from 'vitest';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from '../../src/lib/png.ts';

/** A small picture with every kind of pixel: opaque colours, half-transparent, fully transparent. */
function pixels(width: number, height: number): Uint8Array {
  const px = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    px.set([(i * 37) % 256, (i * 11) % 256, (i * 5) % 256, i % 7 === 0 ? 0 : i % 3 === 0 ? 128 : 255], i * 4);
  }
  return px;
}

/** The chunks of a PNG file, by type, in order. */
function chunks(png: Uint8Array): Array<{ type: string; data: Uint8Array }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Array<{ type: string; data: Uint8Array }> = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    out.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  test('writes the signature, a header with the size and RGBA, one data chunk and the end', () => {
    const png = encodePng(pixels(5, 3), 5, 3);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = new DataView(parts[0]!.data.buffer, parts[0]!.data.byteOffset);
    expect([header.getUint32(0), header.getUint32(4), parts[0]!.data[8], parts[0]!.data[9]]).toEqual([5, 3, 8, 6]);
  });

  test('stores every row unfiltered, so inflating the data gives the pixels back', () => {
    const px = pixels(4, 6);
    const rows = inflateSync(chunks(encodePng(px, 4, 6))[1]!.data);
    expect(rows.length).toBe(6 * (4 * 4 + 1));
    for (let y = 0; y < 6; y += 1) {
      expect(rows[y * 17]).toBe(0);
      expect([...rows.subarray(y * 17 + 1, (y + 1) * 17)]).toEqual([...px.subarray(y * 16, (y + 1) * 16)]);
    }
  });

  test('is read back pixel for pixel by another decoder (resvg, drawing it as an image)', () => {
    // Opaque pixels: a decoder may premultiply alpha, which would round half-transparent ones.
    const px = pixels(9, 7).map((v, i) => (i % 4 === 3 ? 255 : v));
    const png = Buffer.from(encodePng(px, 9, 7)).toString('base64');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="9" height="7"><image width="9" height="7" image-rendering="pixelated" href="data:image/png;base64,${png}"/></svg>`;
    const drawn = new Resvg(svg).render();
    expect([drawn.width, drawn.height]).toEqual([9, 7]);
    expect([...drawn.pixels]).toEqual([...px]);
  });

  test('images of different sizes one after another each decode to their own pixels (the row buffer is reused)', () => {
    const wide = pixels(13, 9).fill(255);
    encodePng(wide, 13, 9);
    // A narrower image after a wider one: its filter bytes fall where the wider one's pixels were.
    for (const [w, h] of [[5, 4], [7, 3], [13, 9]] as const) {
      const px = pixels(w, h);
      const rows = inflateSync(chunks(encodePng(px, w, h))[1]!.data);
      expect(rows.length).toBe(h * (w * 4 + 1));
      for (let y = 0; y < h; y += 1) {
        expect(rows[y * (w * 4 + 1)]).toBe(0);
        expect([...rows.subarray(y * (w * 4 + 1) + 1, (y + 1) * (w * 4 + 1))]).toEqual([...px.subarray(y * w * 4, (y + 1) * w * 4)]);
      }
    }
  });

  test('refuses pixels that do not match the size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/not 2×2 RGBA/);
  });
});
