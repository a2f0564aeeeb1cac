/**
 * WebSocket close codes for the Yjs hub, named (hocuspocus `CloseEvents.ts` habit) so a
 * client and a log can tell "you may not" from "try again". 4000–4999 are application codes.
 */
export const CloseCode = {
  /** The document name is not one the hub serves. */
  BadDocName: 4400,
  /** No valid session cookie. */
  Unauthorized: 4401,
  /** Signed in, but this role may not open this document. */
  Forbidden: 4403,
  /** A frame could not be decoded; the connection is dropped, the document is untouched. */
  MalformedMessage: 4422,
  /** A frame larger than the hub accepts (the websocket standard's "message too big"). */
  TooLarge: 1009,
  /**
   * Who may open the document changed (deleted, archived, submitted for review): the client
   * reconnects and is let in again as the new rules say, or refused. Outside 4400–4499 on
   * purpose: y-websocket does not reconnect after those.
   */
  AccessChanged: 4100,
  /** The server is shutting down or evicting the room; reconnect. */
  GoingAway: 1001,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
