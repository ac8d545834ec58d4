// The dean's changes to the work plan. One task is open at a time: its fields are the dean's
// copy, saved (`update_task`) a short pause after typing, at once for a choice. A new task is
// filled in first and added with a button. Dependencies are added, re-timed and removed one at a
// time. Every change goes through the plan session's queue as one edit with the revision on
// screen; Rust checks it against the whole plan (a circle of waiting tasks is refused, naming
// the tasks) and either keeps it, with the new schedule, or refuses it and keeps nothing.
// As with the rollout inputs, each change to the open task or its dependencies also asks Rust
// at once for a preview (the plan with the change, nothing saved), so the chart follows the
// typing; the tasks, dependencies and schedule shown are the session's `shown` plan.
import type { Dependency } from '../bindings/Dependency';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { Schedule } from '../bindings/Schedule';
import type { Task } from '../bindings/Task';
import type { TaskFields } from '../bindings/TaskFields';
import type { WorkPlanEdit } from '../bindings/WorkPlanEdit';
import { editWorkPlan, messagesByField, previewPlanEdit, toProblem } from './api';
import { Autosave } from './autosave.svelte';
import type { Zoom } from './gantt-layout';
import type { PlanSession } from './plan-session.svelte';

export const TASK_PAUSE_MS = 400;

/** The fields of `task` as its form shows them. */
export function fieldsOf(task: Task): TaskFields {
  return {
    title: task.title,
    ownerRole: task.ownerRole,
    durationWeeks: task.durationWeeks,
    pinnedTerm: task.pinnedTerm,
    phase: task.phase,
    milestone: task.kind.type === 'milestone' || task.kind.type === 'phase_gate',
  };
}

/** A new task's form before the dean fills it in. */
export function blankTask(): TaskFields {
  return { title: '', ownerRole: '', durationWeeks: 1, pinnedTerm: null, phase: null, milestone: false };
}

/** Every message of a refusal as one sentence or more; the problem's own when no field has one. */
function refusalText(error: unknown): string {
  const problem = toProblem(error);
  const messages = Object.values(messagesByField(problem.fields));
  return messages.length > 0 ? messages.join('. ') : problem.message;
}

export class WorkPlanEditor {
  /** The id of the task open in the editor, or `null`. */
  openId: string | null = $state(null);
  /** The dean's copy of the open task's fields. */
  form: TaskFields | null = $state(null);
  /** Saving the open task, and the messages of its fields (`title`, `durationWeeks`…). */
  readonly save: Autosave;
  /** The new task being filled in, or `null` when none is. */
  draft: TaskFields | null = $state(null);
  /** Adding the new task, and the messages of its fields. */
  readonly adding: Autosave;
  /** Rust's refusal of the last change to the open task's dependencies; '' when it was kept. */
  dependencyMessage = $state('');
  /** How the schedule is shown, kept while the dean moves between tabs. */
  view: 'chart' | 'table' = $state('chart');
  zoom: Zoom = $state('terms');
  #dependencyWrites = $state(0);

  readonly #session: PlanSession;

