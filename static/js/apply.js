// The application form saves itself as people type, and survives a dropped connection:
// every change is first kept in this browser, then sent to the server, retried until it lands
// (the keeping and retrying are save-queue.js's).
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData || !window.SaveQueue) return;

  var status = form.querySelector(".autosave-status");
  var storageKey = form.dataset.storageKey;
  var queue = new SaveQueue(save, {
    onFailure: function () { say(form.dataset.textOffline); }
  });

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
    SaveQueue.keep(storageKey, { values: snapshot(), unsaved: true });
  }

  function restore() {
    var kept = SaveQueue.kept(storageKey);
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
    say(form.dataset.textSaving);
    return fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: fieldsOnly(),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.status === 409 || response.status === 410) {
        SaveQueue.forget(storageKey);
        window.location.reload();
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      return response.json().then(function (body) {
        if (!queue.hasPending()) SaveQueue.forget(storageKey);
        say(form.dataset.textSaved + " " + body.saved_at);
      });
    });
  }

  function changed(event) {
    if (event.target.type === "file" || event.target.name === "website") return;
    remember();
    queue.schedule();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { remember(); });
  if (restore()) queue.schedule(0);
})();
