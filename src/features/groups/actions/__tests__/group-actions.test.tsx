import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '@/api/generated/model/group';
import { installMatchMedia, makeMe, signedInClient, TestProviders } from '@/testing/test-providers';
import { GroupActions } from '../group-actions';

const group = (over: Partial<Group> = {}): Group => ({
  id: 'g1',
  name: 'Night Shift',
  type: 'official',
  visibility: 'public',
  rulesVisible: true,
  state: 'active',
  owners: [{ id: 'owner-1', name: 'Olivia Owens', version: 1 }],
  ...over,
});

const renderAs = (permissions: string[], g: Group, userId = 'user-1') =>
  render(
    <TestProviders queryClient={signedInClient(makeMe(permissions, userId))}>
      <MemoryRouter>
        <GroupActions group={g} />
      </MemoryRouter>
    </TestProviders>,
  );

const edit = () => screen.queryByRole('link', { name: 'Edit' }) ?? screen.queryByRole('button', { name: 'Edit' });
const remove = () => screen.queryByRole('button', { name: 'Delete' });

describe('GroupActions', () => {
  beforeAll(installMatchMedia);
  afterEach(cleanup);

  it('offers edit and delete to an administrator', () => {
    renderAs(['directory:group:add', 'directory:group:edit', 'directory:group:delete'], group());
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/groups/g1/edit');
    expect(remove()).toBeEnabled();
  });

  it('offers only edit to an editor', () => {
    renderAs(['directory:group:edit'], group());
    expect(edit()).toBeInTheDocument();
    expect(remove()).toBeNull();
  });

  it('offers edit to an owner of the group without the edit permission, and nothing to others', () => {
    const { unmount } = renderAs(['directory:user:view'], group(), 'owner-1');
    expect(screen.getByRole('link', { name: 'Edit' })).toBeInTheDocument();
    unmount();
    renderAs(['directory:user:view'], group(), 'someone-else');
    expect(edit()).toBeNull();
    expect(remove()).toBeNull();
  });

  it('disables both for a deleted group, saying why', async () => {
    renderAs(['directory:group:edit', 'directory:group:delete'], group({ state: 'deleted' }));
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    const editButton = screen.getByRole('button', { name: 'Edit' });
    expect(editButton).toHaveAttribute('aria-disabled', 'true');
    expect(remove()).toHaveAttribute('aria-disabled', 'true');
    // A fresh user-event session: test files share one document per worker, and with it the pointer.
    const user = userEvent.setup();
    await user.hover(editButton);
    // The tooltip describes the button it opens on (the accessible description, not a role query: jsdom's
    // zero-sized layout makes floating-ui hide the tooltip once it is positioned, see blocked-button.test).
    await waitFor(() => expect(editButton).toHaveAccessibleDescription(/deleted groups cannot be edited/), {
      timeout: 8000,
    });
    await user.unhover(editButton);
    await user.hover(remove()!);
    await waitFor(() => expect(remove()).toHaveAccessibleDescription('The group is already deleted.'), {
      timeout: 8000,
    });
  });
});
