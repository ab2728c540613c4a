export { default } from "@lethe/eslint-config";
