import { defineRegister } from '../platform/register/register.ts';
import { assets } from './asset.table.ts';

/** The audited picture of an asset: its content, not its bookkeeping (search text, timestamps). */
export function auditSnapshot(r: typeof assets.$inferSelect) {
  return {
    name: r.name,
    medium: r.medium,
    content: r.content,
    location: r.location,
    ownerUserId: r.ownerUserId,
    ownerDepartmentId: r.ownerDepartmentId,
    records: r.records,
    rank: r.rank,
    unitValueYen: String(r.unitValueYen),
    assetClassId: r.assetClassId,
    informationGroupId: r.informationGroupId,
    riskCategoryId: r.riskCategoryId,
    sensitivity: r.sensitivity,
    confidentiality: r.confidentiality,
    containsPersonalData: r.containsPersonalData,
    currentPlacement: r.currentPlacement,
    plannedPlacement: r.plannedPlacement,
    notes: r.notes,
  };
}

/**
 * The inventory as a register of the kit (platform/register): create, the
 * versioned update and its 409, delete and the history are the base's. The
 * list keeps queries of its own (asset.repository.ts): it joins the owner's
 * names and answers a search's first page and count from one scan.
 */
export const assetRegister = defineRegister({ table: assets, entityType: 'asset', auditView: auditSnapshot });
