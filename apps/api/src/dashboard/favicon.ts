/**
 * The site's icon, drawn rather than committed as a binary: a converging
 * curve (loss falling steeply, then flattening) in the dashboard's accent
 * colour on a light tile, 32×32, as an ICO file holding one 32-bit bitmap.
 * Browsers ask for /favicon.ico on their own, whatever page they open.
 */
const SIZE = 32;
const ACCENT = [0x1d, 0x4e, 0xd8]; // --accent, as RGB
const TILE = [0xf6, 0xf7, 0xf9]; // --bg

/** Row-major RGBA, top row first. */
function drawPixels(): Uint8Array {
  const pixels = new Uint8Array(SIZE * SIZE * 4);
  const paint = (x: number, y: number, [r, g, b]: number[]) => {
    if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) return;
    pixels.set([r, g, b, 0xff], (y * SIZE + x) * 4);
  };
  for (let y = 2; y < SIZE - 2; y++) for (let x = 2; x < SIZE - 2; x++) paint(x, y, TILE);
  // loss(t) = floor + (1 - floor)·e^(−t/τ), thickened to three pixels.
  for (let step = 0; step <= 400; step++) {
    const t = step / 400;
    const loss = 0.15 + 0.85 * Math.exp(-t / 0.18);
    const x = Math.round(5 + t * (SIZE - 10));
    const y = Math.round(5 + (1 - loss) * (SIZE - 10));
    for (let dy = -1; dy <= 1; dy++) paint(x, y + dy, ACCENT);
  }
  return pixels;
}

function encodeIco(pixels: Uint8Array): Buffer {
  const xorBytes = SIZE * SIZE * 4;
  const andBytes = (SIZE / 8) * SIZE; // 1 bit a pixel, rows already 4-byte aligned at 32
  const image = Buffer.alloc(40 + xorBytes + andBytes);
  image.writeUInt32LE(40, 0); // BITMAPINFOHEADER
  image.writeInt32LE(SIZE, 4);
  image.writeInt32LE(SIZE * 2, 8); // colour bitmap and mask, stacked
  image.writeUInt16LE(1, 12);
  image.writeUInt16LE(32, 14);
  image.writeUInt32LE(xorBytes + andBytes, 20);
  for (let row = 0; row < SIZE; row++) {
    const sourceRow = SIZE - 1 - row; // bitmaps are stored bottom row first
    for (let x = 0; x < SIZE; x++) {
      const from = (sourceRow * SIZE + x) * 4;
      const to = 40 + (row * SIZE + x) * 4;
      image[to] = pixels[from + 2]; // BGRA
      image[to + 1] = pixels[from + 1];
      image[to + 2] = pixels[from];
      image[to + 3] = pixels[from + 3];
    }
  }
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(SIZE, 6);
  header.writeUInt8(SIZE, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits a pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}

export const FAVICON = encodeIco(drawPixels());
