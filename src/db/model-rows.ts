import { Prisma } from "@prisma/client";

/**
 * A model's scalar columns for hand-written SQL run through sql-client (which types values as
 * Prisma does: Decimal, UTC Date, bigint, parsed JSON), each under a prefixed name so several
 * models can share one row, and read back into the model's object.
 */
export interface ModelColumns<T> {
  /** `alias."col" AS "prefix.col", …` for a SELECT list. */
  select: string;
  /** The model's object from a row holding `select`'s columns. */
  read(row: Record<string, unknown>): T;
}

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
  const columns = fields.map((f) => ({ name: f.name, key: `${prefix}.${f.name}` }));
  const select = columns.map((c) => `${alias}."${c.name}" AS "${c.key}"`).join(", ");
  return {
    select,
    read(row) {
      const out: Record<string, unknown> = {};
      for (const c of columns) out[c.name] = row[c.key] ?? null;
      return out as T;
    },
  };
}
