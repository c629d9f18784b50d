// The few theme strings that Markdown extensions write in English whatever the page's language:
// the heading anchors' "Permanent link" tooltip (toc's permalink_title is one per site).
(function () {
  if (!document.documentElement.lang.startsWith("zh")) return;
  for (const link of document.querySelectorAll("a.headerlink")) link.title = "永久链接";
})();
