/** The Tessera mark: four tiles (styled by `.logo-mark` in app.css). Decorative. */
export function LogoMark({ large = false }: { large?: boolean }) {
  return (
    <span
      className={large ? 'logo-mark logo-mark--large' : 'logo-mark'}
      aria-hidden
    >
      <i />
      <i />
      <i />
      <i />
    </span>
  )
}
