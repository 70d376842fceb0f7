/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th Edition, single-SCO packages.
 *
 * No mastery score (1.2) and no scaled passing score (2004): the SCO reports its status itself
 * by the course's completion rule, so the LMS never decides the status from the score.
 */
import type { Lang } from '../../content/schema';

export interface ManifestInput {
  id: string;
  version: string;
  /** The languages the content is written in, the first one first. */
  languages: Lang[];
  /** Title and description per language; the first language is the LMS's display title. */
  title: Partial<Record<Lang, string>>;
  description: Partial<Record<Lang, string>>;
  files: string[];
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const identifier = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_');
const fileList = (files: string[]) => files.map((f) => `      <file href="${xml(f)}"/>`).join('\n');
const written = (m: ManifestInput, texts: Partial<Record<Lang, string>>) => m.languages.filter((l) => texts[l]).map((l) => [l, texts[l]!] as const);
const displayTitle = (m: ManifestInput) => m.title[m.languages[0]!] ?? m.id;

/** The manifest's identifier: package id, version and SCORM version (the preview LMS keys its data by it). */
export const manifestIdentifier = (id: string, version: string, scorm: '1.2' | '2004') =>
  identifier(`kohtaamo-${id}-${version}-scorm${scorm === '1.2' ? '12' : '2004'}`);

export function manifest12(m: ManifestInput): string {
  // IMS Meta-data 1.2.1: every text field is one or more <langstring xml:lang>.
  const langstrings = (texts: Partial<Record<Lang, string>>, indent: string) =>
    written(m, texts).map(([lang, text]) => `${indent}<imsmd:langstring xml:lang="${lang}">${xml(text)}</imsmd:langstring>`).join('\n');
  const pad = '          ';
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${manifestIdentifier(m.id, m.version, '1.2')}" version="${xml(m.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title>
${langstrings(m.title, pad)}
        </imsmd:title>
${m.languages.map((l) => `        <imsmd:language>${l}</imsmd:language>`).join('\n')}
        <imsmd:description>
${langstrings(m.description, pad)}
        </imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>${xml(displayTitle(m))}</title>
      <item identifier="item-1" identifierref="sco-1" isvisible="true">
        <title>${xml(displayTitle(m))}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList(m.files)}
    </resource>
  </resources>
</manifest>
`;
}

export function manifest2004(m: ManifestInput): string {
  // IEEE LOM (the 2004 metadata binding): every text field is one or more <string language>.
  const strings = (texts: Partial<Record<Lang, string>>, indent: string) =>
    written(m, texts).map(([lang, text]) => `${indent}<string language="${lang}">${xml(text)}</string>`).join('\n');
  const pad = '          ';
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${manifestIdentifier(m.id, m.version, '2004')}" version="${xml(m.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <lom xmlns="http://ltsc.ieee.org/xsd/LOM">
      <general>
        <title>
${strings(m.title, pad)}
        </title>
${m.languages.map((l) => `        <language>${l}</language>`).join('\n')}
        <description>
${strings(m.description, pad)}
        </description>
      </general>
    </lom>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>${xml(displayTitle(m))}</title>
      <item identifier="item-1" identifierref="sco-1" isvisible="true">
        <title>${xml(displayTitle(m))}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-1" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList(m.files)}
    </resource>
  </resources>
</manifest>
`;
}
