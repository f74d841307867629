// 登记新群: the WeCom fields show only for a WeCom group. Hidden fields are disabled, so they are
// not sent; without this script every field shows and the server says what does not apply.
document.addEventListener('DOMContentLoaded', () => {
  const channel = document.querySelector('[data-channel]');
  if (!channel) return;
  const sections = document.querySelectorAll('[data-for-channel]');
  const apply = () => sections.forEach((section) => {
    const applies = section.dataset.forChannel === channel.value;
    section.hidden = !applies;
    section.querySelectorAll('input, select').forEach((field) => { field.disabled = !applies; });
  });
  channel.addEventListener('change', apply);
  apply();
});
