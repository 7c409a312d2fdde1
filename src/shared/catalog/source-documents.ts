// The documents the catalog cites: one entry per document, with the one
// title and publisher every screen, report and PDF shows for it. Catalog
// `source` strings name a document by one of its `cites` prefixes and add the
// section after it (citation.rules.ts reads them); `kumoji catalog check`
// refuses a source whose document is not listed here. Plain data, no zod:
// the web app imports it.

export interface TextPair {
  ja: string;
  en: string;
}

export interface SourceDocument {
  /** Stable id, used in code and tests only: screens show the title. */
  id: string;
  title: TextPair;
  /** Who issued it; null when the document names no publisher. */
  publisher: TextPair | null;
  /** How catalog sources name it: a source part starting with one of these is this document (longest wins). */
  cites: readonly string[];
  url?: string;
}

const IPA: TextPair = { ja: '情報処理推進機構(IPA)', en: 'Information-technology Promotion Agency, Japan (IPA)' };
const PPC: TextPair = { ja: '個人情報保護委員会', en: 'Personal Information Protection Commission (PPC)' };
const EU: TextPair = { ja: '欧州連合', en: 'European Union' };

export const SOURCE_DOCUMENTS: readonly SourceDocument[] = [
  {
    // The title and publisher as the seed's cover page prints them (seeds/000_….txt, first lines).
    id: 'seed-000',
    title: { ja: 'クラウドサービスの活用と評価に関する調査研究(2020年)', en: 'Study on the use and evaluation of cloud services (2020)' },
    publisher: { ja: 'システム監査学会', en: 'System Audit Society of Japan' },
    cites: ['000_2afa2b1b220c6436.txt'],
  },
  {
    // The seed has no cover page; its chapters are a guide to moving mainframes to hybrid cloud.
    id: 'seed-004',
    title: { ja: 'メーンフレームのハイブリッドクラウド移行ガイド', en: 'Guide to moving mainframes to hybrid cloud' },
    publisher: null,
    cites: ['004_eaa084eda4e01963.txt'],
  },
  {
    id: 'appi',
    title: { ja: '個人情報の保護に関する法律', en: 'Act on the Protection of Personal Information' },
    publisher: null,
    cites: ['個人情報保護法'],
  },
  {
    id: 'appi-rules',
    title: { ja: '個人情報の保護に関する法律施行規則', en: 'Enforcement Rules for the Act on the Protection of Personal Information' },
    publisher: PPC,
    cites: ['個人情報保護法施行規則'],
  },
  {
    id: 'ppc-guidelines-general',
    title: { ja: '個人情報の保護に関する法律についてのガイドライン(通則編)', en: 'Guidelines for the Act on the Protection of Personal Information (General Rules)' },
    publisher: PPC,
    cites: ['個人情報保護委員会ガイドライン(通則編)'],
  },
  {
    id: 'ppc-leak-action',
    title: { ja: '漏えい等の対応とお役立ち資料', en: 'Responding to personal data leaks' },
    publisher: PPC,
    cites: ['PPC https://www.ppc.go.jp/personalinfo/legal/leakAction/'],
    url: 'https://www.ppc.go.jp/personalinfo/legal/leakAction/',
  },
  {
    id: 'national-holidays-act',
    title: { ja: '国民の祝日に関する法律', en: 'Act on National Holidays' },
    publisher: null,
    cites: ['国民の祝日に関する法律'],
  },
  {
    id: 'cao-national-holidays',
    title: { ja: '国民の祝日について', en: 'National holidays' },
    publisher: { ja: '内閣府', en: 'Cabinet Office' },
    cites: ['内閣府「国民の祝日について」'],
    url: 'https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html',
  },
  {
    id: 'administrative-holidays-act',
    title: { ja: '行政機関の休日に関する法律', en: 'Act on Holidays of Administrative Organs' },
    publisher: null,
    cites: ['行政機関の休日に関する法律'],
  },
  {
    id: 'gdpr',
    title: { ja: '一般データ保護規則(GDPR, 規則 (EU) 2016/679)', en: 'General Data Protection Regulation (GDPR, Regulation (EU) 2016/679)' },
    publisher: EU,
    cites: ['GDPR'],
  },
  {
    id: 'nis2',
    title: { ja: 'NIS2指令(指令 (EU) 2022/2555)', en: 'NIS2 Directive (Directive (EU) 2022/2555)' },
    publisher: EU,
    cites: ['Directive (EU) 2022/2555 (NIS2)'],
  },
  {
    id: 'ipa-10-threats',
    title: { ja: '情報セキュリティ10大脅威(組織編)', en: 'Top 10 Information Security Threats (organisations)' },
    publisher: IPA,
    cites: ['IPA 情報セキュリティ10大脅威'],
  },
  {
    id: 'ipa-sme-guidelines',
    title: { ja: '中小企業の情報セキュリティ対策ガイドライン', en: 'Information security guidelines for small and medium-sized enterprises' },
    publisher: IPA,
    cites: ['IPA 中小企業の情報セキュリティ対策ガイドライン'],
  },
  {
    id: 'meti-cyber-management-guidelines',
    title: { ja: 'サイバーセキュリティ経営ガイドライン', en: 'Cyber Security Management Guidelines' },
    publisher: { ja: '経済産業省・情報処理推進機構(IPA)', en: 'Ministry of Economy, Trade and Industry (METI) and IPA' },
    cites: ['サイバーセキュリティ経営ガイドライン', '経済産業省・IPA サイバーセキュリティ経営ガイドライン'],
  },
  {
    id: 'ismap',
    title: { ja: '政府情報システムのためのセキュリティ評価制度(ISMAP)', en: 'Information system Security Management and Assessment Program (ISMAP)' },
    publisher: { ja: 'ISMAP運営委員会', en: 'ISMAP Steering Committee' },
    cites: ['ISMAP'],
    url: 'https://www.ismap.go.jp/',
  },
  {
    id: 'iso-27017',
    title: { ja: 'ISO/IEC 27017 クラウドサービスのための情報セキュリティ管理策', en: 'ISO/IEC 27017 Information security controls for cloud services' },
    publisher: { ja: 'ISO/IEC', en: 'ISO/IEC' },
    cites: ['ISO/IEC 27017'],
  },
  {
    id: 'aws-migration-hub-strategy',
    title: { ja: 'AWS Migration Hub Strategy Recommendations', en: 'AWS Migration Hub Strategy Recommendations' },
    publisher: { ja: 'Amazon Web Services', en: 'Amazon Web Services' },
    cites: ['AWS Migration Hub Strategy'],
  },
  {
    // The project's own notes of what public sources say where a seed is out of
    // date (../shared/FACTS.md). Shown only when a source cites nothing else:
    // beside a public document it is a note for maintainers, not a citation.
    id: 'kumoji-facts',
    title: { ja: '公開情報による確認事項', en: 'Points checked against public sources' },
    publisher: { ja: 'Kumoji', en: 'Kumoji' },
    cites: ['FACTS.md'],
  },
];

export const FACTS_DOCUMENT_ID = 'kumoji-facts';

/** The topics of FACTS.md's numbered sections, as its readers see them. */
export const FACTS_SECTIONS: Readonly<Record<string, TextPair>> = {
  '1': { ja: '個人情報の漏えい等の報告', en: 'personal data breach reporting' },
  '2': { ja: 'その他の報告制度', en: 'other reporting regimes' },
  '3': { ja: '情報セキュリティ10大脅威', en: 'top 10 information security threats' },
  '4': { ja: 'ガイドライン', en: 'guidance texts' },
  '5': { ja: '実務', en: 'practice' },
};

const byId = new Map(SOURCE_DOCUMENTS.map((document) => [document.id, document]));

export function sourceDocument(id: string): SourceDocument | undefined {
  return byId.get(id);
}
