import { defineLetheBuild } from "@lethe/tsdown-config";

export default defineLetheBuild({ index: "src/index.ts", "identifier-rules": "src/identifiers/rules.ts" });
