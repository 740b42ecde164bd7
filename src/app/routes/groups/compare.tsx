import '@/styles/page-styles';
import { msg } from '@lingui/core/macro';
import { ComparePage } from '@/features/groups/compare/compare-page';
import type { RouteHandle } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';

export const handle: RouteHandle = { title: msg`Compare groups` };

export function Component() {
  return <ComparePage />;
}
