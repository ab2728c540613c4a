/*
 * Salesforce record ids: a 3-character key prefix naming the object, then a 12-character body:
 * 15 case-sensitive characters. The 18-character form adds a checksum of the case of each block of
 * five, so that it survives case-insensitive systems; the API always emits 18 and accepts both.
 */
const checksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
const bodyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function eighteenCharacterId(fifteen: string): string {
  let suffix = "";
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = fifteen.charAt(block * 5 + i);
      if (char >= "A" && char <= "Z") bits |= 1 << i;
    }
    suffix += checksumAlphabet.charAt(bits);
  }
  return fifteen + suffix;
}

/** The 18-character form of a 15- or 18-character id; undefined for anything that is not an id. */
export function canonicalId(id: string): string | undefined {
  if (/^[a-zA-Z0-9]{18}$/.test(id)) {
    const fifteen = id.slice(0, 15);
    // The suffix is case-insensitive; the body is not.
    return eighteenCharacterId(fifteen) === fifteen + id.slice(15).toUpperCase() ? eighteenCharacterId(fifteen) : undefined;
  }
  if (/^[a-zA-Z0-9]{15}$/.test(id)) return eighteenCharacterId(id);
  return undefined;
}

/** Hands out ids for one world: prefix, `0` padding like a real org's pod, then a counter. */
export class IdFactory {
  private counter = 0;

  constructor(private readonly pod: string) {}

  next(keyPrefix: string): string {
    this.counter++;
    let body = "";
    let n = this.counter * 7919 + 104729;
    for (let i = 0; i < 7; i++) {
      body = bodyAlphabet.charAt(n % bodyAlphabet.length) + body;
      n = Math.floor(n / bodyAlphabet.length);
    }
    return eighteenCharacterId(`${keyPrefix}${this.pod}${body}`.slice(0, 15).padEnd(15, "0"));
  }
}
