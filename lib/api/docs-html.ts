import "server-only";
import { apiDocument } from "./openapi";
import { API_SCOPES } from "./scopes";

// The readable page of the API (/api/v1/docs): plain server-rendered HTML from the same OpenAPI document —
// operations, parameters, scopes, answers. No script, no style: the API's content security policy allows none.

const escape = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Schema = { $ref?: string; type?: string | string[]; pattern?: string; format?: string; enum?: unknown[]; description?: string };
type Parameter = { in: string; name: string; required?: boolean; description?: string; schema?: Schema };
type Response = { description?: string; content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> };
type Operation = { operationId?: string; summary?: string; description?: string; security?: Record<string, string[]>[]; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, Response> };

function typeOf(schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.replace("#/components/schemas/", "");
  const base = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
  if (schema.enum) return `${base} (${schema.enum.join(", ")})`;
  return [base, schema.format, schema.pattern ? `/${schema.pattern}/` : ""].filter(Boolean).join(" ");
}

function operationHtml(method: string, path: string, op: Operation): string {
  const scopes = (op.security ?? []).flatMap((s) => Object.values(s).flat());
  const params = op.parameters ?? [];
  const body = op.requestBody?.content ? Object.entries(op.requestBody.content).map(([type, c]) => `<p>Body: <code>${escape(type)}</code> — <a href="#schema-${escape(typeOf(c.schema))}">${escape(typeOf(c.schema))}</a></p>`).join("") : "";
  return `<section id="${escape(op.operationId)}">
<h3><code>${escape(method.toUpperCase())} /api/v1${escape(path)}</code> — ${escape(op.summary)}</h3>
<p>${escape(op.description).replace(/\n\n/g, "</p><p>")}</p>
<p>Scope: ${scopes.map((s) => `<code>${escape(s)}</code>`).join(", ")}</p>
${params.length ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${params
    .map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${escape(typeOf(p.schema))}</td><td>${p.required ? "yes" : "no"}</td><td>${escape(p.description)}</td></tr>`)
    .join("")}</tbody></table>` : ""}
${body}
<table><caption>Responses</caption><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Body</th></tr></thead><tbody>${Object.entries(op.responses ?? {})
    .map(([status, r]) => `<tr><td>${escape(status)}</td><td>${escape(r.description)}${r.headers ? ` (headers: ${Object.keys(r.headers).map(escape).join(", ")})` : ""}</td><td>${Object.values(r.content ?? {}).map((c) => `<a href="#schema-${escape(typeOf(c.schema))}">${escape(typeOf(c.schema))}</a>`).join(", ")}</td></tr>`)
    .join("")}</tbody></table>
</section>`;
}

export function apiDocsHtml(): string {
  const doc = apiDocument() as unknown as { info: { title: string; description?: string; version: string }; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => operationHtml(method, path, op)));
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, schema]) => `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3><pre>${escape(JSON.stringify(schema, null, 2))}</pre></section>`)
    .join("\n");
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(doc.info.title)}</title></head>
<body><main>
<h1>${escape(doc.info.title)}</h1>
<p>Version ${escape(doc.info.version)}. ${escape(doc.info.description)}</p>
<p>The machine-readable description: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Scopes</h2><ul>${API_SCOPES.map((s) => `<li><code>${escape(s)}</code></li>`).join("")}</ul>
<h2>Operations</h2>
${operations.join("\n")}
<h2>Schemas</h2>
${schemas}
</main></body></html>`;
}
