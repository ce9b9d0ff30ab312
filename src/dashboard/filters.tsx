// Filters kept in the URL's hash (a view survives a reload and can be linked) and cursor paging.
import { useEffect, useState } from 'preact/hooks';
import { href } from './hooks.ts';

function setParam(view: string, params: URLSearchParams, name: string, value: string): void {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  location.hash = href([view], Object.fromEntries(next));
}

interface FilterProps {
  view: string;
  params: URLSearchParams;
  name: string;
}

export function FilterSelect(props: FilterProps & { any: string; options: readonly string[] }) {
  return (
    <select
      name={props.name}
      value={props.params.get(props.name) ?? ''}
      onChange={(e) => setParam(props.view, props.params, props.name, e.currentTarget.value)}
    >
      <option value="">{props.any}</option>
      {props.options.map((o) => (
        <option value={o}>{o}</option>
      ))}
    </select>
  );
}

export function FilterInput(props: FilterProps & { placeholder?: string; datetime?: boolean }) {
  const common = {
    name: props.name,
    value: props.params.get(props.name) ?? '',
    onChange: (e: Event) =>
      setParam(props.view, props.params, props.name, (e.currentTarget as HTMLInputElement).value),
  };
  return props.datetime ? (
    <input type="datetime-local" {...common} />
  ) : (
    <input type="text" placeholder={props.placeholder} {...common} />
  );
}

/** Forward cursor paging with a way back: the cursors of the pages seen; a new `key` restarts. */
export function useCursors(key: string) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [key]);
  return {
    after: cursors[cursors.length - 1] ?? null,
    back: cursors.length > 1 ? () => setCursors((c) => c.slice(0, -1)) : undefined,
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
  };
}

export function Pager(props: {
  paging: ReturnType<typeof useCursors>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
}) {
  const end = props.pageInfo?.hasNextPage ? props.pageInfo.endCursor : null;
  return (
    <div class="row">
      <button type="button" disabled={!props.paging.back} onClick={props.paging.back}>
        Previous
      </button>
      <button type="button" disabled={!end} onClick={() => end && props.paging.next(end)}>
        Next
      </button>
    </div>
  );
}
