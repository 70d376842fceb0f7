/** imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th Edition, single-SCO packages. */
import type { Lang } from '../../content/schema';

export interface ManifestInput {
  id: string;
  version: string;
  lang: Lang;
  title: string;
  description: string;
  /** Pass mark in per cent, or null when the package has no scored test. */
  passMark: number | null;
  files: string[];
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const identifier = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_');
const fileList = (files: string[]) => files.map((f) => `      <file href="${xml(f)}"/>`).join('\n');

export function manifest12(m: ManifestInput): string {
  const mastery = m.passMark === null ? '' : `\n        <adlcp:masteryscore>${Math.round(m.passMark)}</adlcp:masteryscore>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier(`kohtaamo-${m.id}-${m.version}-scorm12`)}" version="${xml(m.version)}"
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
        <imsmd:title><imsmd:langstring xml:lang="${m.lang}">${xml(m.title)}</imsmd:langstring></imsmd:title>
        <imsmd:language>${m.lang}</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="${m.lang}">${xml(m.description)}</imsmd:langstring></imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>${xml(m.title)}</title>
      <item identifier="item-1" identifierref="sco-1" isvisible="true">
        <title>${xml(m.title)}</title>${mastery}
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
  // Without an explicit objective the LMS would demand a scaled score of 1.0 (100 %) to pass.
  const sequencing =
    m.passMark === null
      ? ''
      : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(m.passMark / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier(`kohtaamo-${m.id}-${m.version}-scorm2004`)}" version="${xml(m.version)}"
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
        <title><string language="${m.lang}">${xml(m.title)}</string></title>
        <language>${m.lang}</language>
        <description><string language="${m.lang}">${xml(m.description)}</string></description>
      </general>
    </lom>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>${xml(m.title)}</title>
      <item identifier="item-1" identifierref="sco-1" isvisible="true">
        <title>${xml(m.title)}</title>${sequencing}
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
