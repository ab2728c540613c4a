/*
 * The corpus of the erasure acceptance test, as data: one person to erase and the near-identical
 * people beside them an outside tester would create — each differs from the target in one way a
 * careless matcher would ignore. A record holding the target's address in another letter case is
 * the target's own (one mailbox, one person); everything here that is a bystander must survive.
 */

export interface CorpusPerson {
  /** How this person differs from the target (for failure messages). */
  differs: string;
  firstName: string;
  lastName: string;
  email: string;
  /** As typed into the vendor's form: some formatted, some E.164. */
  phone: string;
}

export const target: CorpusPerson = {
  differs: "is the target",
  firstName: "Mara",
  lastName: "Quintero",
  email: "Mara.Quintero@example.org",
  phone: "+12015550161",
};

/** The target's address as another system stored it: the same mailbox in capitals. */
export const targetEmailInCapitals = "MARA.QUINTERO@EXAMPLE.ORG";

export const bystanders: readonly CorpusPerson[] = [
  { differs: "+tag", firstName: "Mara", lastName: "Quintero", email: "mara.quintero+news@example.org", phone: "+12015550171" },
  { differs: "dots", firstName: "Mara", lastName: "Quintero", email: "maraquintero@example.org", phone: "+12015550172" },
  { differs: "look-alike letters (rn for m)", firstName: "Rnara", lastName: "Quintero", email: "rnara.quintero@example.org", phone: "+12015550173" },
  { differs: "a formatted phone one digit off", firstName: "Marta", lastName: "Quintera", email: "marta.quintera@example.net", phone: "+1 (201) 555-0162" },
  { differs: "same name only", firstName: "Mara", lastName: "Quintero", email: "m.quintero@example.com", phone: "+12015550174" },
];

/** The bystander whose records mention the target (a colleague who copied them in). */
export const mentioningBystander = bystanders[4] as CorpusPerson;
/** The bystander who copied the target on their own ticket / e-mail. */
export const ccingBystander = bystanders[1] as CorpusPerson;

/** A card number the target read out in their own message: an export shows at most 6 + 4 digits. */
export const targetCard = "4111 1111 1111 1111";

/** Free text a bystander wrote that names the target's address; after redaction only it is gone. */
export const mentionText = (address: string) => `Customer asked us to copy ${address} on the refund for order 7731.`;
