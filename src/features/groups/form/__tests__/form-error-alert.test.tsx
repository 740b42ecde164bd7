import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { installMatchMedia } from '@/testing/test-providers';
import { FormErrorAlert } from '../form-error-alert';

describe('FormErrorAlert', () => {
  beforeAll(installMatchMedia);
  afterEach(cleanup);

  it("shows the save error with the request's reference", () => {
    const error = new ApiError(409, { message: 'A group with this name exists.' }, null, 'corr-1234');
    render(
      <MantineProvider>
        <FormErrorAlert formError={{ message: error.message, error }} />
      </MantineProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The group was not saved');
    expect(alert).toHaveTextContent('A group with this name exists.');
    expect(alert).toHaveTextContent('Reference: corr-1234');
    expect(screen.getByRole('button', { name: 'Copy reference' })).toBeInTheDocument();
  });

  it('shows nothing without an error', () => {
    render(
      <MantineProvider>
        <FormErrorAlert formError={null} />
      </MantineProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
