// Types for each service from the OpenAPI document its build stored (<service>/target/openapi/openapi.json), written
// to src/generated/<service>.ts (not kept in git: they are regenerated from the documents on every check).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const services = ["suggestion-service", "workflow-service", "notification-service", "reporting-service"];

mkdirSync(join(here, "src", "generated"), { recursive: true });
for (const service of services) {
  const document = join(root, service, "target", "openapi", "openapi.json");
  const ast = await openapiTS(JSON.parse(readFileSync(document, "utf8")));
  writeFileSync(join(here, "src", "generated", `${service}.ts`), astToString(ast));
  console.log(`types from ${document}`);
}
