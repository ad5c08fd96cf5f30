/**
 * The files in a drop or a folder pick: dropped files as they are, and the
 * files inside dropped folders (read recursively through the file-system
 * entries the browser offers), each with its path and whether it came from
 * a folder (those are filtered to articles; files dropped by name are not).
 */

export type PickedFile = { file: File; path: string; inFolder: boolean };

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: PickedFile[], inFolder: boolean): Promise<void> {
  if (entry.isFile) {
    out.push({ file: await entryFile(entry as FileSystemFileEntry), path: entry.fullPath.replace(/^\//, ""), inFolder });
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries hands out a directory in batches until it returns none.
    for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
      for (const child of batch) await walk(child, out, true);
    }
  }
}

/** Every file of a drop, folders opened; sorted by path within each folder. */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const entries = [...data.items].filter((i) => i.kind === "file").map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  for (const { entry, file } of entries) {
    if (entry) await walk(entry, out, false);
    else if (file) out.push({ file, path: file.name, inFolder: false });
  }
  return out.sort((a, b) => Number(a.inFolder) - Number(b.inFolder) || a.path.localeCompare(b.path));
}

/** The files of an `<input type=file>` (with `webkitdirectory` for a folder). */
export function pickedFiles(list: FileList | null, inFolder: boolean): PickedFile[] {
  return [...(list ?? [])]
    .map((file) => ({ file, path: file.webkitRelativePath || file.name, inFolder }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
