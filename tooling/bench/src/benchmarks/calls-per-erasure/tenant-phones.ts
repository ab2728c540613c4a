/**
 * Distinct phone numbers nobody holds (Ofcom's drama ranges, +44 20 7946 0xxx and the like), one
 * per person of a bench world's tenant; the subject takes +1 201 555 0147 (North America's
 * fictional 555-01xx), so no one else in the world shares it.
 */
const ukDramaPrefixes = ["+44207946", "+44113496", "+44114496", "+44116496", "+44117496", "+44118496", "+44121496", "+44131496", "+44141496", "+44151496", "+44161496"];

export const subjectPhone = "+12015550147";

export function tenantPhone(index: number): string {
  const prefix = ukDramaPrefixes[Math.floor(index / 1000) % ukDramaPrefixes.length] ?? "+44207946";
  return `${prefix}0${String(index % 1000).padStart(3, "0")}`;
}
