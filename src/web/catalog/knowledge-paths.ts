/** Addresses of the knowledge-base pages; ids are URNs, URL-encoded in the path. */
export const KNOWLEDGE_PATH = '/knowledge';
export const GLOSSARY_PATH = '/knowledge/glossary';
export const OWN_FILE_PATH = '/knowledge/upload';

export const collectionPath = (collectionId: string) => `${KNOWLEDGE_PATH}/collections/${encodeURIComponent(collectionId)}`;
export const itemPath = (itemId: string) => `${KNOWLEDGE_PATH}/items/${encodeURIComponent(itemId)}`;
export const searchPath = (q?: string) => `${KNOWLEDGE_PATH}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`;
