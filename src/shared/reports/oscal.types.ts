// The parts of the OSCAL 1.1.2 models Kumoji writes, as TypeScript types
// (field names as OSCAL's JSON spells them). Lists are left out rather than
// sent empty: OSCAL's lists hold at least one item. The JSON Schemas in
// ./oscal-structure/ check the same structure at run time in the tests.

export interface OscalProp {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

export interface OscalLink {
  href: string;
  rel?: string;
  'media-type'?: string;
  text?: string;
}

export interface OscalParty {
  uuid: string;
  type: 'person' | 'organization';
  name?: string;
}

export interface OscalMetadata {
  title: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  props?: OscalProp[];
  links?: OscalLink[];
  roles?: { id: string; title: string }[];
  parties?: OscalParty[];
  'responsible-parties'?: { 'role-id': string; 'party-uuids': string[] }[];
  remarks?: string;
}

export interface OscalResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProp[];
  citation?: { text: string };
  rlinks?: { href: string; 'media-type'?: string }[];
  remarks?: string;
}

export interface OscalBackMatter {
  resources?: OscalResource[];
}

export interface OscalPart {
  id?: string;
  name: string;
  ns?: string;
  title?: string;
  props?: OscalProp[];
  prose?: string;
  parts?: OscalPart[];
}

export interface OscalControl {
  id: string;
  title: string;
  class?: string;
  props?: OscalProp[];
  links?: OscalLink[];
  parts?: OscalPart[];
}

export interface OscalGroup {
  id?: string;
  title: string;
  props?: OscalProp[];
  links?: OscalLink[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}

export interface OscalCatalog {
  catalog: { uuid: string; metadata: OscalMetadata; groups?: OscalGroup[]; 'back-matter'?: OscalBackMatter };
}

export interface OscalSelectControls {
  'with-ids'?: string[];
}

export interface OscalImport {
  href: string;
  'include-all'?: Record<string, never>;
  'include-controls'?: OscalSelectControls[];
  'exclude-controls'?: OscalSelectControls[];
}

export interface OscalAlter {
  'control-id': string;
  adds?: { position?: 'before' | 'after' | 'starting' | 'ending'; props?: OscalProp[] }[];
}

export interface OscalProfile {
  profile: { uuid: string; metadata: OscalMetadata; imports: OscalImport[]; modify?: { alters?: OscalAlter[] }; 'back-matter'?: OscalBackMatter };
}

export interface OscalObservation {
  uuid: string;
  title?: string;
  description: string;
  props?: OscalProp[];
  links?: OscalLink[];
  methods: ('EXAMINE' | 'INTERVIEW' | 'TEST' | 'UNKNOWN')[];
  'relevant-evidence'?: { href?: string; description: string; props?: OscalProp[] }[];
  collected: string;
  remarks?: string;
}

export interface OscalFinding {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProp[];
  target: {
    type: 'statement-id' | 'objective-id';
    'target-id': string;
    status: { state: 'satisfied' | 'not-satisfied'; reason?: string; remarks?: string };
    'implementation-status'?: { state: string; remarks?: string };
  };
  'related-observations'?: { 'observation-uuid': string }[];
  remarks?: string;
}

export interface OscalResult {
  uuid: string;
  title: string;
  description: string;
  start: string;
  end?: string;
  props?: OscalProp[];
  'reviewed-controls': {
    description?: string;
    'control-selections': { description?: string; 'include-controls'?: { 'control-id': string }[] }[];
  };
  observations?: OscalObservation[];
  findings?: OscalFinding[];
}

export interface OscalAssessmentResults {
  'assessment-results': { uuid: string; metadata: OscalMetadata; 'import-ap': { href: string; remarks?: string }; results: OscalResult[]; 'back-matter'?: OscalBackMatter };
}

export interface OscalTask {
  uuid: string;
  type: 'milestone' | 'action';
  title: string;
  description?: string;
  timing?: { 'on-date': { date: string } };
}

export interface OscalRisk {
  uuid: string;
  title: string;
  description: string;
  statement: string;
  props?: OscalProp[];
  status: 'open' | 'investigating' | 'remediating' | 'deviation-requested' | 'deviation-approved' | 'closed';
  deadline?: string;
  remediations?: { uuid: string; lifecycle: 'recommendation' | 'planned' | 'completed'; title: string; description: string; tasks?: OscalTask[] }[];
  'related-observations'?: { 'observation-uuid': string }[];
}

export interface OscalPoamItem {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProp[];
  links?: OscalLink[];
  'related-observations'?: { 'observation-uuid': string }[];
  'related-risks'?: { 'risk-uuid': string }[];
  remarks?: string;
}

export interface OscalPoam {
  'plan-of-action-and-milestones': {
    uuid: string;
    metadata: OscalMetadata;
    'system-id': { 'identifier-type'?: string; id: string };
    observations?: OscalObservation[];
    risks?: OscalRisk[];
    'poam-items': OscalPoamItem[];
    'back-matter'?: OscalBackMatter;
  };
}

export type OscalDocument = OscalCatalog | OscalProfile | OscalAssessmentResults | OscalPoam;
