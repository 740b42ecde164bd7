// placeholder: replaced by the group list page
import { Anchor, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getListGroupsQueryOptions } from '@/api/generated/endpoints/groups/groups';
import { paths } from '@/config/paths';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';

const listOptions = () => getListGroupsQueryOptions({ pageSize: 25, pageNumber: 1 });

export const handle: RouteHandle = { title: 'Groups' };

export const loader: RouteLoaderFactory = (queryClient) => async () => {
  await queryClient.ensureQueryData(listOptions());
  return null;
};

export function Component() {
  const { data } = useQuery(listOptions());
  return (
    <Stack>
      <Title order={1}>Groups</Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Members</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.entities ?? []).map((group) => (
            <Table.Tr key={group.id}>
              <Table.Td>
                <Anchor component={Link} to={paths.groups.detail.getHref(group.id ?? '')}>
                  {group.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{group.memberCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
