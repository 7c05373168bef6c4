// Shared by the forms that save as people type (apply.js, diagnostic.js): what is typed is kept
// on this device first, then sent; a failed send is retried with a growing delay, and at once
// when the browser says the connection is back. Nothing is dropped while a send is in flight.
(function () {
  "use strict";

  // send() returns a promise: resolved when the server has the changes (or refused them for
  // good), rejected when they must be sent again later (no connection, server error).
  function SaveQueue(send, options) {
    options = options || {};
    var pause = options.pause || 1500;
    var firstRetry = options.firstRetry || 2000;
    var maxRetry = options.maxRetry || 60000;
    var retryDelay = firstRetry;
    var timer = null;
    var inFlight = false;
    var pending = false;
    var self = this;

    function run() {
      timer = null;
      if (inFlight) { pending = true; return; }
      inFlight = true;
      pending = false;
      var failed = false;
      Promise.resolve().then(send).then(function () {
        retryDelay = firstRetry;
      }, function () {
        failed = true;
        if (options.onFailure) options.onFailure();
        retryDelay = Math.min(retryDelay * 2, maxRetry);
      }).then(function () {
        inFlight = false;
        if (failed) self.schedule(retryDelay);
        else if (pending) self.schedule(0);
        pending = false;
      });
    }

    this.schedule = function (wait) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, wait === undefined ? pause : wait);
    };
    // Changes made while a send is in flight go with the next one.
    this.hasPending = function () { return pending; };

    window.addEventListener("online", function () {
      retryDelay = firstRetry;
      self.schedule(0);
    });
  }

  // localStorage may be unavailable (private browsing, full storage): the server copy counts.
  SaveQueue.keep = function (key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* not kept */ }
  };
  SaveQueue.kept = function (key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (error) { return null; }
  };
  SaveQueue.forget = function (key) {
    try { localStorage.removeItem(key); } catch (error) { /* nothing kept */ }
  };

  window.SaveQueue = SaveQueue;
})();
