import { type CreateRequestBody, type ExtendDeadlineBody, type RequestDetail, type RequestSummary } from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { callApi } from "../api/api-client";

/** The most requests the dashboard reads (four pages of the API's largest page). */
const dashboardLimit = 800;

/** Requests: the dashboard's list, the open request's detail, filing and actions. */
export const useRequestsStore = defineStore("requests", () => {
  const list = ref<RequestSummary[]>([]);
  const listTruncated = ref(false);
  const detail = ref<RequestDetail | null>(null);

  async function loadAll(): Promise<void> {
    const collected: RequestSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await callApi("getRequests", { query: { limit: 200, ...(cursor ? { cursor } : {}) } });
      collected.push(...page.requests);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && collected.length < dashboardLimit);
    list.value = collected;
    listTruncated.value = cursor !== undefined;
  }

  async function load(id: string): Promise<RequestDetail> {
    const loaded = await callApi("getRequest", { params: { id } });
    detail.value = loaded;
    return loaded;
  }

  async function file(body: CreateRequestBody): Promise<RequestSummary> {
    const created = await callApi("postRequest", { body });
    list.value = [created.request, ...list.value.filter((r) => r.id !== created.request.id)];
    return created.request;
  }

  async function cancel(id: string, reason: string): Promise<void> {
    detail.value = await callApi("postRequestCancel", { params: { id }, body: { reason } });
  }

  /** Art. 12(6): a staff member attests the subject's identity; the request starts locating. */
  async function attestIdentity(id: string, note: string): Promise<void> {
    detail.value = await callApi("postRequestVerificationAttest", { params: { id }, body: { note } });
  }

  /** Sends the requester a 6-digit code; answers when it expires (the code is never shown here). */
  async function sendVerificationCode(id: string): Promise<string> {
    return (await callApi("postRequestVerificationCode", { params: { id } })).expiresAt;
  }

  async function confirmVerificationCode(id: string, code: string): Promise<void> {
    detail.value = await callApi("postRequestVerificationConfirm", { params: { id }, body: { code } });
  }

  async function extendDeadline(id: string, body: ExtendDeadlineBody): Promise<void> {
    detail.value = await callApi("postRequestDeadlineExtension", { params: { id }, body });
  }

  /** A signed link, valid for minutes; the browser downloads from it directly. */
  async function exportLink(id: string): Promise<string> {
    const link = await callApi("postRequestExportLink", { params: { id } });
    return link.url;
  }

  return {
    list,
    listTruncated,
    detail,
    loadAll,
    load,
    file,
    cancel,
    exportLink,
    attestIdentity,
    sendVerificationCode,
    confirmVerificationCode,
    extendDeadline,
  };
});
