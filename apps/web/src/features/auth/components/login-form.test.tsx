// @vitest-environment jsdom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LoginForm } from './login-form'

// React's act() needs to be told it runs in a test environment.
;(
  globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
).IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLDivElement
let root: Root

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})
afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

const byTestId = <T extends HTMLElement>(id: string) =>
  container.querySelector<T>(`[data-testid="${id}"]`)

function input(id: string): HTMLInputElement {
  const element = byTestId<HTMLInputElement>(id)
  if (!element) throw new Error(`no ${id}`)
  return element
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(
    HTMLInputElement.prototype,
    'value',
  )?.set
  setter?.call(input, value)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('LoginForm', () => {
  it('asks for the missing field before calling the server', () => {
    const onSubmit = vi.fn()
    act(() =>
      root.render(
        <LoginForm pending={false} error={null} onSubmit={onSubmit} />,
      ),
    )
    act(() => byTestId<HTMLButtonElement>('login-submit')?.click())
    expect(byTestId('login-error')?.textContent).toContain('Enter your email.')
    act(() => type(input('login-email'), 'planner@example.com'))
    act(() => byTestId<HTMLButtonElement>('login-submit')?.click())
    expect(byTestId('login-error')?.textContent).toContain(
      'Enter your password.',
    )
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('submits trimmed credentials and shows the server’s message', () => {
    const onSubmit = vi.fn()
    act(() =>
      root.render(
        <LoginForm pending={false} error={null} onSubmit={onSubmit} />,
      ),
    )
    act(() => type(input('login-email'), '  planner@example.com '))
    act(() => type(input('login-password'), 'secret'))
    act(() => byTestId<HTMLButtonElement>('login-submit')?.click())
    expect(onSubmit).toHaveBeenCalledWith({
      email: 'planner@example.com',
      password: 'secret',
    })
    expect(byTestId('login-error')).toBeNull()

    act(() =>
      root.render(<LoginForm pending error={null} onSubmit={onSubmit} />),
    )
    expect(byTestId<HTMLButtonElement>('login-submit')?.disabled).toBe(true)
    expect(byTestId('login-submit')?.textContent).toContain('Signing in')

    act(() =>
      root.render(
        <LoginForm
          pending={false}
          error="Wrong email or password."
          onSubmit={onSubmit}
        />,
      ),
    )
    expect(byTestId('login-error')?.textContent).toContain(
      'Wrong email or password.',
    )
    expect(byTestId<HTMLButtonElement>('login-submit')?.disabled).toBe(false)
  })
})
