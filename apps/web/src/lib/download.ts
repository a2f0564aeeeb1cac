/**
 * Hands the browser a file made in the page (a CSV) to save, under `filename` with the
 * characters no file system accepts replaced.
 */
export function downloadText(
  filename: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename.replace(/[\\/:*?"<>|]/g, '-')
  a.click()
  URL.revokeObjectURL(url)
}
