// Writes schema/schema.graphql (committed). Run after changing the schema: npx tsx schema/print-schema.ts
import { writeFileSync } from "node:fs";
import { printedSchema } from "./schema.js";

writeFileSync(new URL("./schema.graphql", import.meta.url), printedSchema());
console.log("schema/schema.graphql written");
