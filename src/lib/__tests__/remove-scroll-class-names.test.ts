import { RemoveScroll as Real } from 'react-remove-scroll';
import { describe, expect, it } from 'vitest';
import { RemoveScroll } from '../remove-scroll-class-names';

describe("the AppShell's scroll-lock class names", () => {
  it('are react-remove-scroll’s own', () => {
    expect(RemoveScroll.classNames).toEqual(Real.classNames);
  });
});
