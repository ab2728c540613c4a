/*
 * What a LIKE of soql-literal.ts selects, read again on a record already returned. One query ORs
 * every identifier's conditions, so a record it returns may have been selected by another
 * identifier; it is put down to this one only if this one's own conditions select it too, as
 * when each identifier had a query of its own. LIKE ignores case, as these do.
 */

/** `soqlContains(value)`: the value anywhere in the text. */
export function containsLike(text: string | undefined, value: string): boolean {
  return text !== undefined && text.toLowerCase().includes(value.toLowerCase());
}

/** `soqlDigitsInOrder(digits)`: the digits in this order, anything between and around them. */
export function digitsInOrderLike(text: string | undefined, digits: string): boolean {
  if (text === undefined) return false;
  let from = 0;
  for (const digit of digits) {
    const at = text.indexOf(digit, from);
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}
