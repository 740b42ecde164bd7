import type { GroupStateFilter, GroupTypeFilter, GroupVisibilityFilter } from '../list-url-state';

// The filters' labels, apart from the filter inputs: the table uses them on the first screen, the
// inputs (Mantine's Combobox and its floating layer) load after it.
export const TYPE_LABELS: Record<GroupTypeFilter, string> = { official: 'Official', social: 'Social' };
export const VISIBILITY_LABELS: Record<GroupVisibilityFilter, string> = {
  public: 'Public',
  members: 'Members only',
  owners: 'Owners only',
};
export const STATE_LABELS: Record<GroupStateFilter, string> = { active: 'Active', inactive: 'Inactive' };
