// Text typed in the admin takes the direction of its own content: an Arabic name reads
// right-to-left even when the admin itself is in English or Vietnamese, and the reverse.
(function () {
  "use strict";
  var SELECTOR = 'input[type="text"]:not([dir]), input[type="search"]:not([dir]), input:not([type]):not([dir]), textarea:not([dir])';

  function mark(root) {
    if (!root.querySelectorAll) return;
    if (root.matches && root.matches(SELECTOR)) root.setAttribute("dir", "auto");
    root.querySelectorAll(SELECTOR).forEach(function (field) {
      field.setAttribute("dir", "auto");
    });
  }

  function start() {
    mark(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(mark);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
