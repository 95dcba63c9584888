import { crc32 } from 'node:zlib';
import { COAT_OF_ARMS_MAX_BYTES, COAT_OF_ARMS_MAX_PIXELS } from '@sekretariat/contracts';
import { DomainError } from '../common/errors/domain-error.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const coatOfArmsError = {
  notPng: () =>
    new DomainError('COAT_OF_ARMS_NOT_PNG', 'Kommunevåpenet må være en PNG-fil.', 400, [
      { path: 'file', message: 'Velg en PNG-fil (ikke SVG).' },
    ]),
  broken: () =>
    new DomainError('COAT_OF_ARMS_BROKEN', 'PNG-filen er skadet eller ufullstendig.', 400, [
      { path: 'file', message: 'Filen kan ikke leses som PNG.' },
    ]),
  tooLarge: () =>
    new DomainError(
      'COAT_OF_ARMS_TOO_LARGE',
      `Kommunevåpenet kan være høyst ${COAT_OF_ARMS_MAX_BYTES / 1024} kB.`,
      413,
      [{ path: 'file', message: `Høyst ${COAT_OF_ARMS_MAX_BYTES / 1024} kB.` }],
    ),
  dimensions: () =>
    new DomainError(
      'COAT_OF_ARMS_DIMENSIONS',
      `Kommunevåpenet kan være høyst ${COAT_OF_ARMS_MAX_PIXELS} × ${COAT_OF_ARMS_MAX_PIXELS} piksler.`,
      400,
      [{ path: 'file', message: `Høyst ${COAT_OF_ARMS_MAX_PIXELS} × ${COAT_OF_ARMS_MAX_PIXELS} piksler.` }],
    ),
};

/**
 * Checks that the bytes are one whole PNG without decoding it: the signature, IHDR first with a
 * size within the limits, every chunk inside the file with a correct CRC, at least one IDAT, and
 * IEND last with nothing after it. Anything else (SVG, a renamed file, a truncated or padded PNG,
 * a polyglot with bytes after IEND) is refused with a stable code; nothing is stored.
 */
export function checkCoatOfArms(data: Buffer): { width: number; height: number } {
  if (data.length > COAT_OF_ARMS_MAX_BYTES) throw coatOfArmsError.tooLarge();
  if (data.length < SIGNATURE.length + 25 || !data.subarray(0, 8).equals(SIGNATURE))
    throw coatOfArmsError.notPng();
  let offset = 8;
  let width = 0;
  let height = 0;
  let sawData = false;
  let first = true;
  while (offset < data.length) {
    if (offset + 12 > data.length) throw coatOfArmsError.broken();
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > data.length || !/^[A-Za-z]{4}$/.test(type))
      throw coatOfArmsError.broken();
    if (crc32(data.subarray(offset + 4, offset + 8 + length)) !== data.readUInt32BE(offset + 8 + length))
      throw coatOfArmsError.broken();
    if (first) {
      if (type !== 'IHDR' || length !== 13) throw coatOfArmsError.broken();
      width = data.readUInt32BE(offset + 8);
      height = data.readUInt32BE(offset + 12);
      if (width === 0 || height === 0) throw coatOfArmsError.broken();
      if (width > COAT_OF_ARMS_MAX_PIXELS || height > COAT_OF_ARMS_MAX_PIXELS)
        throw coatOfArmsError.dimensions();
      first = false;
    } else if (type === 'IHDR') {
      throw coatOfArmsError.broken();
    }
    if (type === 'IDAT') sawData = true;
    offset = end;
    if (type === 'IEND') {
      if (length !== 0 || offset !== data.length || !sawData) throw coatOfArmsError.broken();
      return { width, height };
    }
  }
  throw coatOfArmsError.broken();
}
