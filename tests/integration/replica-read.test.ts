import { afterEach, describe, expect, it } from "vitest";
import { now } from "../../lib/clock";
import { setReplicaDatabase } from "../../lib/db/connection";
import { openPostgres } from "../../lib/db/database";
import { resetReplicaFailure, withReplicaDb } from "../../lib/db/replica";
import { setupTestDatabase } from "../setup/database";

// The district dashboards' reader (lib/db/replica.ts): on the replica when there is one, scoped and read-only like
// withDb; on the primary when there is none or it does not answer. A real streaming replica — lagging, stopped,
// promoted — is exercised by npm run test:topology (tests/topology/).
const db = setupTestDatabase();
const ORG = "00000000-0000-4000-8000-000000000001";

type Seen = { role: string; org: string; readOnly: string };
const whoAmI = async (tx: Parameters<Parameters<typeof withReplicaDb>[1]>[0]) =>
  (
    await tx.$queryRaw<Seen[]>`SELECT current_user AS role, current_setting('app.organization_id', true) AS org, current_setting('transaction_read_only') AS "readOnly"`
  )[0]!;

afterEach(() => {
  setReplicaDatabase(undefined);
  resetReplicaFailure();
});

describe("withReplicaDb", () => {
  it("reads the primary, scoped to the tenant, when no replica is configured", async () => {
    setReplicaDatabase(null);
    const before = now().getTime();
    const { value, freshness } = await withReplicaDb({ organizationId: ORG }, whoAmI);
    expect(value).toMatchObject({ role: "nastavnik_app", org: ORG });
    expect(freshness.source).toBe("primary");
    expect(freshness.asOf.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("reads the replica in a read-only transaction of the application role, and says its data are current", async () => {
    // The test database stands in for a replica that has replayed everything (or was promoted): no lag.
    setReplicaDatabase(db());
    const before = now().getTime();
    const { value, freshness } = await withReplicaDb({ organizationId: ORG }, whoAmI);
    expect(value).toEqual({ role: "nastavnik_app", org: ORG, readOnly: "on" });
    expect(freshness.source).toBe("replica");
    expect(freshness.asOf.getTime()).toBeGreaterThanOrEqual(before);
    // Nothing writes through it: the transaction refuses, and the error is not taken for an outage.
    await expect(withReplicaDb({ organizationId: ORG }, (tx) => tx.$executeRaw`CREATE TEMP TABLE nope (id int)`)).rejects.toThrow(/read-only/);
  });

  it("falls back to the primary when the replica does not answer, and rests it before trying again", async () => {
    const unreachable = await openPostgres("postgresql://postgres@127.0.0.1:1/nastavnik", { connectTimeoutMs: 1000, watch: false });
    try {
      setReplicaDatabase(unreachable);
      const first = await withReplicaDb({ organizationId: ORG }, whoAmI);
      expect(first.value).toMatchObject({ role: "nastavnik_app", org: ORG });
      expect(first.freshness.source).toBe("primary");
      // Now a working replica is installed, but the failed one is resting: the primary still serves.
      setReplicaDatabase(db());
      expect((await withReplicaDb({ organizationId: ORG }, whoAmI)).freshness.source).toBe("primary");
      resetReplicaFailure();
      expect((await withReplicaDb({ organizationId: ORG }, whoAmI)).freshness.source).toBe("replica");
    } finally {
      await unreachable.close();
    }
  });
});
