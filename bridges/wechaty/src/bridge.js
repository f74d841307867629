import { Forwarder } from './forwarder.js'
import { InboundReader } from './inbound.js'
import { createOutboundServer } from './outbound.js'
import { RoomPace } from './room-pace.js'
import { SentKeys } from './sent-keys.js'

/**
 * The bridge around a started-or-not Wechaty instance: what the puppet hears in rooms goes to the
 * host's gateway, what the host posts to /send is said in WeChat.
 */
export function createBridge ({ wechaty, config, log = console }) {
  const forwarder = new Forwarder({ ...config, log })
  const reader = new InboundReader(config)
  const sentKeys = new SentKeys(config.stateDir)
  const server = createOutboundServer({
    config,
    sentKeys,
    pace: new RoomPace(config.roomMessagesPerMinute),
    mediaFolder: reader.mediaFolder,
    say: message => say(wechaty, message),
    log,
  })

  // Messages are taken in one at a time: reading one waits on the puppet (the sender's alias,
  // mentions, an image), and the next must not overtake it on its way to the queue.
  let intake = Promise.resolve()
  const roomsSeen = new Set()
  const take = async message => {
    try {
      const body = await reader.read(message, wechaty.Message.Type)
      if (body && !roomsSeen.has(body.chatId)) {
        // What ops need to register the room (POST /api/groups): its id, and who is speaking.
        roomsSeen.add(body.chatId)
        log.info(`room ${await message.room().topic().catch(() => '?')} is ${body.chatId}; first heard from ${body.senderName} (${body.senderId})`)
      }
      if (body) {
        await forwarder.enqueue(body)
      }
    } catch (error) {
      log.error(`could not take in message ${message.id}: ${error.message}`)
    }
  }
  const onMessage = message => {
    intake = intake.then(() => take(message))
  }

  return {
    forwarder,
    async start () {
      await sentKeys.load()
      await reader.pruneMedia()
      await forwarder.start()
      wechaty.on('message', onMessage)
      await new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(config.port, config.host, resolve)
      })
      log.info(`bridge listening on ${config.host}:${config.port}, forwarding to ${config.gatewayUrl}`)
    },
    async stop () {
      wechaty.off('message', onMessage)
      await intake
      const closed = new Promise(resolve => server.close(resolve))
      server.closeAllConnections()
      await closed
      await forwarder.stop()
    },
  }
}

async function say (wechaty, message) {
  if (message.chatId) {
    const room = await wechaty.Room.find({ id: message.chatId })
    if (!room) {
      throw new Error(`no room ${message.chatId}`)
    }
    const mentioned = []
    for (const id of message.mentions ?? []) {
      const contact = await wechaty.Contact.find({ id })
      if (contact) {
        mentioned.push(contact)
      }
    }
    await room.say(message.text, ...mentioned)
    return
  }

  const contact = await wechaty.Contact.find({ id: message.toUserId })
  if (!contact) {
    throw new Error(`no contact ${message.toUserId}`)
  }
  await contact.say(message.text)
}
