/*
 * Phone numbers that belong to nobody. Every number here is also valid for libphonenumber, so the
 * engine's normaliser accepts them as a requester's number.
 *
 * - Ofcom's drama ranges (numbers the UK regulator keeps for fiction): 020 7946 0000–0999,
 *   0113/0114/0116/0117/0118/0121/0131/0141/0151/0161 496 0000–0999 and 0191 498 0000–0999.
 *   (0115 496 0xxx is a drama range too, but libphonenumber rejects it, so it is left out.)
 * - North America's 555-0100–0199, set aside for fiction in every area code.
 */
const ukDramaPrefixes = [
  "+44207946",
  "+44113496",
  "+44114496",
  "+44116496",
  "+44117496",
  "+44118496",
  "+44121496",
  "+44131496",
  "+44141496",
  "+44151496",
  "+44161496",
  "+44191498",
];

const northAmericanAreaCodes = ["202", "212", "213", "305", "312", "415", "617", "702", "713"];

/*
 * Subjects get numbers in area code 201 only. Their national digits (201 555 01xx) dialled in the
 * UK, +44 20 1555 01xx, are a London number starting with 1, which the UK plan never assigns; that
 * makes the "same digits, another country" bystander safe as well.
 */
const subjectAreaCode = "201";

function northAmericanFictional(areaCode: string): string[] {
  return Array.from({ length: 100 }, (_, n) => `+1${areaCode}55501${String(n).padStart(2, "0")}`);
}

function ukDrama(prefix: string): string[] {
  return Array.from({ length: 1000 }, (_, n) => `${prefix}0${String(n).padStart(3, "0")}`);
}

/** The same national digits under the other country code: +1 201 555 0123 ↔ +44 20 1555 0123. */
export function sameDigitsInTheUk(northAmericanNumber: string): string {
  if (!northAmericanNumber.startsWith("+1")) {
    throw new Error("Only North American numbers have a UK twin in this world");
  }
  return `+44${northAmericanNumber.slice(2)}`;
}

/** What the pools need of the world's seeded Faker: its shuffle. Pass the `faker` itself. */
export interface SeededShuffle {
  helpers: { shuffle<T>(list: readonly T[]): T[] };
}

/**
 * Hands out each reserved number at most once, in E.164, in an order fixed by the world's seed:
 * 100 for subjects (+1 201 555 01xx), 12,900 for everyone else.
 */
export class ReservedPhoneNumbers {
  private readonly subjectNumbers: string[];
  private readonly otherNumbers: string[];

  constructor(random: SeededShuffle) {
    this.subjectNumbers = random.helpers.shuffle(northAmericanFictional(subjectAreaCode));
    this.otherNumbers = random.helpers.shuffle([...ukDramaPrefixes.flatMap(ukDrama), ...northAmericanAreaCodes.flatMap(northAmericanFictional)]);
  }

  forSubject(): string {
    return take(this.subjectNumbers, "subjects (at most 100 in area code 201)");
  }

  forAnyoneElse(): string {
    return take(this.otherNumbers, "people");
  }
}

function take(pool: string[], what: string): string {
  const next = pool.pop();
  if (next === undefined) {
    throw new Error(`The reserved phone ranges are used up: too many ${what} for one world`);
  }
  return next;
}

/*
 * Area code 503 is in no pool above: its fictional numbers are free for the demo's clearly
 * separable people, whom no seeded world may share a number with (every sandbox draws its pools
 * in the same seeded order, so a pooled number recurs across sandboxes).
 */
const separableAreaCode = "503";

/** The `n`-th (0–99) fictional number of area code 503, which no `ReservedPhoneNumbers` hands out. */
export function separablePhoneNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new Error(`separablePhoneNumber takes 0–99, not ${n}`);
  return `+1${separableAreaCode}55501${String(n).padStart(2, "0")}`;
}
