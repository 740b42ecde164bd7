import { Trans } from '@lingui/react/macro';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

describe('<Trans>', () => {
  it('shows a value with angle brackets as text, inside a message with inline elements', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const name = '<script>alert(1)</script><b>Ops</b>';
    render(
      <p data-testid="message">
        <Trans>
          Delete <strong>{name}</strong>?
        </Trans>
      </p>,
    );
    expect(screen.getByTestId('message')).toHaveTextContent(`Delete ${name}?`);
    expect(screen.getByTestId('message').querySelector('strong')).toHaveTextContent(name);
    expect(screen.getByTestId('message').querySelector('script, b')).toBeNull();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
