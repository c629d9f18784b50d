// Figures with `figures=switch`: show the variant the drop-downs select. Every variant is an
// image computed by torch at build time; this script only swaps which one is shown, with its
// alt text, and greys out the options that lead to no variant from the current choice.
document.querySelectorAll(".example-switch").forEach((box) => {
  const variants = JSON.parse(box.dataset.variants);
  const selects = [...box.querySelectorAll("select")];
  const image = box.querySelector("img");
  const missing = box.querySelector(".example-switch__missing");
  const keyWith = (index, value) => selects.map((select, i) => (i === index ? value : select.value)).join("|");
  const show = () => {
    const [src, alt] = variants[keyWith(-1)] || [];
    // style, not the hidden attribute: the theme's img rules would override [hidden].
    image.style.display = src ? "" : "none";
    missing.hidden = Boolean(src);
    if (src) {
      image.src = src;
      image.alt = alt;
    }
    selects.forEach((select, index) => {
      [...select.options].forEach((option) => {
        option.classList.toggle("example-switch__unavailable", !(keyWith(index, option.value) in variants));
      });
    });
  };
  selects.forEach((select) => select.addEventListener("change", show));
  show();
});
