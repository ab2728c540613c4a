/**
 * The order records are deleted in: what hangs from a person before the person (Salesforce
 * refuses to delete a Contact that still has Cases, and deleting a Contact cascades its
 * activities into the Recycle Bin on its own), files and contact points before the Individual.
 */
export const deletionOrder = [
  "EmailMessage",
  "Task",
  "Event",
  "CampaignMember",
  "CaseComment",
  "Case",
  "ContentDocument",
  "ContactPointEmail",
  "ContactPointPhone",
  "ContactPointTypeConsent",
  "Contact",
  "Lead",
  "Individual",
] as const;

export function deletionRank(type: string): number {
  const rank = (deletionOrder as readonly string[]).indexOf(type);
  return rank < 0 ? deletionOrder.length : rank;
}

/**
 * What an `anonymise` plan writes (PATCH, null clears a field): personal fields blanked, required
 * ones (LastName) replaced by a placeholder. Types absent here hold nothing but the link to the
 * person (memberships, contact points, consents, files): those are deleted instead.
 */
export const anonymisedValues: Record<string, Record<string, string | null>> = {
  Contact: { FirstName: null, LastName: "Anonymised", Email: null, Phone: null, MobilePhone: null, HomePhone: null, OtherPhone: null, MailingCity: null, Birthdate: null },
  Lead: { FirstName: null, LastName: "Anonymised", Email: null, Phone: null, MobilePhone: null },
  Case: { ContactId: null, SuppliedName: null, SuppliedEmail: null, SuppliedPhone: null, Description: null },
  CaseComment: { CommentBody: null },
  Task: { WhoId: null, Description: null },
  Event: { WhoId: null, Description: null },
  EmailMessage: { FromName: null, FromAddress: null, ToAddress: null, CcAddress: null, TextBody: null },
  Individual: { FirstName: null, LastName: "Anonymised", BirthDate: null },
};
