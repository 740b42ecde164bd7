import { Anchor, Breadcrumbs, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { CreateGroupForm } from './create-group-form';

/** /groups/new: the create form (a discarded draft starts the form again). */
export const CreateGroupPage = () => {
  const [generation, setGeneration] = useState(0);
  return (
    <Stack gap="lg">
      <nav aria-label="Breadcrumb">
        <Breadcrumbs>
          <Anchor component={Link} to={paths.groups.list.getHref()}>
            Groups
          </Anchor>
          <span>Create group</span>
        </Breadcrumbs>
      </nav>
      <Title order={1}>Create group</Title>
      <CreateGroupForm key={generation} onDraftDiscarded={() => setGeneration((g) => g + 1)} />
    </Stack>
  );
};
