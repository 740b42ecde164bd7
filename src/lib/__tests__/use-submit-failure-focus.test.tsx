import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSubmitFailureFocus, type FailureFocusTarget } from '../use-submit-failure-focus';

/** A form whose button marks its second field invalid (or not) and shows the failure at `target`. */
const Form = ({ target, invalid = true }: { target: FailureFocusTarget; invalid?: boolean }) => {
  const { formRef, summaryRef, show } = useSubmitFailureFocus();
  const [failed, setFailed] = useState(false);
  return (
    <form ref={formRef} aria-label="Form">
      <input aria-label="First" />
      <input aria-label="Second" aria-invalid={failed && invalid} />
      <input aria-label="Third" aria-invalid={failed && invalid} />
      {failed ? (
        <div ref={summaryRef} tabIndex={-1} data-testid="summary">
          Not saved
        </div>
      ) : null}
      <button
        type="button"
        onClick={() => {
          setFailed(true);
          show(target);
        }}
      >
        Save
      </button>
    </form>
  );
};

describe('useSubmitFailureFocus', () => {
  afterEach(cleanup);

  it('focuses the first field that the failure marked invalid', () => {
    render(<Form target="field" />);
    act(() => screen.getByRole('button', { name: 'Save' }).click());
    expect(screen.getByRole('textbox', { name: 'Second' })).toHaveFocus();
  });

  it('focuses the summary when no field is marked', () => {
    render(<Form target="field" invalid={false} />);
    act(() => screen.getByRole('button', { name: 'Save' }).click());
    expect(screen.getByTestId('summary')).toHaveFocus();
  });

  it('focuses the summary when asked to, even with fields marked', () => {
    render(<Form target="summary" />);
    act(() => screen.getByRole('button', { name: 'Save' }).click());
    expect(screen.getByTestId('summary')).toHaveFocus();
  });
});
