import { writeFile } from "node:fs/promises";
import { buildOpenApiDocument } from "../src/openapi/build-openapi-document";

await writeFile(new URL("../openapi.json", import.meta.url), `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
