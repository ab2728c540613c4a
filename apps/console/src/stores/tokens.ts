import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { callApi } from "../api/api-client";

/** API tokens (admin only). A token's value exists here only in the answer to its creation. */
export const useTokensStore = defineStore("tokens", () => {
  const tokens = ref<ApiToken[]>([]);

  async function load(): Promise<void> {
    tokens.value = (await callApi("getApiTokens", {})).apiTokens;
  }

  async function create(body: CreateApiTokenBody): Promise<CreatedApiToken> {
    const created = await callApi("postApiToken", { body });
    tokens.value = [created.apiToken, ...tokens.value];
    return created;
  }

  async function revoke(id: string): Promise<void> {
    await callApi("deleteApiToken", { params: { id } });
    await load();
  }

  return { tokens, load, create, revoke };
});
