import { LogoMark } from '../components/logo-mark'

interface FullPageMessageProps {
  title: string
  detail?: string
  busy?: boolean
  action?: { label: string; onClick: () => void }
}

/** A centred message for the whole window: loading, unreachable, empty. */
export function FullPageMessage({
  title,
  detail,
  busy,
  action,
}: FullPageMessageProps) {
  return (
    <main
      className="full-page-message"
      role={busy ? 'status' : undefined}
      aria-busy={busy || undefined}
    >
      {busy ? (
        <span className="spinner spinner--large" aria-hidden />
      ) : (
        <LogoMark large />
      )}
      <h1>{title}</h1>
      {detail ? <p>{detail}</p> : null}
      {action ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={action.onClick}
        >
          {action.label}
        </button>
      ) : null}
    </main>
  )
}
