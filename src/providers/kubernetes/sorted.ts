import { byIdOrder, positionAfter } from '../paging.ts';
import type { Resource } from '../provider.ts';

const idOf = (r: Resource) => r.id;

/**
 * Id-ordered arrays of the members of an index's keys (one namespace's pods, every
 * deployment, ...), built the first time a query asks for a key and from then on kept current
 * by each change (a binary search and at most one splice), so a page never sorts.
 */
export class SortedViews<R extends Resource> {
  private readonly views = new Map<string, R[]>();
  private readonly members: (key: string) => Iterable<R>;

  constructor(members: (key: string) => Iterable<R>) {
    this.members = members;
  }

  /** The key's members in id order; read-only, and valid until the next change. */
  get(key: string): readonly R[] {
    let view = this.views.get(key);
    if (!view) {
      view = [...this.members(key)].sort(byIdOrder);
      // An empty key is not remembered: nothing would ever delete it again.
      if (view.length > 0) this.views.set(key, view);
    }
    return view;
  }

  /** Adds `r`, or replaces the member with its id. */
  add(key: string, r: R): void {
    const view = this.views.get(key);
    if (!view) return;
    const i = positionAfter(view, idOf, r.id, true);
    if (view[i]?.id === r.id) view[i] = r;
    else view.splice(i, 0, r);
  }

  remove(key: string, id: string): void {
    const view = this.views.get(key);
    if (!view) return;
    const i = positionAfter(view, idOf, id, true);
    if (view[i]?.id !== id) return;
    view.splice(i, 1);
    if (view.length === 0) this.views.delete(key);
  }
}
