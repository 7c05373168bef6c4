// The application form saves itself as people type, and survives a dropped connection:
// every change is first kept in this browser, then sent to the server, retried until it lands.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData) return;

  var status = form.querySelector(".autosave-status");
  var storageKey = form.dataset.storageKey;
  var delay = 1500;
  var timer = null;
  var retryDelay = 2000;
  var inFlight = false;
  var pending = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function fieldsOnly() {
    var data = new FormData(form);
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      data.delete(input.name);
    });
    data.delete("action");
    return data;
  }

  function snapshot() {
    var values = {};
    fieldsOnly().forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken") return;
      (values[name] = values[name] || []).push(value);
    });
    return values;
  }

  function remember() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ values: snapshot(), unsaved: true }));
    } catch (error) { /* private browsing or full storage: the server copy still counts */ }
  }

  function forget() {
    try { localStorage.removeItem(storageKey); } catch (error) { /* nothing kept */ }
  }

  function restore() {
    var kept;
    try { kept = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (error) { kept = null; }
    if (!kept || !kept.unsaved) return false;
    Object.keys(kept.values).forEach(function (name) {
      var values = kept.values[name];
      form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (field) {
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = values.indexOf(field.value) !== -1;
        } else if (field.type !== "file" && field.type !== "hidden") {
          field.value = values[0];
        }
      });
    });
    say(form.dataset.textRestored);
    return true;
  }

  function save() {
    timer = null;
    if (inFlight) { pending = true; return; }
    inFlight = true;
    say(form.dataset.textSaving);
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: fieldsOnly(),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.status === 409 || response.status === 410) {
        forget();
        window.location.reload();
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      return response.json().then(function (body) {
        retryDelay = 2000;
        if (!pending) forget();
        say(form.dataset.textSaved + " " + body.saved_at);
      });
    }).catch(function () {
      say(form.dataset.textOffline);
      retryDelay = Math.min(retryDelay * 2, 60000);
      schedule(retryDelay);
    }).then(function () {
      inFlight = false;
      if (pending) { pending = false; schedule(0); }
    });
  }

  function schedule(wait) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, wait === undefined ? delay : wait);
  }

  function changed(event) {
    if (event.target.type === "file" || event.target.name === "website") return;
    remember();
    schedule();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("online", function () { schedule(0); });
  form.addEventListener("submit", function () { remember(); });
  if (restore()) schedule(0);
})();
