/** `npm run i18n`: compiles the messages (messages/<locale>/*.json) into src/lib/paraglide. */
import { compile } from '@inlang/paraglide-js';
import { i18nOptions } from '../i18n.config.js';

await compile(i18nOptions as Parameters<typeof compile>[0]);
