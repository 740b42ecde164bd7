import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';

export interface CommittedText {
  /** What the box shows. */
  input: string;
  /** The box's text changed: shown at once, sent after the pause. */
  change: (value: string) => void;
  /** Empties the box and sends '' at once. */
  clear: () => void;
  /** The box's keys: Enter sends at once, Escape empties it. */
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/**
 * A search box's text that is kept in the URL: sent (trimmed, cut to `maxLength`) once typing pauses for
 * `debounceMs`. The box keeps what is typed while its own search is on its way to the URL, and follows
 * the URL when it changes from elsewhere (Back, a link, "Clear search and filters").
 */
export function useCommittedText(
  query: string,
  onQueryChange: (query: string) => void,
  debounceMs: number,
  maxLength = Infinity,
): CommittedText {
  const [input, setInput] = useState(query);
  const [lastCommitted, setLastCommitted] = useState(query);
  const [seenQuery, setSeenQuery] = useState(query);

  // The URL's text changed: when it is not the text this box sent, it came from elsewhere.
  if (query !== seenQuery) {
    setSeenQuery(query);
    if (query !== lastCommitted) {
      setInput(query);
      setLastCommitted(query);
    }
  }

  const commit = (value: string) => {
    const trimmed = value.trim().slice(0, maxLength);
    setLastCommitted(trimmed);
    if (trimmed !== query) onQueryChange(trimmed);
  };
  const debouncedCommit = useDebouncedCallback(commit, debounceMs);
  const clear = () => {
    debouncedCommit.cancel();
    setInput('');
    commit('');
  };

  return {
    input,
    change: (value) => {
      setInput(value);
      debouncedCommit(value);
    },
    clear,
    onKeyDown: (event) => {
      if (event.key === 'Enter') debouncedCommit.flush();
      if (event.key === 'Escape' && input) {
        event.preventDefault();
        clear();
      }
    },
  };
}
