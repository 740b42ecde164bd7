import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/generated/model/user';
import type { UserSearchRequest } from '@/api/generated/model/userSearchRequest';
import { installMatchMedia, installResizeObserver } from '@/testing/test-providers';
import { UserPicker } from '../user-picker';

const people: User[] = [
  { id: 'u1', name: 'Ann Smith', email: 'ann@example.com', title: 'Agent', version: 1 },
  { id: 'u2', name: 'Anna Jones', email: 'anna@example.com', title: 'Lead', version: 1 },
  { id: 'u3', name: 'Andy Moss', email: 'andy@example.com', title: 'Agent', version: 1 },
];
const requests: UserSearchRequest[] = [];

// Only the search hook is replaced; the rest of the module stays real (test files share modules in a worker).
import type * as UsersModule from '@/api/generated/endpoints/users/users';

vi.mock('@/api/generated/endpoints/users/users', async (importOriginal) => ({
  ...(await importOriginal<typeof UsersModule>()),
  useSearchUsers: (request: UserSearchRequest, options?: { query?: { enabled?: boolean } }) => {
    if (options?.query?.enabled === false)
      return { data: undefined, isPending: true, isFetching: false, isError: false };
    requests.push(request);
    return { data: { results: people }, isPending: false, isFetching: false, isError: false };
  },
}));

beforeAll(() => {
  installMatchMedia();
  installResizeObserver();
  window.HTMLElement.prototype.scrollIntoView ??= () => undefined;
});

afterEach(cleanup);

const Harness = ({ onChange }: { onChange: (users: User[]) => void }) => {
  const [value, setValue] = useState<User[]>([]);
  return (
    <MantineProvider>
      <UserPicker
        label="People"
        value={value}
        onChange={(users) => {
          setValue(users);
          onChange(users);
        }}
        memberIds={['u2']}
        excludeIds={['u3']}
        debounceMs={0}
      />
    </MantineProvider>
  );
};

describe('UserPicker', () => {
  it('searches, marks members, hides excluded people and adds the chosen one', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('People'), 'an');
    expect(await screen.findByText('Ann Smith')).toBeInTheDocument();
    expect(screen.getByText('already a member')).toBeInTheDocument();
    expect(screen.queryByText('Andy Moss')).not.toBeInTheDocument();
    expect(requests.at(-1)?.query?.[0]).toMatchObject({ type: 'TERM', value: 'an' });

    await userEvent.click(screen.getByText('Anna Jones'));
    expect(onChange).not.toHaveBeenCalled();

    await userEvent.click(screen.getByText('Ann Smith'));
    expect(onChange).toHaveBeenLastCalledWith([people[0]]);
    expect(screen.getByRole('button', { name: 'Remove Ann Smith' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Remove Ann Smith' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('keeps the list to options only, opens it once a word is typed and closes it once someone is chosen', async () => {
    render(<Harness onChange={vi.fn()} />);
    const field = screen.getByLabelText('People');
    await userEvent.click(field);
    expect(field).not.toHaveAttribute('data-expanded');
    await userEvent.type(field, 'an');
    expect(field).toHaveAttribute('data-expanded', 'true');
    // jsdom gives the field no size, so the floating list counts as hidden here.
    const list = await screen.findByRole('listbox', { name: 'Matching people', hidden: true });
    expect(list.children.length).toBeGreaterThan(0);
    for (const child of Array.from(list.children)) expect(child).toHaveAttribute('role', 'option');
    await userEvent.click(screen.getByText('Ann Smith'));
    expect(field).not.toHaveAttribute('data-expanded');
    await userEvent.type(field, 'a');
    expect(field).toHaveAttribute('data-expanded', 'true');
  });
});
