import { describe, expect, it } from 'vitest';
import { controlFor, tabFor } from './fix-place';

describe('where a health-check item is fixed', () => {
  const tabs = [{ key: 'details' }, { key: 'assessment' }, { key: 'rollout' }] as const;

  it('opens the tab that holds the place', () => {
    expect(tabFor('assessment', tabs)).toBe('assessment');
    expect(tabFor('credit_mapping', tabs)).toBe('rollout');
    expect(tabFor('work_plan', [...tabs, { key: 'workplan' }])).toBe('workplan');
  });

  it('falls back to the rollout plan for a place without its own tab', () => {
    expect(tabFor('risks', tabs)).toBe('rollout');
    expect(tabFor('risks', [{ key: 'details' }])).toBeNull();
  });

  it('finds the box of a dotted field key', () => {
    document.body.innerHTML =
      '<input id="rollout-credentials-2-title"><input id="workplan-tasks-1-ownerRole">';
    expect(controlFor(document, 'credentials.2.title')?.id).toBe('rollout-credentials-2-title');
    expect(controlFor(document, 'tasks.1.ownerRole')?.id).toBe('workplan-tasks-1-ownerRole');
    expect(controlFor(document, 'budget.licences')).toBeNull();
  });
});
