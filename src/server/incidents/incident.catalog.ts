import { loadedCollectionsById, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';

/** The catalog collections this module reads, as the organisation has them loaded: the deadline rules, the holidays they count with, seed 000 V.6.1's detection categories and seed 004's escalation to outside experts. */
export const INCIDENT_COLLECTIONS = {
  rules: 'urn:kumoji:public:notification-rules',
  holidays: 'urn:kumoji:public:jp-holidays',
  detection: 'urn:kumoji:seed-000:incident-detection',
  escalation: 'urn:kumoji:seed-004:escalation',
} as const;
export type IncidentCollectionKey = keyof typeof INCIDENT_COLLECTIONS;

export function incidentCollections<K extends IncidentCollectionKey>(ctx: DataContext, keys: readonly K[]): Promise<Record<K, LoadedCollection | null>> {
  return loadedCollectionsById(ctx, INCIDENT_COLLECTIONS, keys);
}
