// Figures with `figures=switch`: show the variant the drop-downs select. Every variant is an
// image computed by torch at build time; this script only swaps which one is shown.
document.querySelectorAll(".example-switch").forEach((box) => {
  const variants = JSON.parse(box.dataset.variants);
  const selects = [...box.querySelectorAll("select")];
  const image = box.querySelector("img");
  const missing = box.querySelector(".example-switch__missing");
  const show = () => {
    const src = variants[selects.map((select) => select.value).join("|")];
    // style, not the hidden attribute: the theme's img rules would override [hidden].
    image.style.display = src ? "" : "none";
    missing.hidden = Boolean(src);
    if (src) image.src = src;
  };
  selects.forEach((select) => select.addEventListener("change", show));
  show();
});