  constructor(session: PlanSession) {
    this.#session = session;
    this.save = new Autosave({
      pauseMs: TASK_PAUSE_MS,
      enqueue: (write) => session.write(write),
      send: () => {
        const edit = this.#taskEdit();
        return edit ? this.#saveEdit(edit) : Promise.resolve(session.detail);
      },
      changed: () =>
        session.preview(() => {
          const edit = this.#taskEdit();
          return edit ? previewPlanEdit(session.id, { kind: 'work_plan', edit }) : Promise.resolve(null);
        }),
    });
    this.adding = new Autosave({
      pauseMs: TASK_PAUSE_MS,
      enqueue: (write) => session.write(write),
      send: () => {
        const task = $state.snapshot(this.draft) as TaskFields | null;
        return task ? this.#saveEdit({ type: 'add_task', task }) : Promise.resolve(session.detail);
      },
    });
    session.onReload((_, after) => this.#reloaded(after));
  }

  /** The tasks of the plan shown: the newest preview of changes not saved yet, or the saved. */
  get tasks(): Task[] {
    return this.#session.shown.plan.workPlan.tasks;
  }

  get dependencies(): Dependency[] {
    return this.#session.shown.plan.workPlan.dependencies;
  }

  /** The schedule of the work plan Rust last accepted (saved or previewed), or `null`. */
  get schedule(): Schedule | null {
    const status = this.#session.shown.schedule;
    return status.status === 'scheduled' ? status.schedule : null;
  }

  get openTask(): Task | null {
    return this.tasks.find((t) => t.id === this.openId) ?? null;
  }

  /** Something is being saved, refused, or failed: what the plan's save line says. */
  get busy(): boolean {
    return this.save.state === 'saving' || this.adding.state === 'saving' || this.#dependencyWrites > 0;
  }

  /** Opens task `index` of the plan's list in the editor (saving what was typed in another). */
  async open(index: number): Promise<void> {
    const task = this.tasks[index];
    if (!task) return;
    if (this.openId !== task.id) await this.save.flush();
    this.openId = task.id;
    this.form = fieldsOf(task);
    this.save.reset({});
    this.dependencyMessage = '';
    this.draft = null;
  }

  close(): void {
    void this.save.flush();
    this.openId = null;
    this.form = null;
  }

  /** Starts filling in a new task. */
  startAdding(): void {
    this.draft = blankTask();
    this.adding.reset({});
  }

  cancelAdding(): void {
    this.draft = null;
    this.adding.reset({});
  }

  /** Adds the new task as filled in; once Rust keeps it, it opens in the editor. */
  async add(): Promise<boolean> {
    const before = new Set(this.tasks.map((t) => t.id));
    await this.adding.saveNow();
    if (this.adding.state !== 'saved') return false;
    const added = this.tasks.findIndex((t) => !before.has(t.id));
    this.draft = null;
    if (added >= 0) await this.open(added);
    return true;
  }

  /** Removes the open task (one the dean added) and every dependency on it. */
  async remove(): Promise<void> {
    const id = this.openId;
    if (!id) return;
    const detail = await this.save.run(() => this.#saveEdit({ type: 'remove_task', id }));
    if (detail) {
      this.openId = null;
      this.form = null;
    }
  }

  /** The open task waits for `predecessor`, then `lagWeeks` more working weeks. */
  addDependency(predecessor: string, lagWeeks: number): Promise<boolean> {
    const successor = this.openId;
    if (!successor) return Promise.resolve(false);
    return this.#changeDependency({
      type: 'add_dependency',
      dependency: { predecessor, successor, lagWeeks },
    });
  }

  setLag(predecessor: string, lagWeeks: number): Promise<boolean> {
    const successor = this.openId;
    if (!successor) return Promise.resolve(false);
    return this.#changeDependency({
      type: 'update_dependency',
      dependency: { predecessor, successor, lagWeeks },
    });
  }

  removeDependency(predecessor: string): Promise<boolean> {
    const successor = this.openId;
    if (!successor) return Promise.resolve(false);
    return this.#changeDependency({ type: 'remove_dependency', predecessor, successor });
  }

  /** Resolves once everything typed so far has been sent. */
  flush(): Promise<void> {
    return Promise.all([this.save.flush(), this.#session.settled()]).then(() => undefined);
  }

  /** The open task as its form has it, as one edit; `null` when no task is open. */
  #taskEdit(): WorkPlanEdit | null {
    const id = this.openId;
    const task = $state.snapshot(this.form) as TaskFields | null;
    return id && task ? { type: 'update_task', id, task } : null;
  }

  /**
   * Saves `edit` on the revision on screen (called at the write's turn); once answered, saved
   * or refused, the previews of the changes it carried are stale.
   */
  #saveEdit(edit: WorkPlanEdit): Promise<PlanDetail> {
    const session = this.#session;
    const change = session.changes;
    return session.saving(change, editWorkPlan(session.id, session.revision, edit));
  }

  async #changeDependency(edit: WorkPlanEdit): Promise<boolean> {
    const session = this.#session;
    await this.save.flush();
    this.#dependencyWrites += 1;
    session.preview(() => previewPlanEdit(session.id, { kind: 'work_plan', edit }));
    try {
      await session.write(() => this.#saveEdit(edit));
      this.dependencyMessage = '';
      return true;
    } catch (error) {
      this.dependencyMessage = refusalText(error);
      return false;
    } finally {
      this.#dependencyWrites -= 1;
    }
  }

  /** The plan was changed elsewhere: the open task shows what it holds now, or closes. */
  #reloaded(after: PlanDetail): void {
    const task = after.plan.workPlan.tasks.find((t) => t.id === this.openId);
    if (!task) {
      this.openId = null;
      this.form = null;
    }
  }
}
