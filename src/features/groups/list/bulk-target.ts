import type { Group as GroupModel } from '@/api/generated/model/group';
import type { GroupListState } from './list-url-state';

/** The groups a bulk action works on: picked ones, or every group of the list view. */
export interface BulkTarget {
  /** The groups picked one by one (when not `allMatching`). */
  groups: GroupModel[];
  /** Every group of the list view instead (read page by page when acted on). */
  allMatching: boolean;
  total: number;
  view: GroupListState;
}
