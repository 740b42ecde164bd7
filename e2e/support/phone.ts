import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** A phone: 390 × 844 CSS pixels, touch, mobile viewport (below Mantine's `sm` breakpoint). */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Nothing on the page scrolls sideways. */
export const assertNoHorizontalScroll = async (page: Page) => {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const el = document.scrollingElement!;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
};

/** No badge shows its text cut short ("OFFICI…"). */
export const assertBadgesWhole = async (page: Page) => {
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('.mantine-Badge-label')]
      .filter((label) => label.scrollWidth > label.clientWidth + 1)
      .map((label) => label.textContent),
  );
  expect(cut, 'badges cut short').toEqual([]);
};

/**
 * Every status chip shows its whole label: not cut short to its count. A kind's chips stay on one line
 * that scrolls sideways on its own, so a chip past the screen's edge is whole once scrolled to.
 */
export const assertStatusChipsWhole = async (page: Page) => {
  const chips = page.getByTestId('status-filters').getByRole('button', { pressed: false });
  await expect(chips.first()).toBeVisible();
  const cut = await page.evaluate(() => {
    return [...document.querySelectorAll('[data-testid="status-filters"] button[aria-pressed]')].flatMap((chip) => {
      const label = chip.querySelector<HTMLElement>('.mantine-Button-label');
      if (!label) return [`${chip.textContent ?? ''}: no label`];
      return label.scrollWidth > label.clientWidth + 1 || label.clientWidth === 0
        ? [`${label.textContent ?? ''}: ${label.clientWidth} of ${label.scrollWidth} px shown`]
        : [];
    });
  });
  expect(cut, 'status chips whose label is not fully visible').toEqual([]);
};
