/*
 * US states whose wiretap laws require every party's consent to record a phone call (the rest,
 * and federal law, need one party's). Connecticut's rule is civil, Michigan's disputed; both are
 * treated as all-party, the side that cannot wrong a caller. Reviewed against the states'
 * statutes as summarised by the Reporters Committee for Freedom of the Press (2024).
 *
 * Area codes are where a number was issued, not where its holder is: a hint that picks the
 * stricter rule when it points to one of these states. Hand-kept because no maintained package
 * maps NANP area codes to states (libphonenumber's geocoder is not in libphonenumber-js).
 */
export const allPartyStateAreaCodes: Readonly<Record<string, readonly number[]>> = {
  "US-CA": [209, 213, 279, 310, 323, 341, 350, 369, 408, 415, 424, 442, 510, 530, 559, 562, 619, 626, 628, 650, 657, 661, 669, 707, 714, 738, 747, 760, 805, 818, 820, 831, 837, 840, 858, 909, 916, 925, 949, 951],
  "US-CT": [203, 475, 860, 959],
  "US-DE": [302],
  "US-FL": [239, 305, 321, 324, 352, 386, 407, 448, 561, 645, 656, 689, 727, 728, 754, 772, 786, 813, 850, 863, 904, 941, 954],
  "US-IL": [217, 224, 309, 312, 331, 447, 464, 618, 630, 708, 730, 773, 779, 815, 847, 861, 872],
  "US-MD": [227, 240, 301, 410, 443, 667],
  "US-MA": [339, 351, 413, 508, 617, 774, 781, 857, 978],
  "US-MI": [231, 248, 269, 313, 517, 586, 616, 679, 734, 810, 906, 947, 989],
  "US-MT": [406],
  "US-NV": [702, 725, 775],
  "US-NH": [603],
  "US-PA": [215, 223, 267, 272, 412, 445, 484, 570, 582, 610, 717, 724, 814, 835, 878],
  "US-WA": [206, 253, 360, 425, 509, 564],
};

const stateByAreaCode = new Map(Object.entries(allPartyStateAreaCodes).flatMap(([state, codes]) => codes.map((code) => [code, state] as const)));

/** The all-party state a US number's area code was issued in, if any. */
export function allPartyStateOfAreaCode(areaCode: number): string | undefined {
  return stateByAreaCode.get(areaCode);
}
