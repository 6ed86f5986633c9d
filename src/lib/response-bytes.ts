/**
 * A response's body as one ArrayBuffer, with as few copies as its chunks allow.
 *
 * Why: `astro build` writes each page from `Buffer.from(await response.arrayBuffer())`. Node's
 * `Response.arrayBuffer()` copies the body twice on the way (its chunks into one buffer, then that
 * buffer into another), although a rendered page arrives as one chunk that nothing else holds. At
 * 10,000 projects that is two extra copies of 30,000 pages, and V8 counts every copy against the
 * 64 MB of memory outside its heap after which it starts a full garbage collection (README,
 * "Performance budgets").
 *
 * `directBytes` gives a response an `arrayBuffer()` that returns the single chunk's own buffer where
 * the body is exactly that, and otherwise copies the chunks once. Nothing is read until a caller asks:
 * whoever reads the body another way (`text()`, `body`) gets it as before.
 */

/** The bytes of `chunks` as one ArrayBuffer: a lone chunk that fills its buffer is that buffer. */
export function joinChunks(chunks: readonly Uint8Array[]): ArrayBuffer {
  const only = chunks.length === 1 ? chunks[0]! : undefined;
  if (only && only.buffer instanceof ArrayBuffer && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only.buffer;
  let size = 0;
  for (const chunk of chunks) size += chunk.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out.buffer;
}

/** Every chunk of `body`; like Response's own reading, a chunk that is not bytes is an error. */
export async function readChunks(body: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
    chunks.push(value);
  }
}

/**
 * Gives `response` the arrayBuffer() above, on the object itself; the response is returned as it is
 * otherwise. A response without a body, or one already read, is left alone.
 */
export function directBytes(response: Response): Response {
  const body = response.body;
  if (!body || response.bodyUsed) return response;
  Object.defineProperty(response, 'arrayBuffer', {
    configurable: true,
    value: async (): Promise<ArrayBuffer> => joinChunks(await readChunks(body)),
  });
  return response;
}
