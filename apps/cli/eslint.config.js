import base from "@lethe/eslint-config";

// The CLI's output is its console.
export default [...base, { files: ["**/*.ts"], rules: { "no-console": "off" } }];
