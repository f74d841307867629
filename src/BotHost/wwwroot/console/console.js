// Small progressive helpers for the console; every page also works without them.
// data-live-preview="url": posts the form it sits in to url on input and shows the answer in #live-preview.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-live-preview]').forEach((form) => {
    const target = document.getElementById(form.dataset.previewTarget || 'live-preview');
    if (!target) return;
    let timer = null, seq = 0;
    const refresh = async () => {
      const mine = ++seq;
      const body = new FormData(form);
      try {
        const response = await fetch(form.dataset.livePreview, { method: 'POST', body, credentials: 'same-origin' });
        if (mine === seq && response.ok) target.innerHTML = await response.text();
      } catch { /* offline: the preview button still works */ }
    };
    form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 400); });
  });
});
