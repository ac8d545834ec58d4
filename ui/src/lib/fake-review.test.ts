import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { ReviewComment } from '../bindings/ReviewComment';
import { editReview, getPlan } from './api';
import { FakeBackend, REFUSALS } from './fake-backend';

afterEach(() => clearMocks());

const note = (key: string, text: string): ReviewComment => ({
  section: 'budget',
  author: 'Amira Haddad',
  date: '2027-03-04',
  text,
  page: 7,
  quoted: null,
  resolved: false,
  origin: { from: 'pdf', key },
});

describe('the fake backend’s committee review', () => {
  it('adds a reviewer with a decision and moves the status, one revision each', async () => {
    new FakeBackend().install();
    const sample = await getPlan(1);
    expect(sample.plan.review).toEqual({ status: 'draft', reviewers: [], comments: [] });
    const added = await editReview(1, sample.revision, {
      type: 'add_reviewer',
      name: ' Dr. Wei Zhang ',
      role: 'Provost',
    });
    const decided = await editReview(1, added.revision, {
      type: 'decide',
      index: 0,
      decision: { verdict: 'approved_with_changes', date: '2027-03-10' },
    });
    const sent = await editReview(1, decided.revision, {
      type: 'set_status',
      status: 'sent_to_committee',
    });
    expect(sent.revision).toBe(sample.revision + 3);
    expect(sent.plan.review.status).toBe('sent_to_committee');
    expect(sent.plan.review.reviewers).toEqual([
      {
        name: 'Dr. Wei Zhang',
        role: 'Provost',
        decision: { verdict: 'approved_with_changes', date: '2027-03-10' },
      },
    ]);
  });

  it('files the same PDF note once, however often it comes back', async () => {
    new FakeBackend().install();
    const sample = await getPlan(1);
    const batch = [note('p7-a1', 'Grant looks optimistic'), note('p7-a2', 'Name the funder')];
    const once = await editReview(1, sample.revision, { type: 'file_comments', comments: batch });
    const twice = await editReview(1, once.revision, { type: 'file_comments', comments: batch });
    expect(twice.plan.review.comments.map((c) => c.text)).toEqual([
      'Grant looks optimistic',
      'Name the funder',
    ]);
    expect(twice.revision).toBe(once.revision);
  });

  it('refuses a reviewer without a name in Rust’s words', async () => {
    new FakeBackend().install();
    const sample = await getPlan(1);
    const refused = editReview(1, sample.revision, {
      type: 'add_reviewer',
      name: '',
      role: 'Provost',
    });
    await expect(refused).rejects.toEqual(REFUSALS.reviewer_without_name.problem);
    expect(REFUSALS.reviewer_without_name.problem.fields[0]).toEqual({
      field: 'reviewers.0.name',
      message: 'The name of reviewer 1 cannot be empty',
    });
  });
});
