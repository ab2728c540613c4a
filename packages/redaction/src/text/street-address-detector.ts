import type { PiiSpan } from "./pii-span";

// Street types, English and the continental words a European contact centre hears.
export const streetWord =
  "(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct|Boulevard|Blvd|Way|Place|Pl|Square|Sq|Terrace|Close|Crescent|Parkway|Pkwy|Highway|Hwy|Row|Walk|Gardens|Mews|Hill|Green|Grove|Forges|Trail|utca|út|tér|körút|Str|Rue|Via|Viale|Piazza|Calle|Avenida|Rua|Trg|Ulica|Ul)";
// Suffixes written as part of one word (`Koskikatu`, `Bundesstrasse`, `Storgatan`).
const streetSuffix = "(?:katu|tie|gatan|vägen|gade|vej|straße|strasse|straat|laan|weg|platz|allee|gasse|veien|gata)";
const name = "[\\p{Lu}\\p{Ll}][\\p{L}'’.-]*";
const unit = "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Unit|Flat|#)\\.?[ \\t]*\\d+[A-Za-z]?)?";
const numberFirst = new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?(?:[ \\t]+${name}){1,4}?[ \\t]+${streetWord}\\.?(?![\\p{L}])(?:[ \\t]+\\d{1,4}\\.?)?${unit}`, "gu");
const nameFirst = new RegExp(`(?<![\\p{L}])(?:${name}[ \\t]+){0,2}\\p{L}*${streetSuffix}[ \\t]+\\d{1,4}[A-Za-z]?${unit}`, "giu");
const militaryBox = /(?<![\p{L}])(?:PSC|Unit|USNS|USS|USCGC)[ \t]+\d{0,5}[ \t]*\p{L}*,?[ \t]*(?:Box[ \t]+\d{1,5})?\s*\n?\s*(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}/giu;

/**
 * Best-effort street addresses: house number + name + street type (`221B Baker Street`, `Apt. 4`
 * after it), continental street + number (`Koskikatu 25`), US military mail (`PSC 3294, Box 9168
 * APO AA 61487`). Towns and postcodes on the following lines are not reached; recall is partial.
 */
export function detectStreetAddresses(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const pattern of [numberFirst, nameFirst, militaryBox]) {
    for (const match of text.matchAll(pattern)) {
      spans.push({ type: "address", start: match.index, end: match.index + match[0].length, confidence: 0.6, detector: "address-pattern" });
    }
  }
  return spans;
}
