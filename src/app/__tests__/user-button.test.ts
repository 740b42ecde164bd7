import { describe, expect, it } from 'vitest';
import { initialsOf } from '../user-button';

describe('initialsOf', () => {
  it('takes the first letter of the first two words', () => {
    expect(initialsOf('Avery Adams')).toBe('AA');
    expect(initialsOf('maría josé de la cruz')).toBe('MJ');
  });

  it('takes the first two letters of a one-word name', () => {
    expect(initialsOf('Kim')).toBe('KI');
    expect(initialsOf('  Q  ')).toBe('Q');
  });

  it('ignores runs of white space', () => {
    expect(initialsOf(' Avery \t  Adams ')).toBe('AA');
  });
});
