import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOutboundServer } from '../src/outbound.js'
import { RoomPace } from '../src/room-pace.js'
import { SentKeys } from '../src/sent-keys.js'
import { signedHeaders } from '../src/signature.js'

const SECRET = 'outbound-test-secret'
const quiet = { info () {}, warn () {}, error () {} }

async function bridge ({ perMinute = 20, fail = false, slow = 0 } = {}) {
  const stateDir = await mkdtemp(join(tmpdir(), 'outbound-'))
  const said = []
  const sentKeys = new SentKeys(stateDir)
  await sentKeys.load()
  const server = createOutboundServer({
    config: { gatewaySecret: SECRET },
    sentKeys,
    pace: new RoomPace(perMinute),
    mediaFolder: join(stateDir, 'media'),
    say: async message => {
      await new Promise(done => setTimeout(done, slow))
      if (fail) throw new Error('logged out')
      said.push(message)
    },
    log: quiet,
  })
  await new Promise(done => server.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${server.address().port}/send`
  const post = (message, headers) => {
    const body = Buffer.from(JSON.stringify(message))
    return fetch(url, { method: 'POST', headers: headers ?? signedHeaders(SECRET, body), body })
  }
  return {
    said, post, stateDir,
    close: async () => { await new Promise(done => server.close(done)); await rm(stateDir, { recursive: true, force: true }) },
  }
}

const toRoom = (key, text = '已记下') => ({ chatId: 'room-1@chatroom', toUserId: null, text, mentions: ['wxid-wang'], idempotencyKey: key })

test('a signed message is said once; the same idempotency key again is dropped, also after a restart', async () => {
  const b = await bridge()
  try {
    assert.equal((await b.post(toRoom('ack:1'))).status, 200)
    const again = await b.post(toRoom('ack:1'))
    assert.equal(again.status, 200)
    assert.equal((await again.json()).status, 'duplicate')
    assert.deepEqual(b.said.map(m => m.idempotencyKey), ['ack:1'])
    assert.deepEqual(b.said[0].mentions, ['wxid-wang'])

    const reloaded = new SentKeys(b.stateDir)
    await reloaded.load()
    assert.ok(reloaded.has('ack:1'))
  } finally {
    await b.close()
  }
})

test('a wrong, stale or missing signature is refused with 401 and nothing is said', async () => {
  const b = await bridge()
  try {
    const body = Buffer.from(JSON.stringify(toRoom('ack:2')))
    const forged = { ...signedHeaders('another-secret', body) }
    const stale = signedHeaders(SECRET, body, Date.now() - 600_000)
    assert.equal((await b.post(toRoom('ack:2'), forged)).status, 401)
    assert.equal((await b.post(toRoom('ack:2'), stale)).status, 401)
    assert.equal((await b.post(toRoom('ack:2'), { 'content-type': 'application/json' })).status, 401)
    assert.deepEqual(b.said, [])
  } finally {
    await b.close()
  }
})

test('past its pace a room gets 429 with Retry-After; another room and private messages are not held up', async () => {
  const b = await bridge({ perMinute: 2 })
  try {
    assert.equal((await b.post(toRoom('k-1'))).status, 200)
    assert.equal((await b.post(toRoom('k-2'))).status, 200)
    const third = await b.post(toRoom('k-3'))
    assert.equal(third.status, 429)
    assert.ok(Number(third.headers.get('retry-after')) >= 1)
    assert.equal((await b.post({ ...toRoom('k-4'), chatId: 'room-2@chatroom' })).status, 200)
    assert.equal((await b.post({ chatId: null, toUserId: 'wxid-wang', text: '您的售后已登记', mentions: [], idempotencyKey: 'k-5' })).status, 200)
    assert.deepEqual(b.said.map(m => m.idempotencyKey), ['k-1', 'k-2', 'k-4', 'k-5'])
  } finally {
    await b.close()
  }
})

test('a body that is not a message is a 400; a puppet that cannot say it is a 503, so the host tries again', async () => {
  const b = await bridge({ fail: true })
  try {
    assert.equal((await b.post({ chatId: 'room-1@chatroom', text: '' , idempotencyKey: 'x' })).status, 400)
    assert.equal((await b.post(toRoom('k-9'))).status, 503)
    assert.equal((await b.post(toRoom('k-9'))).status, 503, 'not remembered as sent')
  } finally {
    await b.close()
  }
})

test('the same key posted again while it is being said waits (429) and is said once', async () => {
  const b = await bridge({ slow: 300 })
  try {
    const [first, second] = await Promise.all([b.post(toRoom('ack:7')), new Promise(done => setTimeout(done, 50)).then(() => b.post(toRoom('ack:7')))])
    assert.equal(first.status, 200)
    assert.equal(second.status, 429)
    assert.equal((await (await b.post(toRoom('ack:7'))).json()).status, 'duplicate')
    assert.equal(b.said.length, 1)
  } finally {
    await b.close()
  }
})

test('targets, mentions and keys that are not one line of text are a 400', async () => {
  const b = await bridge()
  try {
    assert.equal((await b.post({ ...toRoom('k\nx') })).status, 400)
    assert.equal((await b.post({ ...toRoom('k-10'), chatId: { id: 'room' } })).status, 400)
    assert.equal((await b.post({ ...toRoom('k-11'), mentions: [42] })).status, 400)
    assert.deepEqual(b.said, [])
  } finally {
    await b.close()
  }
})

test('a message that could not be said does not use up the room\'s pace', async () => {
  const failing = await bridge({ perMinute: 1, fail: true })
  try {
    assert.equal((await failing.post(toRoom('k-12'))).status, 503)
    assert.equal((await failing.post(toRoom('k-12'))).status, 503, 'not 429: the failed try gave its slot back')
  } finally {
    await failing.close()
  }
})
