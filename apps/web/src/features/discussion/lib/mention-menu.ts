import type {
  SuggestionKeyDownProps,
  SuggestionProps,
} from '@tiptap/suggestion'
import { i18n } from '../../../i18n'

export interface MentionItem {
  id: string
  name: string
  role: string
}

/**
 * The @mention autocomplete's menu: a small list under the caret, driven by tiptap's
 * suggestion plugin (arrow keys, Enter or Tab to pick, Escape to close). Built with plain
 * DOM because it lives outside React's tree, next to the editor's own view; every label is
 * set as text, never as HTML.
 */
export function mentionMenu() {
  let root: HTMLDivElement | null = null
  let props: SuggestionProps<MentionItem> | null = null
  let active = 0

  const pick = (i: number) => {
    const item = props?.items[i]
    if (item && props) props.command({ id: item.id, label: item.name })
  }
  const draw = () => {
    if (!root || !props) return
    root.replaceChildren()
    if (props.items.length === 0) {
      const empty = document.createElement('div')
      empty.className = 'mention-menu__empty'
      empty.textContent = i18n.t('discussion.editor.nobody')
      root.append(empty)
    }
    props.items.forEach((item, i) => {
      const option = document.createElement('button')
      option.type = 'button'
      option.className = 'mention-menu__item'
      option.setAttribute('role', 'option')
      option.setAttribute('aria-selected', String(i === active))
      const name = document.createElement('span')
      name.textContent = item.name
      const role = document.createElement('span')
      role.className = 'mention-menu__role'
      role.textContent = item.role
      option.append(name, role)
      // mousedown, not click: a click would first blur the editor and end the suggestion.
      option.addEventListener('mousedown', (e) => {
        e.preventDefault()
        pick(i)
      })
      root!.append(option)
    })
    const rect = props.clientRect?.()
    if (rect) {
      root.style.left = `${Math.round(rect.left + window.scrollX)}px`
      root.style.top = `${Math.round(rect.bottom + window.scrollY + 4)}px`
    }
  }
  return {
    onStart(p: SuggestionProps<MentionItem>) {
      props = p
      active = 0
      root = document.createElement('div')
      root.className = 'mention-menu'
      root.setAttribute('role', 'listbox')
      root.dataset['testid'] = 'mention-menu'
      document.body.append(root)
      draw()
    },
    onUpdate(p: SuggestionProps<MentionItem>) {
      props = p
      active = Math.min(active, Math.max(0, p.items.length - 1))
      draw()
    },
    onKeyDown({ event }: SuggestionKeyDownProps) {
      const n = props?.items.length ?? 0
      if (event.key === 'Escape') {
        root?.remove()
        root = null
        return true
      }
      if (n === 0) return false
      if (event.key === 'ArrowDown') active = (active + 1) % n
      else if (event.key === 'ArrowUp') active = (active + n - 1) % n
      else if (event.key === 'Enter' || event.key === 'Tab') {
        pick(active)
        return true
      } else return false
      draw()
      return true
    },
    onExit() {
      root?.remove()
      root = null
      props = null
    },
  }
}
