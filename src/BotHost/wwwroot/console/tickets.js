// 售后工单: ticks the server-rendered countdowns down once a minute. It counts from the host's time
// the page was made at (data-now), not the browser's clock, and words them as the page does.
(() => {
  const minute = 60 * 1000, hour = 60 * minute, day = 24 * hour, near = hour;
  const duration = (ms) => {
    if (ms < minute) return '不到 1 分钟';
    if (ms < hour) return `${Math.floor(ms / minute)} 分钟`;
    if (ms < day) {
      const h = Math.floor(ms / hour), m = Math.floor((ms % hour) / minute);
      return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
    }
    const d = Math.floor(ms / day), h = Math.floor((ms % day) / hour);
    return h === 0 ? `${d} 天` : `${d} 天 ${h} 小时`;
  };
  const loaded = Date.now();
  const tick = () => {
    document.querySelectorAll('.countdown[data-due][data-now]').forEach((badge) => {
      const now = Number(badge.dataset.now) + (Date.now() - loaded);
      const left = Number(badge.dataset.due) - now;
      const text = left < 0
        ? (left > -minute ? '刚刚超时' : `已超时 ${duration(-left)}`)
        : (left < minute ? '不到 1 分钟就到期' : `还剩 ${duration(left)}`);
      const target = badge.querySelector('.left');
      if (target) target.textContent = text;
      badge.classList.toggle('bad', left < 0);
      badge.classList.toggle('warn', left >= 0 && left <= near);
    });
  };
  setInterval(tick, 30 * 1000);
})();
