/**
 * The facts a software-scope custom rule sees for one record (or the OS), and the key that makes one
 * installation of a product on a host.
 */
import type { RecordAttributes } from '../model.js';
import type { SOFTWARE_FACTS } from './custom-rules.js';
import { licenseAt } from './rules/licence-model.js';
import type { Recognition } from './rules/recogniser.js';

export const installationKey = (product: string, version?: string, edition?: string): string =>
  `${product}\u0000${version ?? ''}\u0000${edition ?? ''}`;

export interface SoftwareFactSource {
  name: string;
  version?: string;
  publisher?: string;
  installDate?: string;
  arch?: string;
  source?: string;
  attributes?: RecordAttributes;
}

/**
 * The facts a software-scope custom rule sees for one record (or the OS), read on demand: a rule
 * reads two or three of them, so no fact object is built per record.
 */
export function softwareFact(
  record: SoftwareFactSource,
  recognition: Recognition | undefined,
  vendorId: () => string | undefined,
): (fact: string) => unknown {
  const product = recognition?.product;
  return (fact) => {
    switch (fact as (typeof SOFTWARE_FACTS)[number]) {
      case 'name':
        return record.name;
      case 'version':
        return record.version;
      case 'publisher':
        return record.publisher;
      case 'product':
        return product?.id;
      case 'category':
        return product?.category;
      case 'vendor':
        return product ? product.vendor : vendorId();
      case 'domestic':
        return product?.domestic;
      case 'license':
        // The model for this version (`licenseByVersion`), as the licence judgement sees it.
        return product ? licenseAt(product, record.version) : undefined;
      case 'edition':
        return recognition?.edition ?? record.attributes?.edition;
      case 'recognised':
        return product !== undefined;
      default:
        return recordFact(record, fact);
    }
  };
}

/** Reads one per-record fact (SOFTWARE_FACTS outside TITLE_FACTS, or any record attribute). */
export function recordFact(
  record: {
    installDate?: string;
    arch?: string;
    source?: string;
    attributes?: Record<string, unknown>;
  },
  fact: string,
): unknown {
  switch (fact as (typeof SOFTWARE_FACTS)[number]) {
    case 'installDate':
      return record.installDate;
    case 'arch':
      return record.arch;
    case 'source':
      return record.source;
    default:
      return record.attributes && Object.hasOwn(record.attributes, fact)
        ? record.attributes[fact]
        : undefined;
  }
}
