// G.711 μ-law (ITU-T G.711 §A/Table 2a): 14-bit linear magnitude, bias 0x84, bits inverted on the wire.
const bias = 0x84;
const clip = 32635;

/** Encodes one 16-bit linear sample as a μ-law byte. Digital silence (0) encodes as 0xFF. */
export function encodeMuLaw(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(Math.round(sample)), clip) + bias;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = sign | (exponent << 4) | mantissa;
  return ~magnitude & 0xff;
}

/** Decodes one μ-law byte to a 16-bit linear sample. */
export function decodeMuLaw(byte: number): number {
  const inverted = ~byte & 0xff;
  const sign = inverted & 0x80;
  const exponent = (inverted >> 4) & 0x07;
  const mantissa = inverted & 0x0f;
  const magnitude = (((mantissa << 3) + bias) << exponent) - bias;
  return sign ? -magnitude : magnitude;
}
