import type { AuditEntry, AuditVerification } from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { callApi } from "../api/api-client";

/** The audit trail of one request, and the verification of the whole chain. */
export const useAuditStore = defineStore("audit", () => {
  const requestId = ref<string | null>(null);
  const entries = ref<AuditEntry[]>([]);
  const verification = ref<AuditVerification | null>(null);

  async function loadForRequest(id: string): Promise<void> {
    const list = await callApi("getRequestAudit", { params: { id } });
    requestId.value = id;
    entries.value = list.entries;
  }

  async function verify(): Promise<AuditVerification> {
    verification.value = await callApi("getAuditVerification", {});
    return verification.value;
  }

  return { requestId, entries, verification, loadForRequest, verify };
});
