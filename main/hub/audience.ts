import { roleHas } from '../core/auth';
import type { HubEvent, HubUser } from './store/types';

/** May this user see this event? Leads see every conversation; agents those of their channels (all when none listed). */
export function mayReceive(user: Pick<HubUser, 'id' | 'role' | 'channels'>, e: Pick<HubEvent, 'audience' | 'channelId'>): boolean {
  switch (e.audience) {
    case 'team':
      return true;
    case 'admins':
      return user.role === 'admin';
    case 'leads':
      return user.role === 'lead';
    case 'conversation':
      return roleHas(user.role, 'conversations.read') && mayReadChannel(user, e.channelId);
    default:
      return e.audience === `user:${user.id}`;
  }
}

export function mayReadChannel(user: Pick<HubUser, 'role' | 'channels'>, channelId: string | null): boolean {
  if (!roleHas(user.role, 'conversations.read')) return false;
  if (user.role === 'lead' || !user.channels.length) return true;
  return channelId !== null && user.channels.includes(channelId);
}
