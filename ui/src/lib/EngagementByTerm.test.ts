import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import type { EngagementProjection } from '../bindings/EngagementProjection';
import type { TermEngagement } from '../bindings/TermEngagement';
import EngagementByTerm from './EngagementByTerm.svelte';

// planner-core's worked example (engagement_tests.rs): 400 faculty, 10 % engaged from Fall at
// 8 hours each; Fall needs 330 hours (training 180, development 150) against 320.
const fall: TermEngagement = {
  termIndex: 0,
  term: 'Fall 2026',
  targetSharePct: 10,
  facultyEngaged: 40,
  facultyHeadcount: 400,
  trainingSeats: 30,
  trainingHours: 180,
  curriculumMappingHours: 0,
  facultyDevelopmentHours: 150,
  hoursNeeded: 330,
  hoursPerEngagedMember: 8,
  hoursAvailable: 320,
  overCapacity: true,
  warning: 'Fall 2026 needs 330 faculty hours; 40 engaged faculty at 8 hours each can give 320',
};
const spring: TermEngagement = {
  ...fall,
  termIndex: 1,
  term: 'Spring 2027',
  trainingSeats: 30,
  trainingHours: 80,
  curriculumMappingHours: 80,
  hoursNeeded: 310,
  overCapacity: false,
  warning: null,
};
const PROJECTION: EngagementProjection = {
  facultyHeadcount: 400,
  departmentFaculty: 180,
  champions: 3,
  terms: [fall, spring],
};

describe('faculty engagement by term', () => {
  it('shows the engaged faculty against the headcount, and the hours needed against those available', () => {
    render(EngagementByTerm, { projection: PROJECTION });
    expect(screen.getByTestId('engagement-figures')).toHaveTextContent(
      'Faculty headcount 400 In the departments listed 180 Champions 3',
    );
    const rows = screen.getAllByTestId('engagement-term');
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Fall 2026');
    expect(cells(rows[0]!)).toEqual([
      '40 of 400 (10 %)',
      '180',
      '0',
      '150',
      '330',
      '320',
      'Short by 10 hours',
    ]);
    expect(cells(rows[1]!)).toEqual(['40 of 400 (10 %)', '80', '80', '150', '310', '320', 'Within reach']);
  });

  it('warns calmly, in Rust’s words, only about the terms over capacity', () => {
    render(EngagementByTerm, { projection: PROJECTION });
    const note = screen.getByTestId('capacity-warnings');
    expect(note).toHaveAttribute('role', 'status');
    expect(within(note).getByRole('heading')).toHaveTextContent(
      'One term needs more faculty time than the engaged faculty can give',
    );
    expect(within(note).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Fall 2026 needs 330 faculty hours; 40 engaged faculty at 8 hours each can give 320.',
    ]);
  });

  it('says nothing of capacity when every term is within reach', () => {
    render(EngagementByTerm, { projection: { ...PROJECTION, terms: [spring] } });
    expect(screen.queryByTestId('capacity-warnings')).not.toBeInTheDocument();
  });
});
