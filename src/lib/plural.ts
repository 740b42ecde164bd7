/**
 * A count for people, formatted in the console's locale (locale.ts): "2,316", "2.316". Counted words
 * ("1 owner", "2 owners") are plural messages of the catalogue (`plural` from Lingui's macros), whose
 * `#` formats the number the same way.
 */
import { formatNumber } from './locale';

export const formatCount = (count: number): string => formatNumber(count);
