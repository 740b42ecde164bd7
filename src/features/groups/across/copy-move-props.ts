import type { Group } from '@/api/generated/model/group';
import type { StatusFilter } from '../core/status-counts';

/** What the copy-or-move button and its dialog act on. */
export interface CopyMoveButtonProps {
  group: Group;
  selectedIds: string[];
  status: StatusFilter | null;
  /** Called with the people a move took out of this group (e.g. to drop them from the selection). */
  onMoved?: (ids: string[]) => void;
}
