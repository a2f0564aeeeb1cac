import type { en } from './en'

// Types every `t()` call by the English messages: an unknown key, or a message called
// without the values its placeholders name, fails type-check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
