import { defineLetheBuild } from "@lethe/tsdown-config";

// The vendor-call recorder is a file of its own: `lethe connector test` hands it to vitest as a setup file.
export default defineLetheBuild({ bin: "src/bin.ts", "vendor-calls-setup": "src/conformance-report/vendor-calls.setup.ts" });
