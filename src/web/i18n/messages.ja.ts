/// <reference types="vite/client" />
import { mergeMessages, type MessageTree } from '../../shared/i18n/messages.ts';

/** Every module's Japanese messages, merged into one lazy chunk (i18n.ts loads it when Japanese is shown). */
export default mergeMessages(import.meta.glob<MessageTree>('../../shared/i18n/*/ja.json', { eager: true, import: 'default' }));
