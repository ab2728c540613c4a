import { writeFile } from "node:fs/promises";
import { registryPath, renderConnectorRegistry } from "./connector-registry";

await writeFile(registryPath, await renderConnectorRegistry());
console.log(`wrote ${registryPath}`);
