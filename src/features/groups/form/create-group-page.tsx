import { Trans, useLingui } from '@lingui/react/macro';
import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { PageBreadcrumbs } from '@/components/layout/page-breadcrumbs';
import { paths } from '@/config/paths';
import { CreateGroupForm } from './create-group-form';

/** /groups/new: the create form (a discarded draft starts the form again). */
export const CreateGroupPage = () => {
  const { t } = useLingui();
  const [generation, setGeneration] = useState(0);
  return (
    <Stack gap="lg">
      <PageBreadcrumbs links={[{ label: t`Groups`, href: paths.groups.list.getHref() }]} current={t`Create group`} />
      <Title order={1}>
        <Trans>Create group</Trans>
      </Title>
      <CreateGroupForm key={generation} onDraftDiscarded={() => setGeneration((g) => g + 1)} />
    </Stack>
  );
};
