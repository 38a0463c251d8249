// The recipes a scenario's actors may name, and the check of an actor's fields against its recipe.
import type { ActorConfig } from '../scenario/types';
import { barrierRecipe } from './barrier';
import { leaderElectionRecipe } from './leader-election';
import { lockRecipe, readWriteLockRecipe } from './lock';
import { naiveLockRecipe } from './naive-lock';
import { queueRecipe } from './queue';
import { registryRecipe } from './registry';
import type { FieldKind, Recipe } from './types';

const RECIPES: readonly Recipe<never>[] = [lockRecipe, readWriteLockRecipe, naiveLockRecipe, leaderElectionRecipe, barrierRecipe, queueRecipe, registryRecipe] as unknown as Recipe<never>[];

/** Recipe names that must exist (CONTRACT.md section 1). */
export const RECIPE_NAMES: readonly string[] = RECIPES.map((recipe) => recipe.name);

/** The recipe called `name`, if there is one. */
export function recipeByName(name: string): Recipe<unknown> | undefined {
  return RECIPES.find((recipe) => recipe.name === name) as Recipe<unknown> | undefined;
}

const COMMON_FIELDS = new Set(['id', 'recipe', 'client']);
const VALUE_MAX = 1_000_000_000;

/** What is wrong with an actor's config, as "<field>: <problem>", or null when it is fine. */
export function actorProblem(config: ActorConfig): string | null {
  const recipe = recipeByName(config.recipe);
  if (!recipe) return `recipe: unknown recipe "${config.recipe}" (known: ${RECIPE_NAMES.join(', ')})`;
  const { required, optional } = recipe.fields;
  for (const field of Object.keys(required)) {
    if (config[field] === undefined) return `${field}: required for ${recipe.name}`;
  }
  for (const [field, value] of Object.entries(config)) {
    if (COMMON_FIELDS.has(field)) continue;
    const kind = required[field] ?? optional[field];
    if (kind === undefined) return `${field}: not a field of ${recipe.name} (fields: ${[...Object.keys(required), ...Object.keys(optional)].join(', ')})`;
    const problem = valueProblem(kind, value);
    if (problem !== null) return `${field}: ${problem}`;
  }
  return null;
}

function valueProblem(kind: FieldKind, value: unknown): string | null {
  if (Array.isArray(kind)) return kind.includes(String(value)) ? null : `must be one of ${kind.join(', ')}`;
  switch (kind) {
    case 'path':
      if (typeof value !== 'string' || !/^\/[^/]/.test(value) || value.endsWith('/') || value.includes('//')) return 'must be an absolute znode path like "/locks/job"';
      if (value.includes('\0') || value.split('/').some((part) => part === '.' || part === '..') || value.split('/')[1] === 'zookeeper') return 'not a usable znode path';
      return null;
    case 'positiveInt':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= VALUE_MAX ? null : `must be an integer in 1..${VALUE_MAX}`;
    case 'nonNegativeInt':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= VALUE_MAX ? null : `must be an integer in 0..${VALUE_MAX}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
  }
  return null;
}
