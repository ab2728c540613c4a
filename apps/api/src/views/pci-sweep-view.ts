import type { PciSweep } from "@lethe/contracts";
import type { PciSweepState } from "@lethe/runtime";

/** The sweep as the API shows it: everything but the vendor's resume cursor. */
export function toPciSweep(state: PciSweepState): PciSweep {
  const { cursor: _cursor, ...shown } = state;
  return shown;
}
