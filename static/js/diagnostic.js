// A diagnostic screen saves itself as the coach fills it in, and survives a dropped connection:
// each changed field is kept on this device with the value it started from (its base), then
// sent to the server, which merges it with what others saved meanwhile. When someone else
// changed the same field, both values are shown and the coach chooses: nothing is overwritten
// silently. Without JavaScript the same form is posted as a whole and merged the same way.
(function () {
  "use strict";
  var form = document.querySelector("form[data-diagnostic-autosave]");
  if (!form || !window.fetch || !window.SaveQueue || !window.CSS || !CSS.escape) return;

  var text = form.dataset;
  var storageKey = text.storageKey;
  var status = form.querySelector(".autosave-status");
  var conflictBox = form.querySelector("[data-conflicts]");
  var revisionInput = form.querySelector("input[name=revision]");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var kept = SaveQueue.kept(storageKey) || {};
  var state = {
    revision: Number(revisionInput.value),
    changes: kept.changes || {},
    base: kept.base || {},
    conflicts: kept.conflicts || {}
  };
  var queue = new SaveQueue(send, {
    onFailure: function () {
      if (!state.signedOut) say(text.textOffline, "unsaved");
    }
  });

  function say(message, mood) {
    if (!status) return;
    status.textContent = message;
    status.dataset.state = mood || "";
  }

  function baseInput(name) {
    return form.querySelector('input[type=hidden][name="initial-' + CSS.escape(name) + '"]');
  }

  function valueOf(name) {
    var field = form.elements.namedItem(name);
    return field ? field.value : null;
  }

  function setValue(name, value) {
    var field = form.elements.namedItem(name);
    if (!field) return;
    if (field instanceof RadioNodeList) {
      Array.prototype.forEach.call(field, function (radio) { radio.checked = radio.value === value; });
    } else {
      field.value = value;
    }
  }

  function keep() {
    var unsent = Object.keys(state.changes).length + Object.keys(state.conflicts).length;
    if (unsent) {
      SaveQueue.keep(storageKey, { changes: state.changes, base: state.base, conflicts: state.conflicts });
    } else {
      SaveQueue.forget(storageKey);
    }
  }

  // What was sent is now stored: it becomes the base of the next change to that field.
  function landed(fields, except) {
    Object.keys(fields).forEach(function (name) {
      if (except[name]) return;
      var input = baseInput(name);
      if (input) input.value = fields[name];
      if (state.changes[name] === fields[name]) {
        delete state.changes[name];
        delete state.base[name];
      } else {
        state.base[name] = fields[name];
      }
    });
  }

  function clearErrors() {
    form.querySelectorAll("[data-autosave-errors]").forEach(function (list) { list.remove(); });
  }

  function showErrors(errors) {
    Object.keys(errors).forEach(function (name) {
      var field = form.elements.namedItem(name);
      var element = field instanceof RadioNodeList ? field[0] : field;
      var box = element && element.closest(".field, .question");
      if (!box) return;
      var list = document.createElement("ul");
      list.className = "errors";
      list.dataset.autosaveErrors = "";
      errors[name].forEach(function (message) {
        var item = document.createElement("li");
        item.textContent = message;
        list.appendChild(item);
      });
      box.insertBefore(list, box.firstElementChild ? box.firstElementChild.nextSibling : null);
    });
  }

  function button(label, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button--secondary";
    element.textContent = label;
    element.addEventListener("click", onClick);
    return element;
  }

  function choice(term, shown, action) {
    var group = document.createElement("div");
    var dt = document.createElement("dt");
    var dd = document.createElement("dd");
    dt.textContent = term;
    var value = document.createElement("span");
    value.dir = "auto";
    value.textContent = shown;
    dd.appendChild(value);
    dd.appendChild(document.createTextNode(" "));
    dd.appendChild(action);
    group.appendChild(dt);
    group.appendChild(dd);
    return group;
  }

  function keepTheirs(row) {
    setValue(row.key, row.stored);
    var input = baseInput(row.key);
    if (input) input.value = row.stored;
    delete state.conflicts[row.key];
    delete state.changes[row.key];
    delete state.base[row.key];
    keep();
    showConflicts();
  }

  function keepMine(row) {
    setValue(row.key, row.submitted);
    var input = baseInput(row.key);
    if (input) input.value = row.stored;
    delete state.conflicts[row.key];
    state.changes[row.key] = row.submitted;
    state.base[row.key] = row.stored;
    keep();
    showConflicts();
    queue.schedule(0);
  }

  function showConflicts() {
    if (!conflictBox) return;
    var rows = Object.keys(state.conflicts).map(function (key) { return state.conflicts[key]; });
    conflictBox.textContent = "";
    conflictBox.hidden = rows.length === 0;
    if (!rows.length) return;
    var intro = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = text.textConflict;
    intro.appendChild(strong);
    conflictBox.appendChild(intro);
    var list = document.createElement("ul");
    list.className = "conflict-list";
    rows.forEach(function (row) {
      var item = document.createElement("li");
      item.className = "conflict";
      var label = document.createElement("p");
      label.className = "conflict__label";
      label.textContent = row.label;
      var choices = document.createElement("dl");
      choices.appendChild(choice(text.textTheirs, row.stored_display,
        button(text.textKeepTheirs, function () { keepTheirs(row); })));
      choices.appendChild(choice(text.textMine, row.submitted_display,
        button(text.textKeepMine, function () { keepMine(row); })));
      item.appendChild(label);
      item.appendChild(choices);
      list.appendChild(item);
    });
    conflictBox.appendChild(list);
  }

  function handle(response, body, fields) {
    state.signedOut = false;
    if (body.revision) {
      state.revision = body.revision;
      revisionInput.value = body.revision;
    }
    if (response.ok) {
      landed(fields, {});
      clearErrors();
      keep();
      say(text.textSaved + " " + body.saved_at, "saved");
      return;
    }
    if (body.error === "conflict") {
      var conflicting = {};
      body.conflicts.forEach(function (row) {
        conflicting[row.key] = true;
        state.conflicts[row.key] = row;
        delete state.changes[row.key];
        delete state.base[row.key];
      });
      landed(fields, conflicting);
      keep();
      showConflicts();
      say(text.textConflict, "unsaved");
      conflictBox.scrollIntoView({ block: "nearest" });
      return;
    }
    if (body.error === "invalid") {
      var dropped = 0;
      clearErrors();
      showErrors(body.errors || {});
      Object.keys(fields).forEach(function (name) {
        var unknown = body.errors.__all__ && !form.elements.namedItem(name);
        if (body.errors[name] || unknown) {
          delete state.changes[name];
          dropped += 1;
        }
      });
      if (!dropped) Object.keys(fields).forEach(function (name) { delete state.changes[name]; });
      keep();
      say(text.textInvalid, "unsaved");
      if (Object.keys(state.changes).length) queue.schedule(0);
      return;
    }
    if (body.error === "signed_out") {
      state.signedOut = true;
      say(body.message, "unsaved");
      throw new Error("signed out");
    }
    // Completed meanwhile, or no longer this coach's: what was typed stays on this device.
    say(body.message || text.textUnsaved, "unsaved");
  }

  function send() {
    var names = Object.keys(state.changes);
    if (!names.length) return Promise.resolve();
    var fields = {};
    var base = {};
    names.forEach(function (name) {
      fields[name] = state.changes[name];
      if (name in state.base) base[name] = state.base[name];
    });
    say(text.textSaving);
    return fetch(text.autosaveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": csrf,
        "X-Requested-With": "fetch"
      },
      body: JSON.stringify({ revision: state.revision, fields: fields, base: base })
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      // A proxy's error page, or anything else that is not our answer: try again later.
      if (type.indexOf("application/json") === -1 || response.status >= 500) {
        throw new Error(String(response.status));
      }
      return response.json().then(function (body) { handle(response, body, fields); });
    });
  }

  function changed(event) {
    var name = event.target.name;
    if (!name || name.indexOf("initial-") === 0 || !baseInput(name)) return;
    if (!(name in state.base)) state.base[name] = baseInput(name).value;
    if (state.conflicts[name]) {
      // Typing again in a field shown as a conflict is a choice: this new value.
      state.base[name] = state.conflicts[name].stored;
      delete state.conflicts[name];
      showConflicts();
    }
    state.changes[name] = valueOf(name);
    keep();
    say(text.textUnsaved, "unsaved");
    queue.schedule();
  }

  function restore() {
    var restored = false;
    Object.keys(state.changes).forEach(function (name) {
      var input = baseInput(name);
      if (input && input.value === state.changes[name]) {
        // Already saved (the form was posted): nothing left to send for this field.
        delete state.changes[name];
        delete state.base[name];
        return;
      }
      if (valueOf(name) !== null && valueOf(name) !== state.changes[name]) {
        setValue(name, state.changes[name]);
      }
      restored = true;
    });
    keep();
    showConflicts();
    if (restored) {
      say(text.textRestored, "unsaved");
      queue.schedule(0);
    }
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", keep);
  restore();
})();
