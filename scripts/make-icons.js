/**
 * Draws the add-in icons (a green sheet with a white tick) as PNG files in assets/, with Node only:
 *   node scripts/make-icons.js
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const rows = [];
  const inTick = (x, y) => {
    // Two strokes of a tick, in unit coordinates.
    const d1 = Math.abs((y - 0.55) - (x - 0.28)) < 0.09 && x > 0.22 && x < 0.45;
    const d2 = Math.abs((y - 0.72) + (x - 0.45) * 1.35) < 0.09 && x > 0.42 && x < 0.8;
    return d1 || d2;
  };
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const corner = Math.min(u, 1 - u) < 0.12 && Math.min(v, 1 - v) < 0.12 && Math.hypot(Math.min(u, 1 - u) - 0.12, Math.min(v, 1 - v) - 0.12) > 0.12;
      if (corner) row.push(0, 0, 0, 0);
      else if (inTick(u, v)) row.push(255, 255, 255, 255);
      else row.push(16, 124, 65, 255);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, '..', 'assets', `icon-${size}.png`), png(size));
}
