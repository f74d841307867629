import { WechatyBuilder } from 'wechaty'
import { readConfig } from './config.js'
import { createBridge } from './bridge.js'

// Started beside the host: `npm start` with the environment described in the README.
const config = readConfig()
const wechaty = WechatyBuilder.build({
  name: 'groupbuy-bridge',
  puppet: config.puppet,
  puppetOptions: config.puppetToken ? { token: config.puppetToken } : undefined,
})

wechaty.on('scan', (qrcode, status) => console.info(`scan status ${status}: https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`))
wechaty.on('login', user => console.info(`logged in as ${user.name()}`))
wechaty.on('logout', user => console.warn(`logged out: ${user.name()}`))
wechaty.on('error', error => console.error(`puppet error: ${error.message}`))

const bridge = createBridge({ wechaty, config })
await bridge.start()
await wechaty.start()

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await bridge.stop()
    await wechaty.stop()
    process.exit(0)
  })
}
