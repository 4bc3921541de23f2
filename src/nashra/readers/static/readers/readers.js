/* nashra readers: follow / hide / save without a page reload. No inline script (CSP).
   The forms work without JavaScript (they post and redirect back); here they are sent
   with fetch and "Accept: application/json", and the buttons are updated in place. */
(function () {
  "use strict";

  function label(btn, on) {
    btn.textContent = btn.getAttribute(on ? "data-label-on" : "data-label-off");
    btn.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function send(form, data) {
    return fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function showFollow(form, state) {
    form.setAttribute("data-state", state);
    var f = form.querySelector(".follow-btn");
    var h = form.querySelector(".hide-btn");
    if (f) { f.value = state === "following" ? "unfollow" : "follow"; label(f, state === "following"); }
    if (h) { h.value = state === "hidden" ? "unfollow" : "hide"; label(h, state === "hidden"); }
  }

  function showSaved(form, saved) {
    form.setAttribute("data-saved", saved ? "1" : "0");
    form.setAttribute("action", form.getAttribute(saved ? "data-unsave-url" : "data-save-url"));
    var b = form.querySelector(".save-btn");
    if (b) label(b, saved);
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!(form instanceof HTMLFormElement) || !window.fetch) return;
    if (form.classList.contains("follow-form")) {
      ev.preventDefault();
      var data = new FormData(form);
      var btn = ev.submitter;
      if (btn && btn.name) data.set(btn.name, btn.value);
      send(form, data).then(function (res) {
        // every button for the same target on this page follows suit
        var kind = form.querySelector("[name=kind]").value;
        var target = form.querySelector("[name=target]").value;
        document.querySelectorAll("form.follow-form").forEach(function (other) {
          var k = other.querySelector("[name=kind]"), t = other.querySelector("[name=target]");
          if (k && t && k.value === kind && t.value === target) showFollow(other, res.state || "");
        });
      }).catch(function () { form.submit(); });
    } else if (form.classList.contains("save-form")) {
      ev.preventDefault();
      send(form, new FormData(form)).then(function (res) {
        showSaved(form, !!res.saved);
      }).catch(function () { form.submit(); });
    }
  });

  // "s" saves the current item (the one selected with j / k), or the article on its page.
  window.addEventListener("keydown", function (ev) {
    if (ev.key !== "s" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (document.documentElement.getAttribute("data-shortcuts") === "off") return;
    var t = ev.target, tag = t && t.tagName;
    if (t && (t.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT")) return;
    var form = document.querySelector("main .item.is-current .save-form") ||
               document.querySelector(".reader-actions .save-form");
    if (!form) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }, true);

  // The settings page carries the reader's theme and shortcuts: remember them here too.
  var prefs = document.querySelector(".reader-prefs");
  if (prefs) {
    try {
      var theme = prefs.getAttribute("data-theme-pref");
      if (theme) {
        localStorage.setItem("nashra.theme", theme);
        document.documentElement.setAttribute("data-theme", theme);
      }
      localStorage.setItem("nashra.shortcuts", prefs.getAttribute("data-shortcuts-pref") || "on");
    } catch (e) { /* storage unavailable */ }
  }
})();
