import type { Command } from "commander";
import type { DataInventoryView } from "@lethe/contracts";
import { inventoryCsv, readDataInventory, startInventoryScan } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";
import { table } from "../text-table";

export function registerInventoryCommands(program: Command): void {
  const inventory = program.command("inventory").description("The data inventory of the connected systems (docs/data-inventory.md).");
  inventory
    .command("show")
    .description("Per system and record type: the personal data, purposes, lawful basis, retention and latest count.")
    .option("--csv", "print CSV, one row per system and record type (a record of processing activities)")
    .option("--json", "print JSON, as GET /api/v1/inventory answers")
    .action(async (options: { csv?: boolean; json?: boolean }) => {
      const lethe = await openLethe(readEnvironment());
      try {
        const view = await readDataInventory(lethe.database, lethe.registry);
        if (options.csv) process.stdout.write(inventoryCsv(view));
        else if (options.json) console.log(JSON.stringify(view, null, 2));
        else console.log(formatInventory(view));
      } finally {
        await lethe.close();
      }
    });

  inventory
    .command("scan")
    .description("Start a discovery scan: the worker counts each enabled system's records per type (counts only).")
    .action(async () => {
      const lethe = await openLethe(readEnvironment());
      try {
        const { scanId } = await startInventoryScan(lethe.database, { actor: "cli" });
        console.log(`scan ${scanId} queued; the worker counts each enabled system (see \`lethe inventory\`)`);
      } finally {
        await lethe.close();
      }
    });
}

/** One table per system: record type, categories, basis, retention period, count. */
export function formatInventory(view: DataInventoryView): string {
  if (view.systems.length === 0) return "no connector instances";
  return view.systems
    .map((system) => {
      const heading = `${system.instanceName} (${system.connector.id}${system.inventoryDeclared ? "" : ", no inventory declared"})`;
      const rows = system.recordTypes.map((type) => [
        type.recordType,
        type.categories.join(", ") || "not declared",
        type.lawfulBasis ?? "not declared",
        type.retention?.period ?? "—",
        type.count ? `${type.count.exact ? "" : "~"}${type.count.value}` : type.countable ? "not counted" : "not countable",
      ]);
      return `${heading}\n${table([["record type", "categories", "basis", "retention", "records"], ...rows])}`;
    })
    .join("\n\n");
}
