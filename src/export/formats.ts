/** The export formats, apart from the exporter so that a front end can list them without loading it. */

/** In the order the editor's list and the CLI's help give them; each is also its file's extension. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format a file's name says it holds (`.docx`, `.pdf`, `.html` or `.htm`, in any case), if any. */
export function formatOfFileName(name: string): ExportFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'htm') return 'html';
  return EXPORT_FORMATS.find((format) => format === extension);
}
