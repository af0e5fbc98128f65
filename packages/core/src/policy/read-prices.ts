/**
 * `prices:` — the 单价 of products by catalogue id, for pricing what is not bought yet (the
 * rectification plan's purchases). A ledger line's own `unitPrice` is what was paid and wins.
 */
import type { LayerContext } from './layer-context.js';
import { isRecord } from './policy-values.js';

export function readPrices(value: unknown, context: LayerContext): Record<string, number> {
  const prices: Record<string, number> = Object.create(null);
  if (!isRecord(value)) return prices;
  for (const [product, price] of Object.entries(value)) {
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) continue;
    prices[product] = price;
    context.references.push({
      id: product,
      from: 'prices',
      location: context.tree.keyAt(['prices', product]),
    });
  }
  return prices;
}
