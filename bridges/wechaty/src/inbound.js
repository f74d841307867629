import { mkdir, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'

// WeChat shows a quote as 「name：quoted text」, a dashed line, then the reply.
const QUOTE = /^「([^：:]{1,64})[：:]([\s\S]*?)」\n[-\s]{5,}\n([\s\S]*)$/
const RECENT_PER_ROOM = 500

/**
 * Turns what a Wechaty puppet heard in a room into the gateway's message body: the room as chat,
 * the Wechaty message id, the sender with their room alias, mentions as contact ids, an image as
 * a URL this bridge serves, and a quoted message found among the room's recent ones.
 */
export class InboundReader {
  #media
  #publicUrl
  #recent = new Map()

  constructor ({ stateDir, publicUrl }) {
    this.#media = join(stateDir, 'media')
    this.#publicUrl = publicUrl
  }

  get mediaFolder () {
    return this.#media
  }

  /** Images older than the host needs them (it fetches one when the message is processed) go. */
  async pruneMedia (olderThanMs = 7 * 24 * 3600_000) {
    const names = await readdir(this.#media).catch(() => [])
    for (const name of names) {
      const file = join(this.#media, name)
      if ((await stat(file)).mtimeMs < Date.now() - olderThanMs) {
        await unlink(file).catch(() => {})
      }
    }
  }

  /** The body to forward, or null for what is not a resident speaking in a room. */
  async read (message, types) {
    const room = message.room()
    if (!room || message.self()) {
      return null
    }

    const talker = message.talker()
    const senderName = (await room.alias(talker).catch(() => null)) || talker.name() || ''
    const sentAt = (message.date?.() ?? new Date()).toISOString()
    const base = {
      messageId: message.id,
      chatId: room.id,
      senderId: talker.id,
      senderName,
      sentAt,
      mentions: (await message.mentionList().catch(() => [])).map(contact => contact.id),
    }

    if (message.type() === types.Image) {
      return { ...base, type: 'image', imageUrl: await this.#keepImage(message) }
    }
    if (message.type() !== types.Text) {
      return null
    }

    let text = message.text()
    let quotedMessageId = null
    const quote = QUOTE.exec(text)
    if (quote) {
      const [, name, quoted, reply] = quote
      quotedMessageId = this.#find(room.id, name.trim(), quoted.trim())
      text = reply.trim()
    }

    this.#remember(room.id, { id: message.id, name: senderName, text })
    return { ...base, type: 'text', text, quotedMessageId }
  }

  async #keepImage (message) {
    const file = await message.toFileBox()
    await mkdir(this.#media, { recursive: true })
    const extension = (file.name.match(/\.(jpe?g|png|gif|webp)$/i)?.[0] ?? '.jpg').toLowerCase()
    const name = `${randomUUID()}${extension}`
    await file.toFile(join(this.#media, name), true)
    return new URL(`/media/${name}`, this.#publicUrl).toString()
  }

  #remember (roomId, entry) {
    const list = this.#recent.get(roomId) ?? []
    list.push(entry)
    if (list.length > RECENT_PER_ROOM) {
      list.shift()
    }
    this.#recent.set(roomId, list)
  }

  #find (roomId, name, text) {
    const list = this.#recent.get(roomId) ?? []
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].name === name && (list[i].text === text || list[i].text.startsWith(text))) {
        return list[i].id
      }
    }
    return null
  }
}
