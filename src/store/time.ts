// The one dialect difference for time. SQLite has no timestamp type: Dates are stored as epoch
// milliseconds there; Postgres uses timestamptz and its driver returns Dates. Parameters are
// converted by value (a Date bound to a query becomes epoch ms on SQLite, whatever the column);
// results are mapped explicitly by each query with `storedDate` — no column-naming rule decides
// what is a time, and the row types (`StoredTime`) make forgetting it a type error.
import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

/** A time as a select returns it: a Date from Postgres, epoch milliseconds from SQLite. */
export type StoredTime = Date | number;

export const toEpoch = (v: unknown): unknown => (v instanceof Date ? v.getTime() : v);

/** A selected time column as a Date, on either store. */
export function storedDate(v: StoredTime): Date {
  return v instanceof Date ? v : new Date(Number(v));
}

export function storedDateOrNull(v: StoredTime | null): Date | null {
  return v === null ? null : storedDate(v);
}

/** A selected time column as epoch milliseconds, on either store (the detection feed's unit). */
export function storedMs(v: StoredTime): number {
  return v instanceof Date ? v.getTime() : Number(v);
}

class DateToEpoch extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...super.transformValue(node), value: toEpoch(node.value) };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...super.transformPrimitiveValueList(node), values: node.values.map(toEpoch) };
  }
}

/** SQLite only: Date parameters become epoch milliseconds. Results pass through untouched. */
export class SqliteTimePlugin implements KyselyPlugin {
  readonly #toEpoch = new DateToEpoch();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#toEpoch.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
