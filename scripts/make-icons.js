#!/usr/bin/env node
// Draws the 算盘 Suanpan add-in icons (an abacus on a green rounded square) and writes them as PNGs
// to assets/icon-<N>.png. Uses only Node built-ins (zlib for deflate), so it runs offline with no
// extra packages. Output is deterministic: re-running produces byte-identical files.
//
//   node scripts/make-icons.js            writes assets/icon-{16,32,64,80,128}.png
//   node scripts/make-icons.js --check    exits 1 if a committed icon differs from what it would draw

'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets');
const SUPERSAMPLE = 4; // 4×4 samples per pixel for anti-aliasing

const GREEN = [0x1e, 0x7a, 0x46, 255];
const FRAME = [0xf4, 0xf1, 0xe8, 255];
const ROD = [0xd9, 0xe8, 0xde, 255];
const BEAD = [0xf2, 0xb1, 0x34, 255];
const BEAD_DARK = [0xc9, 0x7c, 0x10, 255];

// ---- geometry in the unit square (0..1, y down) -------------------------------------------------

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inEllipse(x, y, cx, cy, rx, ry) {
  return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}

/** The shapes to paint, back to front. */
function shapes(size) {
  return size <= 16 ? smallShapes() : largeShapes();
}

const px16 = (n) => n / 16;

/** 16 px: laid out on the pixel grid (1 px frame and beam, 2 rods, 3×2 px beads) so it stays crisp. */
function smallShapes() {
  const list = [background()];
  const rods = [px16(5.5), px16(10.5)];
  for (const rx of rods) {
    list.push({ color: ROD, inside: (x, y) => Math.abs(x - rx) <= px16(0.5) && y >= px16(2) && y <= px16(14) });
  }
  list.push({
    color: FRAME,
    inside: (x, y) =>
      inRoundRect(x, y, px16(2), px16(2), px16(14), px16(14), px16(1)) &&
      !inRoundRect(x, y, px16(3), px16(3), px16(13), px16(13), 0),
  });
  list.push({ color: FRAME, inside: (x, y) => x >= px16(2) && x <= px16(14) && y >= px16(6) && y <= px16(7) });
  const bead = (cx, top) => ({
    color: BEAD,
    inside: (x, y) => inRoundRect(x, y, cx - px16(1.5), px16(top), cx + px16(1.5), px16(top + 2), px16(0.5)),
  });
  list.push(bead(rods[0], 4), bead(rods[1], 3)); // upper deck: left bead down at the beam, right one up
  list.push(bead(rods[0], 7), bead(rods[1], 7), bead(rods[1], 11)); // lower deck
  return list;
}

/** 32 px and up: 3 rods, one heaven bead and three earth beads each, beads with a darker rim. */
function largeShapes() {
  const rods = [0.32, 0.5, 0.68];
  const stroke = 0.065;
  const f0 = 0.15;
  const f1 = 1 - f0;
  const beamY = 0.42;
  const beamH = 0.055;
  const rodW = 0.03;
  const beadRx = 0.078;
  const beadRy = 0.043;
  const list = [background()];
  for (const rx of rods) {
    list.push({ color: ROD, inside: (x, y) => Math.abs(x - rx) <= rodW / 2 && y >= f0 && y <= f1 });
  }
  list.push({
    color: FRAME,
    inside: (x, y) =>
      inRoundRect(x, y, f0, f0, f1, f1, 0.08) &&
      !inRoundRect(x, y, f0 + stroke, f0 + stroke, f1 - stroke, f1 - stroke, 0.03),
  });
  list.push({ color: FRAME, inside: (x, y) => x >= f0 && x <= f1 && Math.abs(y - beamY) <= beamH / 2 });
  const top = f0 + stroke;
  const bottom = f1 - stroke;
  const upperPattern = [1, 0, 1]; // 1 = heaven bead pushed down to the beam
  const lowerPattern = [2, 0, 1]; // earth beads pushed up to the beam
  const lowerTotal = 3;
  const bead = (cx, cy) => ({
    color: BEAD,
    edge: BEAD_DARK,
    inside: (x, y) => inEllipse(x, y, cx, cy, beadRx, beadRy),
    isEdge: (x, y) => !inEllipse(x, y, cx, cy, beadRx * 0.78, beadRy * 0.78),
  });
  rods.forEach((rx, i) => {
    list.push(bead(rx, upperPattern[i] ? beamY - beamH / 2 - beadRy : top + beadRy));
    for (let k = 0; k < lowerTotal; k++) {
      const cy =
        k < lowerPattern[i]
          ? beamY + beamH / 2 + beadRy * (2 * k + 1)
          : bottom - beadRy * (2 * (lowerTotal - 1 - k) + 1);
      list.push(bead(rx, cy));
    }
  });
  return list;
}

function background() {
  return { color: GREEN, inside: (x, y) => inRoundRect(x, y, 0, 0, 1, 1, 0.2) };
}

function render(size) {
  const list = shapes(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c = null;
          for (let i = list.length - 1; i >= 0; i--) {
            const s = list[i];
            if (s.inside(x, y)) {
              c = s.isEdge && s.isEdge(x, y) ? s.edge : s.color;
              break;
            }
          }
          if (c) {
            const alpha = c[3] / 255;
            r += c[0] * alpha; g += c[1] * alpha; b += c[2] * alpha; a += alpha;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

// ---- PNG encoding -----------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const check = process.argv.includes('--check');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  let stale = 0;
  for (const size of SIZES) {
    const png = encodePng(size, size, render(size));
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    if (check) {
      const same = fs.existsSync(file) && fs.readFileSync(file).equals(png);
      if (!same) {
        stale++;
        console.error(`stale: ${path.relative(process.cwd(), file)}`);
      }
    } else {
      fs.writeFileSync(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
