import { Prisma } from "@prisma/client";

/**
 * A model's scalar columns for hand-written SQL, read back as Prisma would return them (Decimal,
 * Date, bigint, parsed JSON), so a row read through `poolOf(db)` can stand in for Prisma's.
 * Timestamps are stored without a time zone and meant as UTC; they are read as timestamptz so
 * node-postgres does not take them for local time.
 */
export interface ModelColumns<T> {
  /** `alias."col" AS "prefix.col", …` for a SELECT list. */
  select: string;
  /** The model's object from a row holding `select`'s columns. */
  read(row: Record<string, unknown>): T;
}

type Convert = (value: unknown) => unknown;

const CONVERT: Record<string, Convert> = {
  Decimal: (v) => new Prisma.Decimal(v as string),
  BigInt: (v) => BigInt(v as string),
};

function scalarFields(model: Prisma.ModelName) {
  const found = Prisma.dmmf.datamodel.models.find((m) => m.name === model);
  if (!found) throw new Error(`unknown model ${model}`);
  return found.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
}

/** The model's scalar field names (the columns `modelColumns` can read). */
export function scalarFieldNames(model: Prisma.ModelName): ReadonlySet<string> {
  return new Set(scalarFields(model).map((f) => f.name));
}

/** `only`: these fields (in the model's order), else every scalar field. */
export function modelColumns<T>(model: Prisma.ModelName, alias: string, prefix: string, only?: readonly string[]): ModelColumns<T> {
  const all = scalarFields(model);
  const unknown = only?.find((name) => !all.some((f) => f.name === name));
  if (unknown !== undefined) throw new Error(`modelColumns: ${model} has no scalar field ${unknown}`);
  const fields = only ? all.filter((f) => only.includes(f.name)) : all;
  const unsupported = fields.find((f) => f.isList || f.type === "Bytes");
  if (unsupported) throw new Error(`modelColumns: ${model}.${unsupported.name} (${unsupported.type}) is not mapped`);
  const columns = fields.map((f) => ({ name: f.name, key: `${prefix}.${f.name}`, convert: CONVERT[f.type], isDate: f.type === "DateTime" }));
  const select = columns
    .map((c) => `${c.isDate ? `${alias}."${c.name}" AT TIME ZONE 'UTC'` : `${alias}."${c.name}"`} AS "${c.key}"`)
    .join(", ");
  return {
    select,
    read(row) {
      const out: Record<string, unknown> = {};
      for (const c of columns) {
        const value = row[c.key];
        out[c.name] = value === null || value === undefined || !c.convert ? (value ?? null) : c.convert(value);
      }
      return out as T;
    },
  };
}
