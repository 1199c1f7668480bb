/**
 * Writes app/favicon.ico from the same drawing as app/icon.svg (a blue rounded square holding four white
 * tiles, the two off-diagonal ones at 70 %): 16, 32 and 48 px PNG images in one ICO file, which every browser
 * asks /favicon.ico for. Drawn here, not rendered from the SVG, so no image library or browser is needed.
 * Run it after changing the icon: `node --import tsx scripts/make-favicon.ts`; commit the result.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

type Shape = {
  x: number;
  y: number;
  size: number;
  radius: number;
  rgb: readonly [number, number, number];
  alpha: number;
};

// In the SVG's 32-unit viewBox.
const shapes: Shape[] = [
  { x: 0, y: 0, size: 32, radius: 7, rgb: [0x25, 0x63, 0xeb], alpha: 1 },
  { x: 7, y: 7, size: 8, radius: 2, rgb: [255, 255, 255], alpha: 1 },
  { x: 17, y: 7, size: 8, radius: 2, rgb: [255, 255, 255], alpha: 0.7 },
  { x: 7, y: 17, size: 8, radius: 2, rgb: [255, 255, 255], alpha: 0.7 },
  { x: 17, y: 17, size: 8, radius: 2, rgb: [255, 255, 255], alpha: 1 },
];

function inside(s: Shape, x: number, y: number): boolean {
  if (x < s.x || y < s.y || x > s.x + s.size || y > s.y + s.size) return false;
  const cx = Math.min(Math.max(x, s.x + s.radius), s.x + s.size - s.radius);
  const cy = Math.min(Math.max(y, s.y + s.radius), s.y + s.size - s.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= s.radius ** 2;
}

/** RGBA pixels, 4×4 samples per pixel for smooth edges, shapes composited in order ("over"). */
function draw(px: number): Buffer {
  const out = Buffer.alloc(px * px * 4);
  const samples = 4;
  for (let py = 0; py < px; py++) {
    for (let pxx = 0; pxx < px; pxx++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((pxx + (sx + 0.5) / samples) * 32) / px;
          const y = ((py + (sy + 0.5) / samples) * 32) / px;
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0;
          for (const s of shapes) {
            if (!inside(s, x, y)) continue;
            const sa = s.alpha;
            cr = s.rgb[0] * sa + cr * (1 - sa);
            cg = s.rgb[1] * sa + cg * (1 - sa);
            cb = s.rgb[2] * sa + cb * (1 - sa);
            ca = sa + ca * (1 - sa);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = samples * samples;
      const alpha = a / n;
      const i = (py * px + pxx) * 4;
      // Premultiplied sums back to straight colour.
      out[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      out[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      out[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(px: number): Buffer {
  const rgba = draw(px);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(px, 0);
  header.writeUInt32BE(px, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.concat(
    Array.from({ length: px }, (_, y) =>
      Buffer.concat([Buffer.from([0]), rgba.subarray(y * px * 4, (y + 1) * px * 4)]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** ICONDIR, one ICONDIRENTRY per image, then the PNGs (ICO has carried PNG images since Windows Vista). */
export function favicon(sizes: readonly number[] = [16, 32, 48]): Buffer {
  const images = sizes.map(png);
  const dir = Buffer.alloc(6);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, i) => {
    const e = Buffer.alloc(16);
    e[0] = sizes[i]! % 256;
    e[1] = sizes[i]! % 256;
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(image.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += image.length;
    return e;
  });
  return Buffer.concat([dir, ...entries, ...images]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const target = path.join(__dirname, "..", "app", "favicon.ico");
  writeFileSync(target, favicon());
  console.log(`Wrote ${target}`);
}
