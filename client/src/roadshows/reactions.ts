import type { Reaction } from '../../../shared/constants';

/** How each reaction kind is drawn. */
export const REACTION_EMOJI: Record<Reaction, string> = {
  clap: '👏',
  heart: '❤️',
  fire: '🔥',
  rocket: '🚀',
  laugh: '😂',
  think: '🤔',
};
