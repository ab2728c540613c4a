import type { ConsentGapQuery, ConsentGapReport, ConsentRemediation, ConsentSync } from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { callApi } from "../api/api-client";

type GapFilter = Partial<Pick<ConsentGapQuery, "instanceId" | "from" | "to">>;

/** The consent ledger's report and remediations: `consent:read` to look, `consent:manage` to act. */
export const useConsentStore = defineStore("consent", () => {
  const report = ref<ConsentGapReport>({ summary: [], entries: [], total: 0 });
  const filter = ref<GapFilter>({});

  async function load(next: GapFilter = filter.value): Promise<void> {
    filter.value = next;
    report.value = await callApi("getConsentGaps", { query: { ...next, limit: 200 } });
  }

  async function startSync(instanceId: string): Promise<ConsentSync> {
    return callApi("postConsentSync", { params: { id: instanceId }, body: {} });
  }

  async function sync(id: string): Promise<ConsentSync> {
    return callApi("getConsentSync", { params: { id } });
  }

  async function plan(entryId: string, action: ConsentRemediation["action"]): Promise<ConsentRemediation> {
    const drafted = await callApi("postConsentRemediation", { body: { entryId, action } });
    await load();
    return drafted;
  }

  async function approve(id: string): Promise<ConsentRemediation> {
    const approved = await callApi("postConsentRemediationApproval", { params: { id } });
    await load();
    return approved;
  }

  async function remediation(id: string): Promise<ConsentRemediation> {
    return callApi("getConsentRemediation", { params: { id } });
  }

  return { report, filter, load, startSync, sync, plan, approve, remediation };
});
