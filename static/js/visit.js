// The visit log saves itself as the coach types and survives a dropped connection (the keeping
// on this device and the retries are save-queue.js's). The first save creates the visit, the
// next ones update it, each carrying the revision it started from: when someone else saved the
// visit meanwhile, nothing is overwritten; the coach is told and saves the form to compare.
// Follow-up rows can be added and removed; without JavaScript the form offers blank rows.
(function () {
  "use strict";
  var form = document.querySelector("form[data-visit-autosave]");
  if (!form) return;

  var text = form.dataset;
  var status = form.querySelector(".autosave-status");
  var revisionInput = form.querySelector("input[name=revision]");
  var stopped = false;
  var queue = null;

  function say(message, mood) {
    if (!status) return;
    status.textContent = message;
    status.dataset.state = mood || "";
  }

  function changed(event) {
    if (event && event.target && event.target.type === "file") return;
    if (!queue || stopped) return;
    remember();
    queue.schedule();
  }

  // Follow-up rows ------------------------------------------------------------------------------

  var rows = form.querySelector("[data-follow-up-rows]");
  var template = form.querySelector("template[data-follow-up-template]");
  var total = form.querySelector("input[name=follow_ups-TOTAL_FORMS]");
  var addButton = form.querySelector("[data-add-follow-up]");

  function enableRemove(row) {
    var check = row.querySelector("[data-remove-check]");
    var button = row.querySelector("[data-remove-row]");
    if (!check || !button) return;
    check.hidden = true;
    button.hidden = false;
    button.addEventListener("click", function () {
      check.querySelector("input[type=checkbox]").checked = true;
      row.hidden = true;
      if (addButton) addButton.focus();
      changed();
    });
  }

  if (rows) rows.querySelectorAll("[data-follow-up-row]").forEach(enableRemove);
  if (rows && template && total && addButton) {
    addButton.hidden = false;
    addButton.addEventListener("click", function () {
      var index = Number(total.value);
      var copy = template.content.cloneNode(true);
      copy.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (node) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
          var value = node.getAttribute(attribute);
          if (value) node.setAttribute(attribute, value.replace(/__prefix__/g, String(index)));
        });
      });
      var row = copy.querySelector("[data-follow-up-row]");
      rows.appendChild(copy);
      total.value = String(index + 1);
      enableRemove(row);
      var first = row.querySelector("input:not([type=hidden])");
      if (first) first.focus();
    });
  }

  // A plan action whose status or progress is changed was worked on.
  form.querySelectorAll("[data-action-row]").forEach(function (row) {
    var tick = row.querySelector("input[type=checkbox][name$='-worked_on']");
    row.querySelectorAll("select, input[type=number]").forEach(function (field) {
      field.addEventListener("change", function () { if (tick) tick.checked = true; });
    });
  });

  // Saving as you go ----------------------------------------------------------------------------

  if (!window.fetch || !window.FormData || !window.SaveQueue || !window.CSS || !CSS.escape) return;
  var storageKey = text.storageKey;

  function fieldsOnly() {
    var data = new FormData(form);
    form.querySelectorAll("input[type=file]").forEach(function (input) { data.delete(input.name); });
    data.delete("next");
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

  // What was typed on this device and never confirmed saved is put back, with the revision it
  // was typed from: if the visit moved on meanwhile, the save is refused as a conflict.
  function restore() {
    var kept = SaveQueue.kept(storageKey);
    if (!kept || !kept.unsaved) return false;
    Object.keys(kept.values).forEach(function (name) {
      var values = kept.values[name];
      form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (field) {
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = values.indexOf(field.value) !== -1;
        } else if (field.type !== "file" && (field.type !== "hidden" || name === "revision" || name === "draft_key")) {
          field.value = values[0];
        }
      });
    });
    say(text.textRestored);
    return true;
  }

  function setField(name, value) {
    var field = form.querySelector('[name="' + CSS.escape(name) + '"]');
    if (field) field.value = value;
  }

  function clearErrors() {
    form.querySelectorAll("[data-autosave-errors]").forEach(function (list) { list.remove(); });
  }

  function showErrors(errors) {
    clearErrors();
    Object.keys(errors).forEach(function (name) {
      var field = form.querySelector('[name="' + CSS.escape(name) + '"]');
      var list = document.createElement("ul");
      list.className = "errors";
      list.dataset.autosaveErrors = "";
      errors[name].forEach(function (message) {
        var item = document.createElement("li");
        item.textContent = message;
        list.appendChild(item);
      });
      if (field && field.type !== "hidden") {
        field.insertAdjacentElement("beforebegin", list);
      } else if (status) {
        status.insertAdjacentElement("afterend", list);
      }
    });
  }

  function landed(body) {
    if (body.storage_key !== storageKey) {
      SaveQueue.forget(storageKey);
      storageKey = body.storage_key;
    }
    revisionInput.value = String(body.revision);
    form.action = body.form_url;
    form.dataset.autosaveUrl = body.autosave_url;
    if (window.history && window.location.pathname !== body.form_url) {
      window.history.replaceState(null, "", body.form_url);
    }
    Object.keys(body.follow_ups).forEach(function (prefix) {
      setField(prefix + "-id", body.follow_ups[prefix]);
    });
    form.querySelectorAll("[data-action-row]").forEach(function (row) {
      var id = row.querySelector("input[name$='-action']");
      var now = id && body.actions[id.value];
      if (!now) return;
      var prefix = id.name.slice(0, -"action".length);
      setField(prefix + "initial_status", now.status);
      setField(prefix + "initial_progress", now.progress);
    });
  }

  function send() {
    if (stopped) return Promise.resolve();
    say(text.textSaving);
    return fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: fieldsOnly(),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.status === 409) {
        stopped = true;
        return response.json().then(function (body) { say(body.message, "conflict"); });
      }
      if (response.status === 400) {
        return response.json().then(function (body) {
          showErrors(body.errors);
          say(text.textInvalid, "unsaved");
        });
      }
      if (!response.ok || response.redirected) throw new Error(String(response.status));
      return response.json().then(function (body) {
        clearErrors();
        landed(body);
        if (!queue.hasPending()) SaveQueue.forget(storageKey);
        say(text.textSaved + " " + body.saved_at, "saved");
      });
    });
  }

  queue = new SaveQueue(send, {
    onFailure: function () { say(text.textOffline, "unsaved"); }
  });
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // Offline, the form would be lost to an error page: it stays here and is sent when the
  // connection is back. Online, the server answers the submission with the form or the list.
  form.addEventListener("submit", function (event) {
    if (navigator.onLine === false) {
      event.preventDefault();
      remember();
      queue.schedule(0);
      say(text.textOffline, "unsaved");
      return;
    }
    SaveQueue.forget(storageKey);
  });
  if (restore()) queue.schedule(0);
})();
