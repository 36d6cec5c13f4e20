import { describe, expect, it } from "vitest";
import { precompile } from "./precompiled";

describe("precompiled queries", () => {
  it("binds each call's values by name and keeps the values written in the query", () => {
    const insert = precompile<{ id: string; campaignId: string }, unknown>((db, param) =>
      db.insertInto("response").values({ id: param("id"), territory_id: param("campaignId"), campaign_id: param("campaignId"), group_id: "residents", source: "online", invitation_id: null, submitted_on: "2026-11-25" }),
    );
    const first = insert({ id: "r1", campaignId: "c1" });
    const second = insert({ id: "r2", campaignId: "c2" });
    expect(first.sql).toBe(second.sql);
    expect(first.parameters).toEqual(["r1", "c1", "c1", "residents", "online", null, "2026-11-25"]);
    expect(second.parameters).toEqual(["r2", "c2", "c2", "residents", "online", null, "2026-11-25"]);
  });
});
