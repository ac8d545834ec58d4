// The fake backend's committee review: `edit` applied as Rust applies a valid one (names and
// texts trimmed, a PDF note whose key the plan holds skipped). It does not validate; the
// refusals it plays back are Rust's own (`fixtures/refusals.json`).
import type { Plan } from '../bindings/Plan';
import type { ReviewComment } from '../bindings/ReviewComment';
import type { ReviewEdit } from '../bindings/ReviewEdit';

const pdfKey = (c: ReviewComment) => (c.origin.from === 'pdf' ? c.origin.key : null);

export function applyReviewEdit(plan: Plan, edit: ReviewEdit): void {
  const review = plan.review;
  switch (edit.type) {
    case 'set_status':
      review.status = edit.status;
      break;
    case 'add_reviewer':
      review.reviewers.push({ name: edit.name.trim(), role: edit.role.trim(), decision: null });
      break;
    case 'update_reviewer':
      Object.assign(review.reviewers[edit.index], {
        name: edit.name.trim(),
        role: edit.role.trim(),
      });
      break;
    case 'remove_reviewer':
      review.reviewers.splice(edit.index, 1);
      break;
    case 'decide':
      review.reviewers[edit.index].decision = structuredClone(edit.decision);
      break;
    case 'add_comment':
      review.comments.push({
        section: edit.section,
        author: edit.author.trim(),
        date: edit.date,
        text: edit.text.trim(),
        page: null,
        quoted: null,
        resolved: false,
        origin: { from: 'window' },
      });
      break;
    case 'set_resolved':
      review.comments[edit.index].resolved = edit.resolved;
      break;
    case 'remove_comment':
      review.comments.splice(edit.index, 1);
      break;
    case 'file_comments':
      for (const comment of edit.comments) {
        const key = pdfKey(comment);
        if (key === null || !review.comments.some((c) => pdfKey(c) === key)) {
          review.comments.push(structuredClone(comment));
        }
      }
      break;
  }
}
