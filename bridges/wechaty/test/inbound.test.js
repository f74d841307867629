import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileBox } from 'file-box'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { createBridge } from '../src/bridge.js'
import { readConfig } from '../src/config.js'
import { freePort } from './host-process.js'

const SECRET = 'inbound-test-secret'
const quiet = { info () {}, warn () {}, error () {} }
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

test('what residents say in a room reaches the gateway with sender, mentions, quotes and images', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'bridge-inbound-'))
  const received = []
  const gateway = createServer(async (request, response) => {
    const chunks = []
    for await (const chunk of request) chunks.push(chunk)
    received.push(JSON.parse(Buffer.concat(chunks)))
    response.writeHead(200).end('{"status":"accepted"}')
  })
  await new Promise(done => gateway.listen(0, '127.0.0.1', done))
  const config = readConfig({
    GROUPBUY_GATEWAY_URL: `http://127.0.0.1:${gateway.address().port}`,
    GROUPBUY_GATEWAY_SECRET: SECRET,
    BRIDGE_PORT: String(await freePort()),
    BRIDGE_STATE_DIR: folder,
  })
  const mocker = new mock.Mocker()
  const wechaty = WechatyBuilder.build({ name: 'inbound-test', puppet: new PuppetMock({ mocker }) })
  const bridge = createBridge({ wechaty, config, log: quiet })
  try {
    await bridge.start()
    await wechaty.start()
    const bot = mocker.createContact({ name: '团购助手' })
    mocker.login(bot)
    const wang = mocker.createContact({ name: '王阿姨' })
    const li = mocker.createContact({ name: '李叔' })
    const room = mocker.createRoom({ topic: '阳光花园3栋团购群', memberIdList: [bot.id, wang.id, li.id] })

    wang.say('苹果+2').to(room)
    li.say('「王阿姨：苹果+2」\n- - - - - - - - - - - - - - -\n我也要一样的').to(room)
    li.say('@团购助手 帮助', [bot]).to(room)
    wang.say(FileBox.fromBase64(PNG.toString('base64'), 'broken-apple.png')).to(room)
    bot.say('机器人自己说的话不转发').to(room)
    for (let i = 0; i < 200 && received.length < 4; i++) await new Promise(done => setTimeout(done, 50))
    await new Promise(done => setTimeout(done, 300))

    assert.equal(received.length, 4, 'the bot\'s own words are not forwarded')
    const [order, quote, help, image] = received
    assert.equal(order.chatId, room.id)
    assert.equal(order.senderId, wang.id)
    assert.equal(order.senderName, '王阿姨')
    assert.equal(order.type, 'text')
    assert.equal(order.text, '苹果+2')
    assert.ok(order.messageId && !Number.isNaN(Date.parse(order.sentAt)))
    assert.equal(quote.text, '我也要一样的')
    assert.equal(quote.quotedMessageId, order.messageId)
    assert.deepEqual(help.mentions, [bot.id])
    assert.equal(image.type, 'image')
    const served = await fetch(image.imageUrl)
    assert.equal(served.status, 200)
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), PNG)
  } finally {
    await bridge.stop()
    await wechaty.stop()
    await new Promise(done => gateway.close(done))
    await rm(folder, { recursive: true, force: true })
  }
})
