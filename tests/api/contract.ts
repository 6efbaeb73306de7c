import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "../../lib/api/openapi";

// The contract check of /api/v1 (decision 045): every answer's status must be declared for its operation in
// the generated OpenAPI document, and its JSON body must validate against the schema declared there
// (JSON Schema 2020-12, as OpenAPI 3.1 uses).

const ID = "https://nastavnik.local/api/v1/openapi.json";
export const apiSpec = openApiDocument() as unknown as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: Record<string, unknown> }> }>>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...apiSpec, $id: ID });

export type Checked = { status: number; body: unknown; headers: Headers };

/** Reads the response, checks it against the operation's declared answer, returns its status and body. */
export async function expectContract(response: Response, method: "get" | "post", path: string): Promise<Checked> {
  const operation = apiSpec.paths[path]?.[method];
  expect(operation, `${method} ${path} is in the document`).toBeDefined();
  const declared = operation!.responses[String(response.status)];
  const text = await response.text();
  expect(declared, `${method} ${path}: status ${response.status} is declared (${text.slice(0, 300)})`).toBeDefined();
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as unknown;
  const ref = declared!.content?.["application/json"]?.schema.$ref;
  expect(ref, "the answer names a schema").toMatch(/^#\/components\/schemas\//);
  const validate = ajv.getSchema(`${ID}${ref}`)!;
  const valid = validate(body);
  expect(valid, `${method} ${path} ${response.status}: ${JSON.stringify(validate.errors)} in ${text.slice(0, 300)}`).toBe(true);
  for (const header of Object.keys(declared!.headers ?? {})) expect(response.headers.get(header), `${header} header`).toBeTruthy();
  return { status: response.status, body, headers: response.headers };
}
