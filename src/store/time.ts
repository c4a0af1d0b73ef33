// The one dialect difference for time: SQLite has no timestamp type, so Dates are stored as
// epoch milliseconds there and turned back into Dates on the way out. Postgres uses timestamptz
// and its driver already returns Dates, so it needs nothing.
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

export const toEpoch = (v: unknown): unknown => (v instanceof Date ? v.getTime() : v);

class DateToEpoch extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...super.transformValue(node), value: toEpoch(node.value) };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...super.transformPrimitiveValueList(node), values: node.values.map(toEpoch) };
  }
}

/** Columns named `at` or `*_at` hold times; that naming rule is what lets results be mapped back. */
export function isTimeColumn(name: string): boolean {
  return name === 'at' || name.endsWith('_at');
}

export class SqliteTimePlugin implements KyselyPlugin {
  readonly #toEpoch = new DateToEpoch();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#toEpoch.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const key of Object.keys(row)) {
        const v = row[key];
        if (typeof v === 'number' && isTimeColumn(key)) row[key] = new Date(v);
      }
    }
    return args.result;
  }
}
