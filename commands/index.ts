/** The command registry: every adapter and generator reads the commands from here. */
import type { CommandDefinition } from '../src/core/command.js';
import brief from './brief.js';
import casualties from './casualties.js';
import figures from './figures.js';
import help from './help.js';
import quotes from './quotes.js';
import reload from './reload.js';
import schedule from './schedule.js';
import search from './search.js';
import sources from './sources.js';
import timeline from './timeline.js';

export const commands: readonly CommandDefinition[] = Object.freeze([brief, casualties, figures, timeline, quotes, search, sources, schedule, reload, help]);
