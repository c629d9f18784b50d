// The site has one search index for both languages, so a Chinese query that also matches
// English words (PixelShuffle, align_corners) can rank the English page first. Keep the
// reader's language on top: results for pages in the page's own language come first,
// each group in Material's order.
(function () {
  const list = document.querySelector(".md-search-result__list");
  if (!list) return;
  const readerIsZh = document.documentElement.lang.startsWith("zh");
  const isOwnLanguage = (item) => {
    const link = item.querySelector("a");
    return !!link && new URL(link.href, location.href).pathname.includes("/zh/") === readerIsZh;
  };
  new MutationObserver(() => {
    const items = [...list.children];
    const sorted = [...items.filter(isOwnLanguage), ...items.filter((item) => !isOwnLanguage(item))];
    // Re-appending fires the observer once more; by then the order is already right.
    if (sorted.some((item, i) => item !== items[i])) list.append(...sorted);
  }).observe(list, { childList: true });
})();
