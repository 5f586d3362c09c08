import { describe, expect, it } from "vitest";
import { parseUnitCatalogue } from "../../src/units/unit-catalogue.js";

const HEADER = "code,name,district,school_level,cluster,block";

describe("reading a unit catalogue", () => {
  it("reads rows, folds names for search and normalizes text", () => {
    const parsed = parseUnitCatalogue(
      `\uFEFF${HEADER}\nA1,"THPT Le\u0302 Lo\u031b\u0323i",Huyện A,THPT,Cụm 1,Khối THPT\n`,
    );
    expect(parsed).toEqual({
      ok: true,
      rows: [
        {
          code: "A1",
          name: "THPT Lê Lợi",
          search_name: "thpt le loi",
          district: "Huyện A",
          school_level: "THPT",
          cluster: "Cụm 1",
          block: "Khối THPT",
        },
      ],
    });
  });

  it("accepts ; as separator, columns in any order, quoted commas", () => {
    const parsed = parseUnitCatalogue(
      'name;code;block;cluster;school_level;district\n"Trường A, cơ sở 2";A2;K;C;THCS;Huyện B\n',
    );
    expect(parsed.ok && parsed.rows[0]).toMatchObject({
      code: "A2",
      name: "Trường A, cơ sở 2",
      district: "Huyện B",
    });
  });

  it("reports every bad row with its line number, and no rows", () => {
    const parsed = parseUnitCatalogue(
      [
        HEADER,
        "A1,Trường 1,H,THPT,C,K",
        ",Trường 2,H,THPT,C,K",
        "",
        "A1,Trường 3,H,THPT,C,",
        `A4,${"x".repeat(201)},H,THPT,C,K`,
      ].join("\n"),
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { line: 3, message: "code is empty" },
        { line: 5, message: "block is empty; code A1 is already used on line 2" },
        { line: 6, message: "name is longer than 200 characters" },
      ],
    });
  });

  it("names the missing columns of a wrong header", () => {
    const parsed = parseUnitCatalogue("ma,ten\nA,B\n");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining("missing: code, name"),
    });
  });

  it("says so when the file has no units, or is not CSV", () => {
    expect(parseUnitCatalogue(`${HEADER}\n`)).toEqual({
      ok: false,
      problems: [{ line: 2, message: "the file has no units" }],
    });
    const broken = parseUnitCatalogue(`${HEADER}\nA,"unclosed,H,T,C,K\n`);
    expect(broken.ok).toBe(false);
  });
});
