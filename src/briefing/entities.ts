/** Entities across the corpus, grouped over spelling variants, for lookup and autocomplete. */
import type { Article, Entity, EntityType } from '../core/types.js';
import { entityKey } from '../extract/entities.js';

export function mergeEntities(articles: readonly Article[]): Entity[] {
  const byKey = new Map<string, { names: Map<string, number>; types: Map<EntityType, number>; mentions: number }>();
  // names repeat across articles: normalise each spelling once
  const keys = new Map<string, string>();
  for (const a of articles) {
    for (const e of a.entities) {
      let key = keys.get(e.name);
      if (key === undefined) keys.set(e.name, (key = entityKey(e.name)));
      if (!key) continue;
      const g = byKey.get(key) ?? { names: new Map(), types: new Map(), mentions: 0 };
      g.names.set(e.name, (g.names.get(e.name) ?? 0) + 1);
      g.types.set(e.type, (g.types.get(e.type) ?? 0) + 1);
      g.mentions++;
      byKey.set(key, g);
    }
  }
  return [...byKey.values()]
    .map((g) => {
      const names = [...g.names.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length).map(([n]) => n);
      const type = [...g.types.entries()].sort((x, y) => y[1] - x[1])[0]![0];
      return { name: names[0]!, type, aliases: names.slice(1), mentions: g.mentions };
    })
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
