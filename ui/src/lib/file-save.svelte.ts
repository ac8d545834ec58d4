// One "Save …" button's file: Rust asks where with the native dialog and writes it. While it
// runs the button waits (and says which file, where one button of several started it); then
// the file saved, or why it was not, shows under it. A dialog closed without choosing shows
// nothing.
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { Problem } from '../bindings/Problem';
import { toProblem } from './api';

export type SavedFile = Extract<ExportOutcome, { status: 'saved' }>;

export class FileSave<Which = true> {
  /** The file being saved (`true` where there is only one kind), or `null`. */
  saving: Which | null = $state(null);
  /** The file last saved, until the next save starts. */
  saved: SavedFile | null = $state(null);
  /** Why the last save failed, until the next starts. */
  problem: Problem | null = $state(null);

  /** Runs `save` (which may first flush what was typed), and shows what came of it. */
  async run(which: Which, save: () => Promise<ExportOutcome>): Promise<void> {
    this.saving = which;
    this.clear();
    try {
      const outcome = await save();
      this.saved = outcome.status === 'saved' ? outcome : null;
    } catch (error) {
      this.problem = toProblem(error);
    } finally {
      this.saving = null;
    }
  }

  /** Shows nothing of the last save (the panel it was in opens afresh). */
  clear(): void {
    this.saved = null;
    this.problem = null;
  }
}
