interface ImportMetaEnv {
  /** True in a SCORM package's build (KOHTAAMO_ONLY): no service worker, no manifest. */
  readonly KOHTAAMO_PACKAGE_BUILD: boolean;
}
