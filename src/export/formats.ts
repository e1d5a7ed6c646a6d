/** The export formats, apart from the exporter so that a front end can list them without loading it. */

/** In the order the editor's list and the CLI's help give them; each is also its file's extension. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
