// The chat simulator: sends what you type without reloading and shows the bot's messages as they
// leave the outbox (polled once a second). Without this script the page still works by reloading.
document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('simulator');
  if (!root) return;
  const groupChat = document.getElementById('group-chat');
  const privateChat = document.getElementById('private-chat');
  const who = document.getElementById('private-who');
  const sayForm = document.getElementById('say-form');
  const privateForm = document.getElementById('private-form');
  const nameInput = document.getElementById('sim-name');
  let after = Number(root.dataset.after || 0);
  let privateLines = JSON.parse(document.getElementById('private-initial').textContent || '[]');

  const asLeader = () => sayForm.querySelector('input[name="AsLeader"]:checked')?.value === 'true';
  const speaker = () => asLeader() ? root.dataset.leaderId : 'sim:' + nameInput.value.trim();
  const speakerName = () => asLeader() ? root.dataset.leaderName : nameInput.value.trim();

  const line = (m) => {
    const div = document.createElement('div');
    div.className = 'msg' + (m.fromBot ? ' bot' : (m.personId === speaker() ? ' me' : ''));
    div.dataset.id = m.id;
    div.dataset.person = m.personId;
    const meta = document.createElement('div');
    meta.className = 'who';
    meta.textContent = `${m.senderName} · ${m.at}`;
    const text = document.createElement('div');
    text.className = 'text';
    text.textContent = m.text;
    div.append(meta, text);
    return div;
  };

  const showPrivate = () => {
    who.textContent = '（' + speakerName() + '）';
    privateChat.replaceChildren();
    const mine = privateLines.filter((m) => m.personId === speaker());
    if (mine.length === 0) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = '机器人私聊你的消息会出现在这里。';
      privateChat.append(p);
    }
    mine.forEach((m) => privateChat.append(line(m)));
    privateChat.scrollTop = privateChat.scrollHeight;
  };

  const markMine = () => groupChat.querySelectorAll('.msg:not(.bot)').forEach((el) => el.classList.toggle('me', el.dataset.person === speaker()));

  const poll = async () => {
    try {
      const response = await fetch(root.dataset.messagesUrl + '&after=' + after, { credentials: 'same-origin' });
      if (!response.ok) return;
      const messages = await response.json();
      let privateChanged = false;
      for (const m of messages) {
        after = Math.max(after, m.id);
        if (m.chatId) {
          groupChat.querySelector('.empty')?.remove();
          groupChat.append(line(m));
          groupChat.scrollTop = groupChat.scrollHeight;
        } else {
          privateLines.push(m);
          privateChanged = true;
        }
      }
      if (privateChanged) showPrivate();
    } catch { /* the next round tries again */ }
  };

  const send = (form, extra) => async (event) => {
    event.preventDefault();
    const body = new FormData(form);
    if (form !== sayForm) {
      body.set('AsLeader', asLeader());
      body.set('Name', nameInput.value);
    }
    if (extra && event.submitter && event.submitter.name === 'Photo') body.set('Photo', 'true');
    const response = await fetch(form.action || location.href.split('?')[0] + '?handler=say', {
      method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' },
    });
    if (response.ok) {
      form.querySelector('input[name="Text"]').value = '';
      await poll();
    } else {
      const problem = await response.json().catch(() => ({ detail: '发送失败' }));
      alert(problem.detail || '发送失败');
    }
  };

  sayForm.addEventListener('submit', send(sayForm, true));
  privateForm.addEventListener('submit', send(privateForm, false));
  sayForm.addEventListener('change', () => { markMine(); showPrivate(); });
  nameInput.addEventListener('input', () => { markMine(); showPrivate(); });
  markMine();
  showPrivate();
  groupChat.scrollTop = groupChat.scrollHeight;
  setInterval(poll, 1000);
});
