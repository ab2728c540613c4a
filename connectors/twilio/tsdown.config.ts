import { defineLetheBuild } from "@lethe/tsdown-config";

export default defineLetheBuild({ index: "src/index.ts", sandbox: "src/sandbox/index.ts" });
