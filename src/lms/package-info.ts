/** Whether this page is a SCORM package, from the meta tags the packager writes into index.html. */
import type { ScormVersion } from './formats';

export interface PackageInfo {
  courseId: string;
  version: ScormVersion;
}

/** Null on the ordinary site. */
export function packageInfo(doc: Document = document): PackageInfo | null {
  const courseId = doc.querySelector<HTMLMetaElement>('meta[name="kohtaamo-package"]')?.content;
  const version = doc.querySelector<HTMLMetaElement>('meta[name="kohtaamo-scorm"]')?.content;
  if (!courseId || (version !== '1.2' && version !== '2004')) return null;
  return { courseId, version };
}
