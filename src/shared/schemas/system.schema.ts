// The system portfolio (enterprises, seed 004): requests and responses of /api/v1/systems and /api/v1/portfolio.
import { z } from 'zod';
import { IdSchema, text, uniqueList, updateRequestOf } from './common.schema.ts';

/** FACTS.md 5: the 7 Rs, as AWS Migration Hub Strategy writes them. */
export const STRATEGIES = ['rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'relocate'] as const;
export const StrategySchema = z.enum(STRATEGIES);
export type TStrategy = z.infer<typeof StrategySchema>;
export const CRITICALITIES = ['critical', 'high', 'medium', 'low'] as const;
export const CriticalitySchema = z.enum(CRITICALITIES);
export type TCriticality = z.infer<typeof CriticalitySchema>;
/** Seed 004 「ハイブリッド設計原則」: mainframe or other on-premises servers, private, public or Government Cloud. */
export const PLACEMENTS = ['mainframe', 'on_premises', 'private_cloud', 'public_cloud', 'government_cloud'] as const;
export const PlacementSchema = z.enum(PLACEMENTS);
export type TPlacement = z.infer<typeof PlacementSchema>;
/** Seed 004: secure VPN or a leased line between the sites, data exchanged through an API gateway. */
export const CONNECTIONS = ['vpn', 'dedicated_line', 'api_gateway'] as const;
export const ConnectionSchema = z.enum(CONNECTIONS);
export type TConnection = z.infer<typeof ConnectionSchema>;

export const SYSTEM_FINDING_CODES = [
  'strategyUndecided',
  'rationaleMissing',
  'effortMissing',
  'movingWithoutCloudTarget',
  'retainWithDifferentTarget',
  'retireWithTarget',
  'hybridLinkMissing',
  'apiGatewayRecommended',
  'dependsOnRetired',
  'inCycle',
] as const;

const systemFields = {
  name: text(200),
  description: text(4000, 0),
  criticality: CriticalitySchema,
  strategy: StrategySchema.nullable(),
  /** Person-months, at most one decimal. */
  effortPersonMonths: z
    .number()
    .min(0)
    .max(100_000)
    .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-6, { params: { i18n: 'oneDecimal' } })
    .nullable(),
  rationale: text(4000, 0),
  currentPlacement: PlacementSchema,
  targetPlacement: PlacementSchema.nullable(),
  connections: uniqueList(ConnectionSchema, CONNECTIONS.length),
  workloadIds: uniqueList(IdSchema, 500),
  assetIds: uniqueList(IdSchema, 1000),
  /** Systems of the same organisation this one depends on (never itself). */
  dependsOnIds: uniqueList(IdSchema, 500),
};

export const CreateSystemRequestSchema = z.strictObject({
  name: systemFields.name,
  description: systemFields.description.optional(),
  criticality: systemFields.criticality,
  strategy: systemFields.strategy.optional(),
  effortPersonMonths: systemFields.effortPersonMonths.optional(),
  rationale: systemFields.rationale.optional(),
  currentPlacement: systemFields.currentPlacement,
  targetPlacement: systemFields.targetPlacement.optional(),
  connections: systemFields.connections.optional(),
  workloadIds: systemFields.workloadIds.optional(),
  assetIds: systemFields.assetIds.optional(),
  dependsOnIds: systemFields.dependsOnIds.optional(),
});
export type TCreateSystemRequest = z.input<typeof CreateSystemRequestSchema>;

export const UpdateSystemRequestSchema = updateRequestOf(CreateSystemRequestSchema);
export type TUpdateSystemRequest = z.input<typeof UpdateSystemRequestSchema>;

export const SystemFindingSchema = z.object({
  code: z.enum(SYSTEM_FINDING_CODES),
  tone: z.enum(['info', 'warning']),
  source: z.string(),
  systemIds: z.array(z.string()).optional(),
});
export type TSystemFinding = z.infer<typeof SystemFindingSchema>;

const Ref = z.object({ id: IdSchema, name: z.string() });

export const SystemSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  criticality: CriticalitySchema,
  strategy: StrategySchema.nullable(),
  effortPersonMonths: z.number().nullable(),
  rationale: z.string(),
  currentPlacement: PlacementSchema,
  targetPlacement: PlacementSchema.nullable(),
  /** Where it runs once the strategy is carried out; null when retired. */
  finalPlacement: PlacementSchema.nullable(),
  connections: z.array(ConnectionSchema),
  workloads: z.array(Ref),
  assets: z.array(Ref),
  dependsOn: z.array(Ref),
  /** Systems that depend on this one. */
  dependents: z.array(Ref),
  findings: z.array(SystemFindingSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TSystem = z.infer<typeof SystemSchema>;

export const SystemListSchema = z.object({
  items: z.array(SystemSchema),
  /** Dependency cycles, each as the ids of the systems that form it. */
  cycles: z.array(z.array(IdSchema)),
});

const TextPair = z.object({ ja: z.string(), en: z.string() });

/** The strategy by criticality chart and the placement view. */
export const PortfolioSchema = z.object({
  strategies: z.array(z.object({ code: StrategySchema, id: z.string(), name: TextPair, detail: TextPair.nullable(), source: z.array(z.string()) })),
  systems: z.array(z.object({ id: IdSchema, name: z.string(), criticality: CriticalitySchema, strategy: StrategySchema.nullable(), effortPersonMonths: z.number().nullable() })),
  matrix: z.array(
    z.object({ strategy: StrategySchema.nullable(), criticality: CriticalitySchema, systemIds: z.array(IdSchema), effortPersonMonths: z.number() }),
  ),
  placement: z.object({
    current: z.array(z.object({ placement: z.union([PlacementSchema, z.literal('retired')]), systemIds: z.array(IdSchema) })),
    target: z.array(z.object({ placement: z.union([PlacementSchema, z.literal('retired')]), systemIds: z.array(IdSchema) })),
    boundaryLinks: z.array(z.object({ systemId: IdSchema, dependsOnId: IdSchema, connections: z.array(ConnectionSchema) })),
  }),
  cycles: z.array(z.array(IdSchema)),
  totals: z.object({ systems: z.number().int(), effortPersonMonths: z.number(), undecided: z.number().int() }),
  /** Seed 004's hybrid design principles that the placement view applies, from the catalog. */
  principles: z.array(z.object({ id: z.string(), name: TextPair, source: z.array(z.string()) })),
});
export type TPortfolio = z.infer<typeof PortfolioSchema>;
