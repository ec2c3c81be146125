/* eslint-disable no-undef */
/**
 * Draws the add-in's ribbon and store icons (assets/icon-16/32/64/80.png and
 * the four tab buttons) without any download or image library: a small
 * vector picture sampled 4×4 per pixel, written as RGBA PNG with zlib.
 *
 *   node scripts/make-icons.cjs [outDir]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const TEAL = [0x0f, 0x7b, 0x6c];
const WHITE = [0xff, 0xff, 0xff];

// --- PNG encoding ---------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (width*height*4) → PNG bytes. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// --- Pictures (unit square, y down) ----------------------------------------------

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** The add-in: a teal tile with an open ledger. */
function ledger(x, y) {
  if (!inRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) return null;
  const page = (x > 0.2 && x < 0.48 && y > 0.26 && y < 0.76) || (x > 0.52 && x < 0.8 && y > 0.26 && y < 0.76);
  if (page) {
    const line = [0.38, 0.5, 0.62].some((ly) => Math.abs(y - ly) < 0.025) && ((x > 0.25 && x < 0.44) || (x > 0.57 && x < 0.76));
    return line ? TEAL : WHITE;
  }
  return TEAL;
}

/** Tab buttons: the tile with a simple glyph. */
const GLYPHS = {
  today: (x, y) => (Math.hypot(x - 0.5, y - 0.52) < 0.27 && Math.hypot(x - 0.5, y - 0.52) > 0.2) || (Math.abs(x - 0.5) < 0.03 && y > 0.34 && y < 0.53) || (Math.abs(y - 0.52) < 0.03 && x > 0.48 && x < 0.64),
  log: (x, y) => (x > 0.26 && x < 0.74 && y > 0.24 && y < 0.78 && !(x > 0.32 && x < 0.68 && y > 0.3 && y < 0.72)) || ([0.4, 0.51, 0.62].some((ly) => Math.abs(y - ly) < 0.025) && x > 0.36 && x < 0.64),
  customers: (x, y) => Math.hypot(x - 0.5, y - 0.38) < 0.13 || (Math.hypot(x - 0.5, y - 0.86) < 0.3 && y < 0.76 && y > 0.56),
  reports: (x, y) => [[0.3, 0.55], [0.46, 0.4], [0.62, 0.28]].some(([bx, top]) => x > bx && x < bx + 0.1 && y > top && y < 0.74) || (Math.abs(y - 0.76) < 0.02 && x > 0.24 && x < 0.78),
};

function button(glyph) {
  return (x, y) => {
    if (!inRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) return null;
    return glyph(x, y) ? WHITE : TEAL;
  };
}

function render(size, picture) {
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = picture((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const size of SIZES) {
    fs.writeFileSync(path.join(outDir, `icon-${size}.png`), render(size, ledger));
    written.push(`icon-${size}.png`);
    for (const [name, glyph] of Object.entries(GLYPHS)) {
      if (size === 64) continue; // ribbon buttons use 16/32/80
      fs.writeFileSync(path.join(outDir, `${name}-${size}.png`), render(size, button(glyph)));
      written.push(`${name}-${size}.png`);
    }
  }
  console.log(`wrote ${written.length} icons to ${outDir}`);
}

if (require.main === module) main();
module.exports = { encodePng, render, SIZES };
