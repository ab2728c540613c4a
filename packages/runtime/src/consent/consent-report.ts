import { getConsentRemediation, listConsentGaps, summariseConsentGaps, type ConsentGapRow, type ConsentGapSummaryRow, type ConsentRemediationRow, type Database } from "@lethe/db";
import { z } from "zod";

export interface ConsentGapReportInput {
  instanceId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** The report of calls lacking consent: per system and month, and the participants one page at a time. */
export async function consentGapReport(
  database: Database,
  input: ConsentGapReportInput,
): Promise<{ summary: ConsentGapSummaryRow[]; entries: ConsentGapRow[]; total: number }> {
  const { rows, total } = await listConsentGaps(database.db, input);
  const { limit: _limit, offset: _offset, ...filter } = input;
  return { summary: await summariseConsentGaps(database.db, filter), entries: rows, total };
}

/** One remediation; undefined for an id none has. */
export async function readConsentRemediation(database: Database, id: string): Promise<ConsentRemediationRow | undefined> {
  return z.uuid().safeParse(id).success ? getConsentRemediation(database.db, id) : undefined;
}
