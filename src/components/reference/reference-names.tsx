import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useResolved, type Reference, type Resolved, type ResolvedKind } from '@/api/resolve-names';

/**
 * What a name that could not be resolved reads as (never the id), in the page's language: each is read
 * when used (at render time), not when this module loads.
 */
export const UNKNOWN_NAME: Readonly<Record<ResolvedKind, string>> = {
  get group() {
    return t`Unknown group`;
  },
  get user() {
    return t`Unknown person`;
  },
};

/** One resolved name: a skeleton while resolving, a short dimmed fallback when it failed. */
export const ReferenceName = ({ resolved, kind }: { resolved: Resolved<Reference>; kind: ResolvedKind }) => {
  if (resolved.entity.name) return <>{resolved.entity.name}</>;
  if (resolved.pending)
    return (
      <span>
        <Skeleton component="span" display="inline-block" height="0.9em" width="7em" aria-hidden />
        <VisuallyHidden>
          <Trans>Loading name</Trans>
        </VisuallyHidden>
      </span>
    );
  return (
    <Text span inherit c="dimmed">
      {UNKNOWN_NAME[kind]}
    </Text>
  );
};

/** The names of references, comma-joined, each resolved when it came without one. */
export const ReferenceNames = ({
  kind,
  references,
  empty,
}: {
  kind: ResolvedKind;
  references: readonly Reference[] | undefined;
  /** Shown when there are none. */
  empty: ReactNode;
}) => {
  const resolved = useResolved(kind, references);
  if (!resolved.length) return <>{empty}</>;
  return (
    <>
      {resolved.map((r, i) => (
        <Fragment key={r.entity.id ?? i}>
          {i > 0 ? ', ' : null}
          <ReferenceName resolved={r} kind={kind} />
        </Fragment>
      ))}
    </>
  );
};
