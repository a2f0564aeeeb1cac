import { errorMessage } from '../../../lib/errors'

/** A failed request, said in the server's words (nothing when there is no error). */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <p className="discussion__error" role="alert">
      {errorMessage(error)}
    </p>
  )
}
