export { inventoryReport, type InventoryCount, type InventoryInstance } from "./inventory-report";
export { inventoryCsv, inventoryCsvColumns } from "./inventory-csv";
export { inventoryScanView } from "./inventory-scan-view";
export { readDataInventory, readInventoryScan, readLatestInventoryScan } from "./read-data-inventory";
export { startInventoryScan, inventoryCountJob } from "./start-inventory-scan";
