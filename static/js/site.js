// Mobile menu disclosure and click-to-load embeds. Loaded in <head> without defer so that the "js" class
// is on <html> before the first paint: the phone menu then starts closed
// instead of collapsing under the reader (a layout shift). Without JavaScript
// the class is never set, the button stays hidden and the menu is always shown.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function initMenu() {
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
  // Embedded players from other sites load only when the reader asks.
  function initEmbeds() {
    document.querySelectorAll("[data-embed]").forEach(function (figure) {
      var consent = figure.querySelector(".embed__consent");
      var template = figure.querySelector("template");
      if (!consent || !template || !template.content.querySelector("iframe")) return;
      consent.hidden = false;
      consent.querySelector("button").addEventListener("click", function () {
        var frame = document.createElement("div");
        frame.className = "embed__frame";
        frame.appendChild(template.content.cloneNode(true));
        var iframe = frame.querySelector("iframe");
        iframe.title = figure.querySelector(".embed__link a").textContent;
        consent.replaceWith(frame);
        iframe.focus();
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    initMenu();
    initEmbeds();
  });
})();
