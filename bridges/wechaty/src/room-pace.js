/**
 * WeChat treats a room that gets many messages quickly as spam, which can cost the account. Each
 * room takes at most `perMinute` messages in any minute; past that the host is told when to come
 * back (429 with Retry-After), and its outbox waits.
 */
export class RoomPace {
  #perMinute
  #sent = new Map()
  #now

  constructor (perMinute, now = () => Date.now()) {
    this.#perMinute = perMinute
    this.#now = now
  }

  /** 0 when the room may be sent to now (and counts it), else the seconds to wait. */
  take (roomId) {
    const now = this.#now()
    for (const [id, times] of this.#sent) {
      if (times[times.length - 1] <= now - 60_000) {
        this.#sent.delete(id)
      }
    }
    const recent = (this.#sent.get(roomId) ?? []).filter(at => at > now - 60_000)
    if (recent.length >= this.#perMinute) {
      this.#sent.set(roomId, recent)
      return Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000))
    }
    recent.push(now)
    this.#sent.set(roomId, recent)
    return 0
  }

  /** Gives back the slot taken for a message that could not be said. */
  release (roomId) {
    const recent = this.#sent.get(roomId)
    recent?.pop()
    if (recent?.length === 0) {
      this.#sent.delete(roomId)
    }
  }
}
