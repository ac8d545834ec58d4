import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Tabs from './Tabs.svelte';

const TABS = [
  { key: 'one', label: 'First' },
  { key: 'two', label: 'Second' },
  { key: 'three', label: 'Third' },
] as const;

type Key = (typeof TABS)[number]['key'];

/** Tabs that show whichever tab is chosen, as their caller does. */
function showTabs() {
  const chosen: Key[] = [];
  const view = render(Tabs<Key>, {
    tabs: TABS,
    selected: 'one',
    label: 'Parts of the plan',
    onselect: (key: Key) => {
      chosen.push(key);
      void view.rerender({ selected: key });
    },
  });
  return { chosen, user: userEvent.setup() };
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('tabs', () => {
  it('are one named row with one tab stop, on the tab shown', () => {
    showTabs();
    expect(screen.getByRole('tablist', { name: 'Parts of the plan' })).toBeInTheDocument();
    expect(tab('First')).toHaveAttribute('aria-selected', 'true');
    expect(tab('First')).toHaveAttribute('tabindex', '0');
    expect(tab('First')).toHaveAttribute('aria-controls', 'panel-one');
    expect(tab('Second')).toHaveAttribute('tabindex', '-1');
    expect(tab('Second')).toHaveAttribute('aria-selected', 'false');
  });

  it('show a tab when it is clicked', async () => {
    const { chosen, user } = showTabs();
    await user.click(tab('Third'));
    expect(chosen).toEqual(['three']);
    expect(tab('Third')).toHaveAttribute('aria-selected', 'true');
    expect(tab('First')).toHaveAttribute('tabindex', '-1');
  });

  it('move with the arrow keys, round the ends, and jump with Home and End', async () => {
    const { chosen, user } = showTabs();
    tab('First').focus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Third')).toHaveFocus();
    expect(tab('Third')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(tab('First')).toHaveFocus();
    await user.keyboard('{End}');
    expect(tab('Third')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('First')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(tab('First'), 'other keys leave the tabs alone').toHaveFocus();
    expect(chosen).toEqual(['three', 'one', 'three', 'one']);
  });
});
