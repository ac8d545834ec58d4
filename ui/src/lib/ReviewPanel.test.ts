import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import type { CommentsFound } from '../bindings/CommentsFound';
import type { ReviewComment } from '../bindings/ReviewComment';
import type { ReviewEdit } from '../bindings/ReviewEdit';
import { FakeBackend, REFUSALS, samplePlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';

let backend: FakeBackend;

useFakeClock();

beforeEach(() => {
  const sample = samplePlan(1, '2026-11-01T09:00:00Z');
  sample.plan.review.comments = [
    {
      section: 'budget',
      author: 'Amira Haddad',
      date: '2027-03-04',
      text: 'Name the funder of year 3',
      page: 17,
      quoted: 'US$2.4 million',
      resolved: false,
      origin: { from: 'pdf', key: 'p17-a1' },
    },
  ];
  backend = new FakeBackend([sample]).install();
});

const reviewEdits = () => backend.callsOf('edit_review').map((args) => args.edit as ReviewEdit);
const panel = () => within(screen.getByTestId('review-panel'));

describe('the committee review', () => {
  it('adds a reviewer, records their decision and sends the plan to the committee', async () => {
    const user = showPlanView(backend, 1);
    expect(panel().getByText(/No reviewers yet/)).toBeInTheDocument();
    await user.type(panel().getByLabelText("Reviewer's name"), 'Dr. Wei Zhang');
    await user.type(panel().getByLabelText("Reviewer's role"), 'Provost');
    await user.click(panel().getByRole('button', { name: 'Add reviewer' }));
    await vi.waitFor(() => expect(panel().getAllByTestId('reviewer')).toHaveLength(1));
    await user.selectOptions(panel().getByLabelText('Decision of Dr. Wei Zhang'), 'Approved with changes');
    await user.selectOptions(panel().getByLabelText('Status'), 'Sent to committee');
    await vi.waitFor(() => expect(reviewEdits()).toHaveLength(3));
    const [added, decided, status] = reviewEdits();
    expect(added).toEqual({ type: 'add_reviewer', name: 'Dr. Wei Zhang', role: 'Provost' });
    expect(decided).toMatchObject({
      type: 'decide',
      index: 0,
      decision: { verdict: 'approved_with_changes' },
    });
    expect(status).toEqual({ type: 'set_status', status: 'sent_to_committee' });
    await vi.waitFor(() =>
      expect(panel().getByLabelText('Date of the decision')).toHaveValue(
        backend.plans[0].plan.review.reviewers[0].decision!.date,
      ),
    );
    await vi.waitFor(() => expect(panel().getByLabelText("Reviewer's name")).toHaveValue(''));
  });

  it('shows a comment from a PDF under its section, resolves and reopens it', async () => {
    const user = showPlanView(backend, 1);
    const comment = panel().getByTestId('comment');
    expect(panel().getByRole('heading', { name: 'Budget' })).toBeInTheDocument();
    expect(comment).toHaveTextContent('Amira Haddad');
    expect(comment).toHaveTextContent('from a PDF, page 17');
    expect(comment).toHaveTextContent('US$2.4 million');
    expect(panel().getByText(/1 open of 1/)).toBeInTheDocument();
    await user.click(within(comment).getByRole('button', { name: 'Mark resolved' }));
    await vi.waitFor(() => expect(panel().getByText(/0 open of 1/)).toBeInTheDocument());
    await user.click(panel().getByRole('button', { name: 'Reopen' }));
    await vi.waitFor(() => expect(panel().getByText(/1 open of 1/)).toBeInTheDocument());
    expect(reviewEdits()).toEqual([
      { type: 'set_resolved', index: 0, resolved: true },
      { type: 'set_resolved', index: 0, resolved: false },
    ]);
  });

  it('types a comment on a section', async () => {
    const user = showPlanView(backend, 1);
    await user.selectOptions(panel().getByLabelText('Section'), 'Risks');
    await user.type(panel().getByLabelText('Comment by'), 'Dr. Wei Zhang');
    await user.type(panel().getByLabelText('Comment'), 'Add an accreditation risk');
    await user.click(panel().getByRole('button', { name: 'Add comment' }));
    await vi.waitFor(() => expect(panel().getAllByTestId('comment')).toHaveLength(2));
    expect(panel().getByRole('heading', { name: 'Risks' })).toBeInTheDocument();
    expect(reviewEdits()[0]).toMatchObject({
      type: 'add_comment',
      section: 'risks',
      author: 'Dr. Wei Zhang',
      text: 'Add an accreditation risk',
    });
    await vi.waitFor(() => expect(panel().getByLabelText('Comment')).toHaveValue(''));
  });

  it('says in Rust’s words why a reviewer without a name is not added', async () => {
    const user = showPlanView(backend, 1);
    await user.type(panel().getByLabelText("Reviewer's role"), 'Provost');
    await user.click(panel().getByRole('button', { name: 'Add reviewer' }));
    await vi.waitFor(() =>
      expect(panel().getByTestId('review-problem')).toHaveTextContent(
        REFUSALS.reviewer_without_name.problem.fields[0].message,
      ),
    );
    expect(backend.plans[0].plan.review.reviewers).toEqual([]);
  });

  it('brings back a PDF’s comments as one edit, under their sections, and nothing twice', async () => {
    const note: ReviewComment = {
      section: 'risks',
      author: 'Prof. Amal Haddad',
      date: '2027-03-05',
      text: 'Who owns each of these?',
      page: 26,
      quoted: '4 risks, 2 of them very high',
      resolved: false,
      origin: { from: 'pdf', key: 'risks-highlight' },
    };
    const found: CommentsFound = {
      comments: [note],
      newBySection: [{ section: 'risks', count: 1 }],
      summary: 'Brought back 1 new comment from “Lakeshore, reviewed.pdf”: 1 on Risks.',
    };
    backend.pdfCommentsAnswer = found;
    const user = showPlanView(backend, 1);
    await user.click(panel().getByRole('button', { name: 'Bring back comments from a PDF…' }));
    await vi.waitFor(() => expect(panel().getAllByTestId('comment')).toHaveLength(2));
    expect(panel().getByTestId('file-notice')).toHaveTextContent(found.summary);
    expect(reviewEdits()).toEqual([{ type: 'file_comments', comments: [note] }]);
    expect(panel().getByRole('heading', { name: 'Risks' })).toBeInTheDocument();
    const brought = panel().getAllByTestId('comment')[1];
    expect(brought).toHaveTextContent('Prof. Amal Haddad');
    expect(brought).toHaveTextContent('from a PDF, page 26');
    expect(brought).toHaveTextContent('4 risks, 2 of them very high');

    backend.pdfCommentsAnswer = {
      comments: [note],
      newBySection: [],
      summary: 'No new comments: the one in it was already here.',
    };
    await user.click(panel().getByRole('button', { name: 'Bring back comments from a PDF…' }));
    await vi.waitFor(() =>
      expect(panel().getByTestId('file-notice')).toHaveTextContent('No new comments'),
    );
    expect(reviewEdits()).toHaveLength(1);
    expect(panel().getAllByTestId('comment')).toHaveLength(2);
  });

  it('says why a PDF of another plan is refused, and files nothing', async () => {
    backend.pdfCommentsAnswer = {
      kind: 'invalid',
      message:
        '“Pilot 2027.pdf”: it is the report of another plan, “Pilot 2027” of Łódź University of ' +
        'Technology; open that plan to bring its comments back',
      fields: [],
    };
    const user = showPlanView(backend, 1);
    await user.click(panel().getByRole('button', { name: 'Bring back comments from a PDF…' }));
    const notice = await vi.waitFor(() => panel().getByRole('alert'));
    expect(notice).toHaveTextContent('No comments were brought back, and nothing was changed.');
    expect(notice).toHaveTextContent('“Pilot 2027.pdf”: it is the report of another plan');
    expect(reviewEdits()).toEqual([]);
    expect(panel().getAllByTestId('comment')).toHaveLength(1);
  });

  it('does nothing when the dialog is closed', async () => {
    const user = showPlanView(backend, 1);
    await user.click(panel().getByRole('button', { name: 'Bring back comments from a PDF…' }));
    await vi.waitFor(() => expect(backend.callsOf('comments_from_pdf')).toHaveLength(1));
    expect(panel().queryByTestId('file-notice')).toBeNull();
    expect(reviewEdits()).toEqual([]);
  });
});
