/**
 * A ledger sheet names products as offices write them: a catalogue id (`wps-office-pro`), the
 * catalogue's name (`WPS Office 专业版`), or a name the catalogue recognises (`Microsoft Office
 * 专业增强版 2016`, matched by the products' name patterns in catalogue order, as recognition does).
 * This runs once the policy is merged, because the catalogue may come from a base policy. A name
 * nothing recognises leaves the row out with a problem at its 产品 cell.
 */
import { matchesAny } from '../../engine/patterns.js';
import type { Entitlement, Policy, Problem, Product, SourceLocation } from '../../model.js';
import { didYouMeanText } from '../did-you-mean.js';
import { ledgerProblem, rowLost } from './read-ledger-grid.js';

/** The catalogue product a sheet's 产品 cell names, or undefined. */
export function productNamed(written: string, products: readonly Product[]): Product | undefined {
  const name = written.trim();
  const folded = name.toLowerCase();
  return (
    products.find((product) => product.id === name) ??
    products.find(
      (product) => product.id.toLowerCase() === folded || product.name.toLowerCase() === folded,
    ) ??
    products.find((product) => product.match.some((match) => match.name && matchesAny(match.name, name)))
  );
}

/**
 * Replaces each sheet entitlement's written product with the catalogue id; drops the ones whose
 * product is not found. Returns the problems for the dropped rows.
 */
export function resolveSheetProducts(
  policy: Policy,
  productCells: ReadonlyMap<Entitlement, SourceLocation>,
): Problem[] {
  if (productCells.size === 0) return [];
  const problems: Problem[] = [];
  const ids = policy.catalog.products.map((product) => product.id);
  policy.entitlements = policy.entitlements.filter((entitlement) => {
    const cell = productCells.get(entitlement);
    if (!cell) return true;
    const product = productNamed(entitlement.product, policy.catalog.products);
    if (product) {
      entitlement.product = product.id;
      return true;
    }
    const hint = didYouMeanText(entitlement.product, ids);
    problems.push(
      ledgerProblem(
        'unknown-product',
        rowLost({
          zh: `产品“${entitlement.product}”既不是产品目录中的产品 ID，也不是目录能识别的名称${hint.zh}`,
          en: `产品 "${entitlement.product}" is neither a catalogue product id nor a name the catalogue recognises${hint.en}`,
        }),
        cell,
      ),
    );
    return false;
  });
  return problems;
}
