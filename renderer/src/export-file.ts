import { exportFileName } from '../../shared/export/file-name';
import type { AppInfo } from '../../shared/api/contract';
import type { ExportRequestInput } from '../../shared/export/request';
import { api } from './api';

/**
 * Runs an export and puts the file where the host can: a native save dialog
 * in Electron, a download in the browser host. Resolves to what to tell the
 * user, or null when they cancelled the dialog.
 */
export async function exportToFile(app: AppInfo | null, request: ExportRequestInput, projectName = 'carecover'): Promise<string | null> {
  if (app?.nativeDialogs) {
    const { path } = await api.chooseExportFile({ fileName: exportFileName(projectName, { ...request, kind: request.kind ?? 'map', format: request.format ?? 'pdf' }) });
    if (!path) return null;
    const result = await api.exportDocument({ request, path });
    return `Saved ${result.path}.`;
  }
  const result = await api.exportDocument({ request });
  const bytes = Uint8Array.from(atob(result.base64!), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: result.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = result.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${result.fileName}.`;
}
