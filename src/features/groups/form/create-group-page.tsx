import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { PageBreadcrumbs } from '@/components/layout/page-breadcrumbs';
import { paths } from '@/config/paths';
import { CreateGroupForm } from './create-group-form';

/** /groups/new: the create form (a discarded draft starts the form again). */
export const CreateGroupPage = () => {
  const [generation, setGeneration] = useState(0);
  return (
    <Stack gap="lg">
      <PageBreadcrumbs links={[{ label: 'Groups', href: paths.groups.list.getHref() }]} current="Create group" />
      <Title order={1}>Create group</Title>
      <CreateGroupForm key={generation} onDraftDiscarded={() => setGeneration((g) => g + 1)} />
    </Stack>
  );
};
