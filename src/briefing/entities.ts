/** Entities across the corpus, grouped over spelling variants, for lookup and autocomplete. */
import type { Article, Entity, EntityType } from '../core/types.js';
import { entityKey } from '../extract/entities.js';

/**
 * How entities are grouped and ordered: each spelling's group key (normalised
 * once per spelling), and the list's order. Every name of a group has the
 * group's key, so no two entities share a name and the order is total.
 */
export interface EntityGroups {
  key(name: string): string;
  sort(list: Entity[]): Entity[];
}

export function entityGroups(): EntityGroups {
  // names repeat across articles: normalise each spelling once
  const keys = new Map<string, string>();
  return {
    key(name) {
      let key = keys.get(name);
      if (key === undefined) keys.set(name, (key = entityKey(name)));
      return key;
    },
    sort: (list) => list.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)),
  };
}

/** Every article's entities grouped; with `keep`, only the groups whose key it accepts (the same entities the whole merge gives for them). */
export function mergeEntities(articles: readonly Article[], keep?: (key: string) => boolean, groups: EntityGroups = entityGroups()): Entity[] {
  const byKey = new Map<string, { names: Map<string, number>; types: Map<EntityType, number>; mentions: number }>();
  for (const a of articles) {
    for (const e of a.entities) {
      const key = groups.key(e.name);
      if (!key || (keep && !keep(key))) continue;
      const g = byKey.get(key) ?? { names: new Map(), types: new Map(), mentions: 0 };
      g.names.set(e.name, (g.names.get(e.name) ?? 0) + 1);
      g.types.set(e.type, (g.types.get(e.type) ?? 0) + 1);
      g.mentions++;
      byKey.set(key, g);
    }
  }
  return groups.sort(
    [...byKey.values()].map((g) => {
      const names = [...g.names.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length).map(([n]) => n);
      const type = [...g.types.entries()].sort((x, y) => y[1] - x[1])[0]![0];
      return { name: names[0]!, type, aliases: names.slice(1), mentions: g.mentions };
    }),
  );
}
