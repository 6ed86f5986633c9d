/**
 * Big download files made piece by piece, so that no one holds a whole file as one string.
 *
 * At 10,000 projects /data/projects.json is 87 MB. Made as one string, it was held as text (about
 * twice its size, Cyrillic being two bytes a character in V8), then as the encoded bytes, then as
 * Astro's copy of them: about half a gigabyte at once, the highest point of the build's memory
 * (npm run bench). Made as pieces and handed to Astro as a stream, only the bytes are held.
 *
 * Each writer gives exactly the text the one-string writer gave (the unit tests compare them), so
 * the files are byte for byte the same.
 */

/**
 * `JSON.stringify({ ...head, [key]: items }, null, 2) + '\n'` as pieces: the head and then one piece
 * per item. `key` must not be in `head` (it would keep head's place in the object).
 */
export function* jsonPieces(head: Readonly<Record<string, unknown>>, key: string, items: Iterable<unknown>): Generator<string> {
  if (Object.hasOwn(head, key)) throw new Error(`jsonPieces: "${key}" is already in the head`);
  // The whole document with an empty list ends in `"key": []` and the closing brace; the items go
  // between the brackets, each indented two levels (JSON.stringify never breaks a line inside a string).
  const empty = JSON.stringify({ ...head, [key]: [] }, null, 2);
  const start = empty.slice(0, -'[]\n}'.length);
  let first = true;
  for (const item of items) {
    // As in an array: what JSON cannot hold (undefined, a function) is written as null.
    const text = JSON.stringify(item, null, 2) ?? 'null';
    yield `${first ? `${start}[\n` : ',\n'}    ${text.replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield first ? `${empty}\n` : '\n  ]\n}\n';
}

/**
 * A CSV file as pieces of `per` rows each: `write(rows, first)` writes some rows as CSV, with the byte
 * order mark and anything else that opens a file only when `first`. Every row must end in the record
 * delimiter (csv-stringify's default), so that the pieces join into the file.
 */
export function* csvPieces<Row>(rows: readonly Row[], write: (rows: Row[], first: boolean) => string, per = 500): Generator<string> {
  for (let at = 0; at < rows.length || at === 0; at += per) {
    yield write(rows.slice(at, at + per), at === 0);
  }
}

/**
 * The pieces as a stream of UTF-8 bytes, a chunk of about `chunkChars` characters at a time, made
 * as it is read. `done` gets the number of bytes once the stream has been read to the end.
 */
export function byteStream(pieces: Iterable<string>, done?: (bytes: number) => void, chunkChars = 1 << 16): ReadableStream<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  const it = pieces[Symbol.iterator]();
  let bytes = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      let text = '';
      let next = it.next();
      while (!next.done) {
        text += next.value;
        if (text.length >= chunkChars) break;
        next = it.next();
      }
      if (text) {
        const chunk = encoder.encode(text);
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
      }
      if (next.done) {
        controller.close();
        done?.(bytes);
      }
    },
  });
}
