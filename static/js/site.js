// Mobile menu disclosure. Loaded in <head> without defer so that the "js" class
// is on <html> before the first paint: the phone menu then starts closed
// instead of collapsing under the reader (a layout shift). Without JavaScript
// the class is never set, the button stays hidden and the menu is always shown.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function init() {
    var toggle = document.querySelector(".main-nav__toggle");
    if (!toggle) return;
    var narrow = window.matchMedia("(max-width: 47.99em)");
    function isOpen() {
      return toggle.getAttribute("aria-expanded") === "true";
    }
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", String(!isOpen()));
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && narrow.matches && isOpen()) {
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }
  document.addEventListener("DOMContentLoaded", init);
})();
