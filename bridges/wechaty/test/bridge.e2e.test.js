import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { createBridge } from '../src/bridge.js'
import { readConfig } from '../src/config.js'
import { HostProcess, freePort } from './host-process.js'

const SECRET = 'bridge-test-secret-5e2a'
const quiet = { info () {}, warn () {}, error (text) { console.error(text) } }

async function eventually (what, read, seconds = 60) {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    const value = await read()
    if (value) {
      return value
    }
    await new Promise(done => setTimeout(done, 200))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

test('a mocked room orders, is cut off and gets its pickup codes through the bridge, each message once, across a bridge restart', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'groupbuy-bridge-'))
  const bridgePort = await freePort()
  const host = new HostProcess({
    port: await freePort(),
    workFolder: folder,
    settings: {
      'Storage:Provider': 'Sqlite',
      'ConnectionStrings:GroupBuy': `Data Source=${join(folder, 'groupbuy.db')}`,
      'Admin:ApiKey': 'bridge-test-admin-key',
      'Gateway:Secret': SECRET,
      'Gateway:OutboundUrl': `http://127.0.0.1:${bridgePort}/send`,
      'Ordering:AckDelaySeconds': '1',
      'Outbox:PollMilliseconds': '200',
      'Simulator:DemoOnFirstStart': 'false',
      'Logging:LogLevel:Default': 'Warning',
    },
  })
  const config = readConfig({
    GROUPBUY_GATEWAY_URL: host.url,
    GROUPBUY_GATEWAY_SECRET: SECRET,
    BRIDGE_PORT: String(bridgePort),
    BRIDGE_STATE_DIR: join(folder, 'bridge-state'),
  })

  const mocker = new mock.Mocker()
  const wechaty = WechatyBuilder.build({ name: 'bridge-test', puppet: new PuppetMock({ mocker }) })
  let bridge = createBridge({ wechaty, config, log: quiet })
  const heard = []
  try {
    await host.start()
    await bridge.start()
    await wechaty.start()

    const bot = mocker.createContact({ name: '团购助手' })
    mocker.login(bot)
    const leader = mocker.createContact({ name: '李姐' })
    const wang = mocker.createContact({ name: '王阿姨' })
    const li = mocker.createContact({ name: '李叔' })
    const zhang = mocker.createContact({ name: '张阿姨' })
    const room = mocker.createRoom({ topic: '阳光花园3栋团购群', memberIdList: [bot.id, leader.id, wang.id, li.id, zhang.id] })
    room.on('message', said => {
      if (said.payload.talkerId === bot.id) {
        heard.push(said.payload.text)
      }
    })
    const heardOnce = (what, match) => eventually(what, () => heard.find(match))

    await host.admin('POST', '/api/groups', { chatId: room.id, channel: 'gateway', name: '阳光花园3栋团购群', community: '阳光花园', leaderId: leader.id, leaderName: '李姐' })
    const inHours = hours => new Date(Date.now() + hours * 3600_000).toISOString()
    const campaign = await host.admin('POST', '/api/campaigns', {
      title: '周四鲜果',
      chatIds: [room.id],
      closesAt: inHours(24),
      pickupAt: inHours(48),
      pickupPoint: '3栋大堂快递柜旁',
      items: [
        { name: '红富士苹果', aliases: ['苹果'], price: 12.8, referencePrice: 15.8, category: '生鲜', stock: 100 },
        { name: '香蕉', aliases: [], price: 6, referencePrice: 7, category: '生鲜', stock: 100 },
        { name: '土鸡蛋', aliases: ['鸡蛋'], price: 19.9, referencePrice: 25, category: '生鲜', stock: 100 },
      ],
    })
    await host.admin('POST', `/api/campaigns/${campaign.id}/publish`)
    await heardOnce('the preview', text => text.startsWith('【周四鲜果】开团啦'))

    wang.say('苹果+2').to(room)
    li.say('3号+1').to(room)
    zhang.say('#接龙 周四鲜果\n1. 张阿姨 香蕉+3').to(room)
    const orders = async () => Object.fromEntries((await host.admin('GET', `/api/campaigns/${campaign.id}/orders`))
      .map(o => [o.residentId, o.lines.map(l => `${l.itemNo}:${l.quantity}`).join(' ')]))
    const expected = { [wang.id]: '1:2', [li.id]: '3:1', [zhang.id]: '2:3' }
    await eventually('three orders', async () => Object.keys(await orders()).length === 3)
    assert.deepEqual(await orders(), expected)
    for (const name of ['王阿姨', '李叔', '张阿姨']) {
      await heardOnce(`the acknowledgement of ${name}`, text => text.includes('已记下【周四鲜果】') && text.includes(`${name}：`))
    }

    // The host goes down; the leader's 截单 is heard and kept on disk; the bridge restarts with it
    // still unsent; the host comes back and gets it once.
    await host.kill()
    leader.say('截单').to(room)
    await eventually('the cut-off kept on disk', async () => (await readdir(join(config.stateDir, 'pending'))).some(n => n.endsWith('.json')))
    await bridge.stop()
    bridge = createBridge({ wechaty, config, log: quiet })
    await bridge.start()
    assert.equal(bridge.forwarder.pending, 1)
    await host.start()
    await heardOnce('the cut-off', text => text.startsWith('【周四鲜果】已截单'))

    leader.say('到货').to(room)
    const arrival = await heardOnce('the arrival', text => text.includes('【周四鲜果】到货啦'))
    for (const name of ['王阿姨', '李叔', '张阿姨']) {
      assert.match(arrival, new RegExp(`${name}：\\S+（`), `${name} has a pickup code`)
    }

    // Let anything sent twice arrive, then count: every message the room heard, once.
    await new Promise(done => setTimeout(done, 1500))
    assert.deepEqual(heard.filter((text, i) => heard.indexOf(text) !== i), [], 'no message was said twice')
    assert.equal(heard.filter(text => text.startsWith('【周四鲜果】已截单')).length, 1)
    assert.deepEqual(await orders(), expected)
  } catch (error) {
    error.message += `\n--- the room heard ---\n${heard.join('\n---\n')}\n--- host output ---\n${host.output.slice(-3000)}`
    throw error
  } finally {
    await bridge.stop().catch(() => {})
    await wechaty.stop().catch(() => {})
    await host.kill()
    await rm(folder, { recursive: true, force: true })
  }
})
