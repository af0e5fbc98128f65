/**
 * Which licence model applies to one installation, and whether that model needs a licence in an
 * agency. A product's `license` is the model for an organisation; `licenseByVersion` overrides it
 * for version ranges (Oracle Java SE 8 is free up to 8u202 and needs a subscription after), the
 * first range the installed version satisfies winning.
 */
import type { LicenseModel, Product } from '../../model.js';
import { satisfiesRange } from '../../versions/range.js';

/**
 * Models that need an entitlement in an agency: commercial software, software free for personal use
 * only (an agency is not a person), and entries whose model nobody has decided yet — judged the
 * strict way until an officer fills them in, so a draft never hides a missing licence.
 */
const NEEDS_ENTITLEMENT: ReadonlySet<LicenseModel> = new Set(['commercial', 'personal-use', 'unreviewed']);

export function needsEntitlement(model: LicenseModel): boolean {
  return NEEDS_ENTITLEMENT.has(model);
}

/**
 * The licence model of `product` at `version`. Without `licenseByVersion`, or when the version is
 * absent or cannot be read in the product's scheme, the product's own `license` applies: a range
 * cannot be claimed for a version nobody can read.
 */
export function licenseAt(product: Product, version: string | undefined): LicenseModel {
  const ranges = product.licenseByVersion;
  if (!ranges || ranges.length === 0 || !version) return product.license;
  for (const range of ranges) {
    if (satisfiesRange(version, range.versions, product.versionScheme) === true) return range.license;
  }
  return product.license;
}
