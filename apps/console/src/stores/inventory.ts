import type { DataInventoryView, InventoryScan } from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { ApiRequestError, callApi } from "../api/api-client";

/** The data inventory: every role with `inventory:read` reads it; a scan needs `inventory:scan`. */
export const useInventoryStore = defineStore("inventory", () => {
  const inventory = ref<DataInventoryView | null>(null);
  const scan = ref<InventoryScan | null>(null);

  async function load(): Promise<void> {
    inventory.value = await callApi("getInventory", {});
  }

  /** The latest scan, or null before the first (the API answers 404 then). */
  async function loadLatestScan(): Promise<InventoryScan | null> {
    try {
      scan.value = await callApi("getLatestInventoryScan", {});
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.status === 404)) throw error;
      scan.value = null;
    }
    return scan.value;
  }

  async function startScan(): Promise<InventoryScan> {
    scan.value = await callApi("postInventoryScan", { body: {} });
    return scan.value;
  }

  return { inventory, scan, load, loadLatestScan, startScan };
});
