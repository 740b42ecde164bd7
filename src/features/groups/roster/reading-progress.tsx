import { Progress, Text } from '@mantine/core';
import { useId } from 'react';
import { useReadProgress, type ReadProgressSource } from './read-progress';

export interface ReadingProgressProps {
  /** What is being read, without a count: "Reading the group’s members". */
  label: string;
  source: ReadProgressSource;
}

/**
 * Progress of a whole-group reading (pages of 500): a label that stays as it is and a bar that moves (its
 * value, in per cent, is what a screen reader reads). The label does not count: text that grows as it counts is a larger
 * paint each time it gains a digit, so the browser took it as the page's largest content again and
 * again, and a phone's "largest contentful paint" waited for the end of a long reading.
 */
export const ReadingProgress = ({ label, source }: ReadingProgressProps) => {
  const id = useId();
  const { read, of } = useReadProgress(source);
  return (
    <div aria-busy>
      <Text size="sm" c="dimmed" id={id}>
        {label}…
      </Text>
      {/* No transition: each step would start one (and its events) and repaint for its length. */}
      <Progress.Root size="sm" transitionDuration={0}>
        <Progress.Section value={of > 0 ? Math.round((read / of) * 100) : 0} aria-labelledby={id} />
      </Progress.Root>
    </div>
  );
};
