import { defineLetheBuild } from "@lethe/tsdown-config";

export default defineLetheBuild({ bin: "src/bin.ts" });
