import { SegmentedControl } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { SEGMENTED_CLASSES } from '../segmented-choice';

describe("SegmentedChoice's class names", () => {
  it("are SegmentedControl's own", () => {
    for (const [part, name] of Object.entries(SEGMENTED_CLASSES))
      expect(name, part).toBe(SegmentedControl.classes[part as keyof typeof SegmentedControl.classes]);
  });
});
