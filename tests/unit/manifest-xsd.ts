/** Validates an imsmanifest.xml with xmllint against the IMS/ADL schemas a package carries. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const XSD_IMPORTS: Record<'1.2' | '2004', [string, string][]> = {
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
  ],
  '2004': [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

export const XMLLINT_MISSING = 'xmllint is missing: install it with `apt-get install -y libxml2-utils` (npm test does so when run as root)';

/** Runs xmllint in `dir`, which holds imsmanifest.xml and the schema files. */
export function validateManifest(dir: string, version: '1.2' | '2004'): { ok: boolean; output: string } {
  // CP's strict wildcards need the extension schemas loaded too: one wrapper imports them all.
  writeFileSync(
    join(dir, 'validate-all.xsd'),
    `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kohtaamo:validate">\n${XSD_IMPORTS[version]
      .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
      .join('\n')}\n</xs:schema>\n`,
  );
  const run = spawnSync('xmllint', ['--noout', '--schema', 'validate-all.xsd', 'imsmanifest.xml'], { cwd: dir, encoding: 'utf8' });
  if (run.error) return { ok: false, output: (run.error as NodeJS.ErrnoException).code === 'ENOENT' ? XMLLINT_MISSING : `xmllint did not run: ${run.error.message}` };
  return { ok: run.status === 0, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}
