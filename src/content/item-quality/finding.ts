/** A finding of the item-writing and terminology checks, before it becomes a problem or a warning. */
export interface Finding {
  /** Whose content it is; content/config.yaml decides per kind whether findings fail the build. */
  kind: 'courses' | 'games' | 'practices' | 'config';
  owner: string;
  file: string;
  line: number;
  field: string;
  message: string;
}
