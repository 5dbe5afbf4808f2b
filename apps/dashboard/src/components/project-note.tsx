import { simulationsHref } from '../route';

/** Says which project a page is narrowed to, with its runs and the same page for every project. */
export function ProjectNote(props: { project: string; what: string; everyProjectHref: string }) {
  if (!props.project) return null;
  return (
    <p class="hint" data-project={props.project}>
      Project <strong>{props.project}</strong>: {props.what}.{' '}
      <a href={simulationsHref({ project: props.project })}>Its runs</a> ·{' '}
      <a href={props.everyProjectHref}>every project</a>
    </p>
  );
}
