/**
 * What the correction dialogs share: hand the correction to the backend,
 * close the dialog when it is taken, and give back the reason when it is
 * refused (the dialog stays open and shows it).
 */
import type { Correction, WorkbenchError } from "./backend/contract";

export async function submitCorrection(
  dialog: HTMLDialogElement,
  correction: Correction,
  submit: (c: Correction) => Promise<WorkbenchError | null>,
): Promise<string | null> {
  const error = await submit(correction);
  if (error) return error.message;
  dialog.close();
  return null;
}
