import type { Product } from '../../model.js';

/**
 * A catalogue product that is a part of another product, not software of its own: class `system`
 * (a distribution's packages, drivers, runtimes) or a bundled product of class `other` (updates,
 * language packs, components). One product id then stands for many programs.
 */
export function isSystemComponent(product: Product): boolean {
  return product.category === 'system' || (product.category === 'other' && product.license === 'bundled');
}
