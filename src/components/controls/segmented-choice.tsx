import { Box, useMantineTheme } from '@mantine/core';
import { useId } from 'react';

export interface SegmentedChoiceProps<Value extends string> {
  data: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
  /** The id of the element that names the group (a visible label). */
  'aria-labelledby': string;
}

/**
 * SegmentedControl's class names (its stylesheet is Mantine's own). Written out, not read from
 * `SegmentedControl.classes`: that brought the control itself and its floating indicator into the list's
 * code (about 2 kB brotli) for six strings. A unit test keeps them equal to Mantine's.
 */
export const SEGMENTED_CLASSES = {
  root: 'm_cf365364',
  label: 'm_1738fcb2',
  input: 'm_1714d588',
  control: 'm_69686b9b',
  innerLabel: 'm_78882f40',
} as const;

const classes = SEGMENTED_CLASSES;

/**
 * A choice of a few options that looks like Mantine's SegmentedControl (its styles, the selected
 * segment on a raised background) but measures nothing: SegmentedControl positions a floating
 * indicator from the labels' sizes on mount, a forced layout of the whole page in the first screen's
 * task. Native radio buttons of one name, so the arrow keys move the choice as in any radio group.
 */
export const SegmentedChoice = <Value extends string>({
  data,
  value,
  onChange,
  'aria-labelledby': labelledBy,
}: SegmentedChoiceProps<Value>) => {
  const name = useId();
  const theme = useMantineTheme();
  return (
    <Box role="radiogroup" aria-labelledby={labelledBy} className={classes.root} mod={{ 'with-items-borders': true }}>
      {data.map((item) => {
        const id = `${name}-${item.value}`;
        const active = item.value === value;
        return (
          <Box key={item.value} className={classes.control} mod={{ active }}>
            <input
              className={classes.input}
              type="radio"
              name={name}
              id={id}
              value={item.value}
              checked={active}
              onChange={() => onChange(item.value)}
              data-focus-ring={theme.focusRing}
            />
            <Box component="label" htmlFor={id} className={classes.label} mod={{ active }}>
              <span className={classes.innerLabel}>{item.label}</span>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};
