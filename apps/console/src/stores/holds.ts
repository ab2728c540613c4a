import type { CreateHoldBody, Hold } from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { callApi } from "../api/api-client";

/** Legal holds: every role reads them; placing and ending one needs `holds:manage`. */
export const useHoldsStore = defineStore("holds", () => {
  const holds = ref<Hold[]>([]);

  async function load(): Promise<void> {
    holds.value = (await callApi("getHolds", {})).holds;
  }

  async function create(body: CreateHoldBody): Promise<Hold> {
    const { hold } = await callApi("postHold", { body });
    holds.value = [hold, ...holds.value];
    return hold;
  }

  async function end(id: string, reason: string): Promise<Hold> {
    const { hold } = await callApi("postHoldEnd", { params: { id }, body: { reason } });
    holds.value = holds.value.map((existing) => (existing.id === id ? hold : existing));
    return hold;
  }

  return { holds, load, create, end };
});
