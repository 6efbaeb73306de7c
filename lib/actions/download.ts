import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { z } from "zod";
import { hasPermission, type Permission } from "../auth/permissions";
import { readTenant, type TenantContext } from "../auth/tenant";
import type { Tx } from "../db";
import type { AuditDetails, Done } from "./action";

/**
 * The one wrapper of audited downloads (decision 051), beside defineAction: a download reads, it changes
 * nothing but its audit record. In order: permission → zod params → one tenant transaction holding the read
 * and the audit record (action = the download's name), so a file is never handed out unrecorded. The route
 * handler resolves the tenant (requireTenant: session, membership) and shapes the response.
 */
export type DownloadDef<S extends z.ZodType, T> = {
  /** The audit record's action, e.g. "people.export". */
  name: string;
  permission: Permission;
  params: S;
  /** The read; null when there is nothing to hand out (not found): then no audit record. */
  read: (args: { params: z.infer<S>; tx: Tx; ctx: TenantContext }) => Promise<Done<T> | null>;
};

export type DownloadResult<T> = { ok: true; value: T } | { ok: false; code: "FORBIDDEN" | "VALIDATION" | "NOT_FOUND" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DOWNLOAD_REGISTRY = new Map<string, DownloadDef<any, any>>();

export function defineDownload<S extends z.ZodType, T>(def: DownloadDef<S, T>): (ctx: TenantContext, params: z.input<S>) => Promise<DownloadResult<T>> {
  if (DOWNLOAD_REGISTRY.has(def.name)) throw new Error(`download ${def.name} defined twice`);
  DOWNLOAD_REGISTRY.set(def.name, def);
  return async (ctx, raw) => {
    if (!hasPermission(ctx.roles, def.permission)) return { ok: false, code: "FORBIDDEN" };
    const parsed = def.params.safeParse(raw);
    if (!parsed.success) return { ok: false, code: "VALIDATION" };
    const organizationId = ctx.organization.id;
    return readTenant(ctx, async (tx): Promise<DownloadResult<T>> => {
      const out = await def.read({ params: parsed.data, tx, ctx });
      if (!out) return { ok: false, code: "NOT_FOUND" };
      const audit: AuditDetails = out.audit ?? {};
      await tx.auditEvent.create({
        data: { organizationId, actorId: ctx.user.id, action: def.name, targetType: audit.targetType, targetId: audit.targetId, data: audit.data },
      });
      return { ok: true, value: out.value };
    });
  };
}

/** For route handlers: the value, or Next's 403 / 404 (bad params are the route's to answer before). */
export function downloaded<T>(result: DownloadResult<T>): T {
  if (result.ok) return result.value;
  if (result.code === "FORBIDDEN") forbidden();
  notFound();
}
