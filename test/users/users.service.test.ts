import { describe, expect, it } from "vitest";
import { RolesService } from "../../src/users/roles.service.js";
import {
  InvalidFullNameError,
  UnknownUnitError,
  UnsupportedLocaleError,
  UsersService,
} from "../../src/users/users.service.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

describe.each(DIALECTS)("UsersService (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  const users = () => new UsersService(t.db);

  it("registers a user on first contact and refreshes the Telegram profile later, keeping what they set", async () => {
    const first = await users().identify({ id: 42, first_name: "Lan", last_name: "Nguyễn", username: "lan" });
    expect(first).toMatchObject({
      telegram_id: 42,
      telegram_name: "Lan Nguyễn",
      username: "lan",
      full_name: null,
    });
    await users().setFullName(first.id, "Nguyễn Thị Lan");

    const again = await users().identify({ id: 42, first_name: "Lan", last_name: "Nguyễn", username: "lan" });
    expect(again.id).toBe(first.id);
    const renamed = await users().identify({ id: 42, first_name: "Lan N." });
    expect(renamed).toMatchObject({
      id: first.id,
      telegram_name: "Lan N.",
      username: null,
      full_name: "Nguyễn Thị Lan",
    });
    expect(await t.db.selectFrom("users").select("id").where("telegram_id", "=", 42).execute()).toHaveLength(
      1,
    );
  });

  it("stores a supported locale and refuses others", async () => {
    const user = await users().identify({ id: 43, first_name: "Mai" });
    expect((await users().setLocale(user.id, "en")).locale).toBe("en");
    await expect(users().setLocale(user.id, "fr")).rejects.toBeInstanceOf(UnsupportedLocaleError);
  });

  it("stores the full name normalized and refuses what is not a name", async () => {
    const user = await users().identify({ id: 44, first_name: "Bình" });
    expect((await users().setFullName(user.id, "  Trần   Văn Bi\u0300nh ")).full_name).toBe("Trần Văn Bình");
    await expect(users().setFullName(user.id, "/start")).rejects.toBeInstanceOf(InvalidFullNameError);
    await expect(users().setFullName(user.id, "")).rejects.toMatchObject({ problem: "empty" });
  });

  it("makes ADMIN_TELEGRAM_IDS administrators once, with one audit entry each", async () => {
    await users().bootstrapAdmins([900, 43]);
    await users().bootstrapAdmins([900, 43]);
    const admin = await users().identify({ id: 900, first_name: "Admin" });
    expect(await users().roles(admin.id)).toEqual(["admin"]);
    const audits = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "role.granted")
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits[0]?.subject).toMatchObject({ role: "admin", source: "ADMIN_TELEGRAM_IDS" });

    // One configured administrator removes the other: a restart does not bring them back.
    await new RolesService(t.db).revoke(admin.id, 43, "admin");
    await users().bootstrapAdmins([900, 43]);
    const other = await users().identify({ id: 43, first_name: "B" });
    expect(await users().roles(other.id)).toEqual([]);
  });

  it("registers the name and an active unit together; refuses an unknown or inactive unit", async () => {
    const user = await users().identify({ id: 45, first_name: "Hoa" });
    const unit = await t.db
      .insertInto("units")
      .values({
        code: "U1",
        name: "THPT A",
        search_name: "thpt a",
        district: "H",
        school_level: "THPT",
        cluster: "C",
        block: "K",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(UsersService.isRegistered(user)).toBe(false);
    const registered = await users().register(user.id, " Lê  Thị Hoa ", unit.id);
    expect(registered).toMatchObject({ full_name: "Lê Thị Hoa", unit_id: unit.id });
    expect(UsersService.isRegistered(registered)).toBe(true);

    await expect(users().setUnit(user.id, 999_999)).rejects.toBeInstanceOf(UnknownUnitError);
    await t.db.updateTable("units").set({ active: false }).where("id", "=", unit.id).execute();
    await expect(users().register(user.id, "Lê Thị Hoa", unit.id)).rejects.toBeInstanceOf(UnknownUnitError);
  });
});
